package org.partnershipledger.audit.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LeafEntryTest {

    static final byte[] SALT = filled(7);
    static final Instant AT = Instant.parse("2026-03-01T09:30:00.12Z");

    static LeafEntry pivot(String reason) {
        return new LeafEntry("e-1", "Program", "PRG-1", 3, "CurriculumPivoted", "1", AT,
                PersonalField.revealed("{\"toVersion\":2}", SALT), PersonalField.revealed("alice", SALT),
                PersonalField.revealed(reason, SALT), "corr-1", null);
    }

    @Test
    void theCanonicalBytesAreTheLengthPrefixedFieldsInTheDocumentedOrder() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String field : new String[] {"partnership-ledger/leaf/v1", "e-1", "Program", "PRG-1", "3",
                "CurriculumPivoted", "1", "2026-03-01T09:30:00.120000000Z"}) {
            lengthPrefixed(expected, field.getBytes(StandardCharsets.UTF_8));
        }
        lengthPrefixed(expected, sha256(SALT, prefixed("{\"toVersion\":2}")));
        lengthPrefixed(expected, sha256(SALT, prefixed("alice")));
        lengthPrefixed(expected, sha256(SALT, prefixed("market moved")));
        lengthPrefixed(expected, "corr-1".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

        assertThat(pivot("market moved").canonicalBytes()).isEqualTo(expected.toByteArray());
    }

    @Test
    void theLeafHashIsSha256OfAZeroByteAndTheCanonicalBytes() {
        LeafEntry entry = pivot("market moved");

        byte[] prefixed = new byte[entry.canonicalBytes().length + 1];
        System.arraycopy(entry.canonicalBytes(), 0, prefixed, 1, prefixed.length - 1);
        assertThat(entry.leafHash()).isEqualTo(sha256(prefixed));
    }

    /** The test vector printed in docs/audit.md, for anyone writing their own verifier. */
    @Test
    void theDocumentedTestVectorHoldsItsLeafHash() {
        assertThat(HexFormat.of().formatHex(pivot("market moved").leafHash()))
                .isEqualTo("68c4a55ee20d72e8cfc97749a8366b2c84065cb15dbe462c67cfad8ce31e9d9a");
    }

    @Test
    void erasingThePersonalFieldsKeepsTheLeafHash() {
        LeafEntry entry = pivot("market moved");

        LeafEntry shredded = entry.erasePersonalFields();

        assertThat(shredded.leafHash()).isEqualTo(entry.leafHash());
        assertThat(shredded.reason()).isInstanceOf(PersonalField.Erased.class);
    }

    @Test
    void aChangedReasonChangesTheLeaf() {
        assertThat(pivot("market moved").leafHash()).isNotEqualTo(pivot("market moved.").leafHash());
    }

    @Test
    void noReasonIsNotTheSameAsAnEmptyReason() {
        assertThat(pivot(null).leafHash()).isNotEqualTo(pivot("").leafHash());
    }

    @Test
    void aValueMovedAcrossAFieldBoundaryChangesTheLeaf() {
        LeafEntry one = new LeafEntry("e-1", "Program", "PRG-1", 3, "CurriculumPivoted", null, AT,
                PersonalField.revealed("{}", SALT), PersonalField.revealed(null, SALT),
                PersonalField.revealed(null, SALT), "ab", "c");
        LeafEntry other = new LeafEntry("e-1", "Program", "PRG-1", 3, "CurriculumPivoted", null, AT,
                PersonalField.revealed("{}", SALT), PersonalField.revealed(null, SALT),
                PersonalField.revealed(null, SALT), "a", "bc");

        assertThat(one.leafHash()).isNotEqualTo(other.leafHash());
    }

    @Test
    void theSaltHidesEqualValuesFromEachOther() {
        assertThat(PersonalField.revealed("alice", filled(1)).digest())
                .isNotEqualTo(PersonalField.revealed("alice", filled(2)).digest());
    }

    @Test
    void derivedSaltsAreRepeatableAndDifferPerEventAndField() {
        byte[] subjectKey = filled(9);

        assertThat(Salts.derive(subjectKey, "e-1", "actor")).isEqualTo(Salts.derive(subjectKey, "e-1", "actor"))
                .isNotEqualTo(Salts.derive(subjectKey, "e-1", "reason"))
                .isNotEqualTo(Salts.derive(subjectKey, "e-2", "actor"))
                .isNotEqualTo(Salts.derive(filled(10), "e-1", "actor"))
                .hasSize(Salts.LENGTH);
    }

    @Test
    void aLeafNeedsAnEventIdATypeAndATimeWithAFourDigitYear() {
        assertThatThrownBy(() -> new LeafEntry(" ", "Program", "PRG-1", 0, "T", null, AT,
                PersonalField.revealed(null, SALT), PersonalField.revealed(null, SALT),
                PersonalField.revealed(null, SALT), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeafEntry("e", "Program", "PRG-1", 0, "T", null,
                Instant.parse("+10000-01-01T00:00:00Z"), PersonalField.revealed(null, SALT),
                PersonalField.revealed(null, SALT), PersonalField.revealed(null, SALT), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevealedFieldNeverPrintsItsValue() {
        assertThat(PersonalField.revealed("alice@example.org", SALT).toString()).doesNotContain("alice");
    }

    private static byte[] prefixed(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Arrays.stream(parts).forEach(digest::update);
            return digest.digest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
