package org.partnershipledger.audit.merkle;

import java.security.MessageDigest;

/**
 * The hashing of RFC 9162 §2.1.1. The one-byte prefixes keep a leaf from ever being passed off as an interior node
 * (a second-preimage attack on the tree), which is why leaves and nodes are hashed differently.
 */
public final class MerkleHashes {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashes() {
    }

    /** The root of the empty tree: SHA-256 of no bytes at all. */
    public static byte[] emptyRoot() {
        return Sha256.of();
    }

    public static byte[] leaf(byte[] leafBytes) {
        return Sha256.of(new byte[] {LEAF_PREFIX}, leafBytes);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The RFC's split point k: the largest power of two smaller than n (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
