package org.partnershipledger.command.partnership;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.platform.web.ProblemCode;

/** A cost split: a known currency, a positive budget, and shares of distinct business units adding up to 100. */
final class CostSharingRules {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private CostSharingRules() {
    }

    static void assertValid(String currency, BigDecimal totalBudget, List<CostShare> shares) {
        try {
            Currency.getInstance(currency == null ? "" : currency.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "currency must be an ISO 4217 code such as EUR");
        }
        if (totalBudget == null || totalBudget.signum() <= 0) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "totalBudget must be positive");
        }
        Set<String> units = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CostShare share : shares) {
            if (share.businessUnit() == null || share.businessUnit().isBlank() || share.percent() == null
                    || share.percent().signum() <= 0) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                        "Every share names a business unit and a positive percent");
            }
            if (!units.add(share.businessUnit().trim().toLowerCase())) {
                throw new LedgerRejection.RuleViolated(ProblemCode.DUPLICATE_BUSINESS_UNIT,
                        share.businessUnit() + " appears twice in the split");
            }
            total = total.add(share.percent());
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw new LedgerRejection.RuleViolated(ProblemCode.SHARES_MUST_TOTAL_100,
                    "The shares total " + total.stripTrailingZeros().toPlainString() + "%, not 100%");
        }
    }
}
