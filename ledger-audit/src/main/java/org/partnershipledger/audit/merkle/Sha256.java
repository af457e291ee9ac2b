package org.partnershipledger.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over the concatenation of its parts; every hash in the audit log is one of these. */
public final class Sha256 {

    public static final int LENGTH = 32;

    private Sha256() {
    }

    public static byte[] of(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime must provide SHA-256, so this is a broken JDK, not a condition to handle.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
