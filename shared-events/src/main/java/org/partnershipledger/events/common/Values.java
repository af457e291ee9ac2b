package org.partnershipledger.events.common;

/** Guards shared by the typed values of the ledger's public language. */
public final class Values {

    private Values() {
    }

    public static String requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
