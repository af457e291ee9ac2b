package org.partnershipledger.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree (RFC 9162 §2.1) that a server fills one leaf at a time and asks for the root of any
 * earlier size, and for inclusion and consistency proofs.
 *
 * <p>It keeps every leaf hash and, per level k, the hash of every complete subtree of 2^k leaves that starts at a
 * multiple of 2^k. Those never change once complete, and every subtree the RFC's recursion asks for is either one of
 * them or splits into one of them plus a smaller rightmost part. So a root costs O(log n) hashes and a proof
 * O(log² n), whatever the size, and appending is O(1) amortised. Memory is about 64 bytes per leaf.
 *
 * <p>Methods are synchronized: one writer appends while request threads ask for proofs.
 */
public final class MerkleLog {

    /** levels.get(k).get(i) is the hash of leaves [i·2^k, (i+1)·2^k). Level 0 holds the leaf hashes. */
    private final List<HashList> levels = new ArrayList<>();

    public MerkleLog() {
        levels.add(new HashList());
    }

    /** Appends a leaf hash (see {@link MerkleHashes#leaf}) and returns its log index. */
    public synchronized long append(byte[] leafHash) {
        levels.get(0).add(leafHash);
        for (int k = 0; levels.get(k).size() % 2 == 0; k++) {
            HashList level = levels.get(k);
            if (levels.size() == k + 1) {
                levels.add(new HashList());
            }
            levels.get(k + 1).add(MerkleHashes.node(level.get(level.size() - 2), level.get(level.size() - 1)));
        }
        return levels.get(0).size() - 1L;
    }

    public synchronized long size() {
        return levels.get(0).size();
    }

    public synchronized byte[] leafHash(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("leaf index " + index + " is not in the log's " + size() + " leaves");
        }
        return levels.get(0).get((int) index);
    }

    public synchronized byte[] root() {
        return root(size());
    }

    /** The root the tree had when it held treeSize leaves (MTH(D[0:treeSize]) in the RFC). */
    public synchronized byte[] root(long treeSize) {
        requireWithin(treeSize, "tree size " + treeSize);
        return treeSize == 0 ? MerkleHashes.emptyRoot() : subtree(0, treeSize);
    }

    /** PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1, from the leaf's sibling up to the root's child. */
    public synchronized List<byte[]> inclusionProof(long index, long treeSize) {
        requireWithin(treeSize, "tree size " + treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /**
     * PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1. Empty when m is 0 or m equals n: there is nothing to prove beyond the
     * two roots, which a verifier then compares directly.
     */
    public synchronized List<byte[]> consistencyProof(long m, long n) {
        requireWithin(n, "tree size " + n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("cannot prove size " + m + " consistent with size " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = MerkleHashes.split(n);
        if (index < k) {
            path(index, start, k, proof);
            proof.add(subtree(start + k, n - k));
        } else {
            path(index - k, start + k, n - k, proof);
            proof.add(subtree(start, k));
        }
    }

    private void subproof(long m, long start, long n, boolean startsFromOldRoot, List<byte[]> proof) {
        if (m == n) {
            if (!startsFromOldRoot) {
                proof.add(subtree(start, n));
            }
            return;
        }
        long k = MerkleHashes.split(n);
        if (m <= k) {
            subproof(m, start, k, startsFromOldRoot, proof);
            proof.add(subtree(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(subtree(start, k));
        }
    }

    /** MTH(D[start:start+n]) for n ≥ 1, from the stored complete subtrees wherever the range is one. */
    private byte[] subtree(long start, long n) {
        boolean complete = Long.bitCount(n) == 1 && start % n == 0;
        if (complete) {
            return levels.get(Long.numberOfTrailingZeros(n)).get((int) (start / n));
        }
        long k = MerkleHashes.split(n);
        return MerkleHashes.node(subtree(start, k), subtree(start + k, n - k));
    }

    private void requireWithin(long treeSize, String what) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException(what + " is beyond the log's " + size() + " leaves");
        }
    }
}
