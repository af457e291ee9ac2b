package org.partnershipledger.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The log against a literal transcription of RFC 9162 (ReferenceTree), for every tree size from 1 to 70. */
class MerkleLogTest {

    static IntStream sizes() {
        return IntStream.rangeClosed(1, 70);
    }

    @ParameterizedTest(name = "tree of {0} leaves")
    @MethodSource("sizes")
    void everyRootOfEveryEarlierSizeIsTheRfcTreeHead(int n) {
        List<byte[]> leaves = leaves(n);
        MerkleLog log = logOf(leaves);

        for (int size = 0; size <= n; size++) {
            assertThat(log.root(size)).as("root of size %d", size)
                    .isEqualTo(ReferenceTree.mth(leaves.subList(0, size)));
        }
    }

    @ParameterizedTest(name = "tree of {0} leaves")
    @MethodSource("sizes")
    void everyInclusionProofIsTheRfcPathAndVerifies(int n) {
        List<byte[]> leaves = leaves(n);
        MerkleLog log = logOf(leaves);
        byte[] root = ReferenceTree.mth(leaves);

        for (int i = 0; i < n; i++) {
            List<byte[]> proof = log.inclusionProof(i, n);
            assertThat(proof).as("path of leaf %d", i).containsExactlyElementsOf(ReferenceTree.path(i, leaves));
            assertThat(MerkleProofs.verifyInclusion(leafHash(leaves.get(i)), i, n, proof, root))
                    .as("leaf %d verifies", i).isTrue();
        }
    }

    @ParameterizedTest(name = "tree of {0} leaves")
    @MethodSource("sizes")
    void everyConsistencyProofIsTheRfcProofAndVerifies(int n) {
        List<byte[]> leaves = leaves(n);
        MerkleLog log = logOf(leaves);
        byte[] rootN = ReferenceTree.mth(leaves);

        for (int m = 1; m <= n; m++) {
            List<byte[]> proof = log.consistencyProof(m, n);
            byte[] rootM = ReferenceTree.mth(leaves.subList(0, m));
            List<byte[]> expected = m == n ? List.of() : ReferenceTree.proof(m, leaves);
            assertThat(proof).as("proof %d→%d", m, n).containsExactlyElementsOf(expected);
            assertThat(MerkleProofs.verifyConsistency(m, n, rootM, rootN, proof)).as("%d→%d verifies", m, n).isTrue();
        }
    }

    @ParameterizedTest(name = "tree of {0} leaves")
    @MethodSource("sizes")
    void anyChangedLeafIndexProofOrRootFailsInclusion(int n) {
        List<byte[]> leaves = leaves(n);
        MerkleLog log = logOf(leaves);
        byte[] root = log.root();

        for (int i = 0; i < n; i++) {
            byte[] leaf = leafHash(leaves.get(i));
            List<byte[]> proof = log.inclusionProof(i, n);
            assertThat(MerkleProofs.verifyInclusion(flipped(leaf), i, n, proof, root)).isFalse();
            assertThat(MerkleProofs.verifyInclusion(leaf, i, n, proof, flipped(root))).isFalse();
            // The tree size itself is authenticated by the signed checkpoint, not by the path: only a size that
            // cannot hold the index is refused here.
            assertThat(MerkleProofs.verifyInclusion(leaf, i, i, proof, root)).isFalse();
            if (n > 1) {
                assertThat(MerkleProofs.verifyInclusion(leaf, (i + 1) % n, n, proof, root)).isFalse();
            }
            for (int p = 0; p < proof.size(); p++) {
                assertThat(MerkleProofs.verifyInclusion(leaf, i, n, withFlipped(proof, p), root)).isFalse();
            }
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(root);
            assertThat(MerkleProofs.verifyInclusion(leaf, i, n, longer, root)).isFalse();
            if (!proof.isEmpty()) {
                List<byte[]> shorter = proof.subList(0, proof.size() - 1);
                assertThat(MerkleProofs.verifyInclusion(leaf, i, n, shorter, root)).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "tree of {0} leaves")
    @MethodSource("sizes")
    void anyChangedRootOrProofFailsConsistency(int n) {
        List<byte[]> leaves = leaves(n);
        MerkleLog log = logOf(leaves);
        byte[] rootN = log.root();

        for (int m = 1; m <= n; m++) {
            byte[] rootM = log.root(m);
            List<byte[]> proof = log.consistencyProof(m, n);
            assertThat(MerkleProofs.verifyConsistency(m, n, flipped(rootM), rootN, proof)).isFalse();
            assertThat(MerkleProofs.verifyConsistency(m, n, rootM, flipped(rootN), proof)).isFalse();
            for (int p = 0; p < proof.size(); p++) {
                assertThat(MerkleProofs.verifyConsistency(m, n, rootM, rootN, withFlipped(proof, p))).isFalse();
            }
            if (m < n) {
                assertThat(MerkleProofs.verifyConsistency(m, n, rootM, rootN, List.of())).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m + 1, n, rootM, rootN, proof)).isFalse();
            }
        }
    }

    @Test
    void aLogThatRewroteAnEarlyLeafIsNotConsistentWithItsOldRoot() {
        List<byte[]> leaves = leaves(20);
        MerkleLog honest = logOf(leaves);
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(3, "forged".getBytes(StandardCharsets.UTF_8));
        MerkleLog forged = logOf(rewritten);

        List<byte[]> proof = forged.consistencyProof(10, 20);

        assertThat(MerkleProofs.verifyConsistency(10, 20, honest.root(10), forged.root(), proof)).isFalse();
    }

    @Test
    void theEmptyTreeHasTheHashOfNothingAsItsRoot() {
        assertThat(HexFormat.of().formatHex(new MerkleLog().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aOneLeafTreeHasTheLeafHashAsItsRoot() {
        byte[] leaf = "one".getBytes(StandardCharsets.UTF_8);
        MerkleLog log = logOf(List.of(leaf));

        byte[] prefixed = new byte[leaf.length + 1];
        System.arraycopy(leaf, 0, prefixed, 1, leaf.length);
        assertThat(log.root()).isEqualTo(Sha256.of(prefixed));
    }

    /** The eight test leaves used across Certificate Transparency implementations, and their published roots. */
    @Test
    void theCertificateTransparencyTestVectorsGiveTheirKnownRoots() {
        List<byte[]> leaves = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                "606162636465666768696a6b6c6d6e6f").stream().map(HexFormat.of()::parseHex).toList();
        List<String> roots = List.of(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        MerkleLog log = logOf(leaves);

        for (int size = 1; size <= 8; size++) {
            assertThat(HexFormat.of().formatHex(log.root(size))).as("root of size %d", size)
                    .isEqualTo(roots.get(size - 1));
        }
    }

    /** Why a pack of 10,000 events verifies in O(n log n): no proof is longer than the tree is deep. */
    @Test
    void proofsStayLogarithmicInALargeLog() {
        MerkleLog log = new MerkleLog();
        for (int i = 0; i < 10_000; i++) {
            log.append(leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }

        for (long i = 0; i < 10_000; i += 97) {
            assertThat(log.inclusionProof(i, 10_000)).hasSizeLessThanOrEqualTo(14);
        }
        assertThat(log.consistencyProof(6_000, 10_000)).hasSizeLessThanOrEqualTo(2 * 14);
    }

    private static List<byte[]> leaves(int n) {
        return IntStream.range(0, n).mapToObj(i -> ("leaf " + i).getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static MerkleLog logOf(List<byte[]> leaves) {
        MerkleLog log = new MerkleLog();
        leaves.forEach(leaf -> log.append(leafHash(leaf)));
        return log;
    }

    private static byte[] leafHash(byte[] leaf) {
        return MerkleHashes.leaf(leaf);
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    private static List<byte[]> withFlipped(List<byte[]> proof, int index) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(index, flipped(proof.get(index)));
        return copy;
    }
}
