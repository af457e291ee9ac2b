package org.partnershipledger.audit.pack;

/** The file is not a readable audit pack. For the CLI this is "invalid" (exit 1), not a usage error. */
public class PackFormatException extends IllegalArgumentException {

    public PackFormatException(String message) {
        super(message);
    }
}
