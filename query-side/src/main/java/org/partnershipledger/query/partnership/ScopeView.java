package org.partnershipledger.query.partnership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partnershipledger.events.common.Evidence;

/** What the partnership grew to: every region and program brought into scope, and each extension with its why. */
public class ScopeView {

    public List<String> regions = new ArrayList<>();
    public List<String> programs = new ArrayList<>();
    public List<Extension> history = new ArrayList<>();

    public record Extension(List<String> regions, List<String> programs, String reason, List<Evidence> evidence,
                            String decisionRef, Instant extendedAt) {
    }
}
