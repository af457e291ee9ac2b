package org.partnershipledger.audit.pack;

import java.util.List;
import java.util.Optional;

/**
 * What a verification established, in sentences for the person who ran it, and the first failure if there was one.
 * Verification stops at the first failure: after one thing is wrong, the rest proves nothing worth reading.
 */
public record VerificationResult(List<String> verified, Optional<String> failure) {

    public VerificationResult {
        verified = List.copyOf(verified);
    }

    static VerificationResult passed(List<String> verified) {
        return new VerificationResult(verified, Optional.empty());
    }

    static VerificationResult failed(List<String> verifiedSoFar, String failure) {
        return new VerificationResult(verifiedSoFar, Optional.of(failure));
    }

    public boolean valid() {
        return failure.isEmpty();
    }
}
