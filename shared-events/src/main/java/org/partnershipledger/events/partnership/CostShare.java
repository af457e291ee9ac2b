package org.partnershipledger.events.partnership;

import java.math.BigDecimal;

/** One business unit's share of the cost, in percent. */
public record CostShare(String businessUnit, BigDecimal percent) {
}
