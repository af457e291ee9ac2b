package org.partnershipledger.web.pages;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** The quarter a governance pack covers by default: the current one, as "2026-Q4". */
final class Quarters {

    private Quarters() {
    }

    static String current() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }
}
