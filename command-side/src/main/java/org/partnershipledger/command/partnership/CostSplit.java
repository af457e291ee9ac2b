package org.partnershipledger.command.partnership;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.CostShareAccepted;
import org.partnershipledger.events.partnership.CostSharingAgreed;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * The current cost split as its business units live it: which units it has, which accepted their share (a new
 * split asks every unit again), and its currency, in which spend is recorded.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CostSplit {

    private String currency;
    /** The split's business units, by their name without case, as the split names them. */
    private Map<String, String> units = new HashMap<>();
    private Set<String> accepted = new HashSet<>();

    /** The business unit as the current split names it. */
    String unit(String businessUnit) {
        if (currency == null) {
            throw new LedgerRejection.RuleViolated(ProblemCode.NO_COST_SHARING, "Agree a cost split first");
        }
        String unit = businessUnit == null ? null : units.get(key(businessUnit));
        if (unit == null) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_BUSINESS_UNIT,
                    businessUnit + " is not in the current cost split: " + units.values());
        }
        return unit;
    }

    void assertNotAccepted(String unit) {
        if (accepted.contains(key(unit))) {
            throw new LedgerRejection.RuleViolated(ProblemCode.COST_SHARE_ALREADY_ACCEPTED,
                    unit + " already accepted its share of the current split");
        }
    }

    /** The split's currency; a spend that names another one is refused. */
    String currency(String named) {
        if (named != null && !named.isBlank() && !named.trim().equalsIgnoreCase(currency)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.SPEND_CURRENCY_MISMATCH,
                    "The cost split is in " + currency + ", not " + named.trim());
        }
        return currency;
    }

    private static String key(String unit) {
        return unit.trim().toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(CostSharingAgreed event) {
        currency = event.currency();
        units = new HashMap<>();
        event.shares().forEach(share -> units.put(key(share.businessUnit()), share.businessUnit()));
        accepted = new HashSet<>();
    }

    @EventSourcingHandler
    void on(CostShareAccepted event) {
        accepted.add(key(event.businessUnit()));
    }
}
