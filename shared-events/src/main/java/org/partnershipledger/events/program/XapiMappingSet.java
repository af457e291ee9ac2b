package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Which learning records (xAPI statements) are the program's, whole: those whose object is one of
 * {@code activityIds} or whose context activities name one of {@code contextActivityIds}, and which figures their
 * verbs feed ({@code rules}). It replaces any earlier mapping ({@code replaced} says whether there was one).
 */
@Revision("1")
public record XapiMappingSet(ProgramId programId, List<String> activityIds, List<String> contextActivityIds,
                             List<XapiRule> rules, boolean replaced) implements ProgramEvent {

    public XapiMappingSet {
        activityIds = activityIds == null ? List.of() : List.copyOf(activityIds);
        contextActivityIds = contextActivityIds == null ? List.of() : List.copyOf(contextActivityIds);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
