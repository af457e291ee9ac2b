package org.partnershipledger.cli;

/** A text progress bar for the terminal: {@code [#########                     ]}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    /** The bar for a fraction done, 0 to 1. */
    static String of(double done) {
        int filled = (int) Math.round(WIDTH * Math.max(0, Math.min(1, done)));
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
    }
}
