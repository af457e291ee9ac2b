package org.partnershipledger.command.program;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.program.XapiRule;
import org.partnershipledger.platform.web.ProblemCode;

/** The shape of a program's xAPI mapping: activities that are the program's, and rules that each feed one figure. */
final class XapiMappings {

    private XapiMappings() {
    }

    static void assertShape(SetXapiMapping command) {
        if (command.activityIds().isEmpty() && command.contextActivityIds().isEmpty()) {
            throw invalid("activityIds or contextActivityIds must name at least one activity (an IRI)");
        }
        assertIris(command.activityIds(), "activityIds");
        assertIris(command.contextActivityIds(), "contextActivityIds");
        if (command.rules().isEmpty()) {
            throw invalid("rules must hold at least one rule");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.rules().size(); i++) {
            XapiRule rule = command.rules().get(i);
            String at = "rules[" + i + "].";
            if (rule == null || !iri(rule.verb())) {
                throw invalid(at + "verb must be the verb's IRI, such as http://adlnet.gov/expapi/verbs/passed");
            }
            if (rule.kpiId() == null || rule.kpiId().isBlank()) {
                throw invalid(at + "kpiId must be given");
            }
            if (rule.level() < 1 || rule.level() >= ImpactRules.ROI) {
                throw invalid(at + "level must be 1 to 4 (ROI, level 5, needs cost and benefit, which statements "
                        + "do not carry)");
            }
            if (rule.measure() == null) {
                throw invalid(at + "measure must be given");
            }
            for (String extension : new String[] {rule.cohortExtension(), rule.regionExtension()}) {
                if (extension != null && !iri(extension)) {
                    throw invalid(at + "cohortExtension and regionExtension must be context extension IRIs");
                }
            }
            if (!seen.add(rule.verb() + "|" + rule.kpiId() + "|" + rule.level() + "|" + rule.measure())) {
                throw invalid(at + " repeats an earlier rule (same verb, kpiId, level and measure)");
            }
        }
    }

    /** The KPIs the rules feed that are not the program's targets. */
    static List<String> unknownKpis(List<XapiRule> rules, Set<String> kpiTargets) {
        return rules.stream().map(XapiRule::kpiId).filter(kpi -> !kpiTargets.contains(kpi)).distinct().toList();
    }

    private static void assertIris(List<String> ids, String field) {
        for (int i = 0; i < ids.size(); i++) {
            if (!iri(ids.get(i))) {
                throw invalid(field + "[" + i + "] must be an absolute IRI");
            }
        }
    }

    private static boolean iri(String text) {
        if (text == null || text.isBlank() || !text.equals(text.strip())) {
            return false;
        }
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static LedgerRejection invalid(String message) {
        return new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, message);
    }
}
