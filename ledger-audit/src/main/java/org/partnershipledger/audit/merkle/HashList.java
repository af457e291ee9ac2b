package org.partnershipledger.audit.merkle;

import java.util.Arrays;

/**
 * A growable list of 32-byte hashes in one array: a million leaves cost 32 MB rather than the 80 MB of a million
 * separate byte arrays with their headers and references.
 */
final class HashList {

    private byte[] bytes = new byte[Sha256.LENGTH * 16];
    private int size;

    void add(byte[] hash) {
        if (hash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a hash has 32 bytes, not " + hash.length);
        }
        if ((size + 1) * Sha256.LENGTH > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.multiplyExact(bytes.length, 2));
        }
        System.arraycopy(hash, 0, bytes, size * Sha256.LENGTH, Sha256.LENGTH);
        size++;
    }

    byte[] get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int from = index * Sha256.LENGTH;
        return Arrays.copyOfRange(bytes, from, from + Sha256.LENGTH);
    }

    int size() {
        return size;
    }
}
