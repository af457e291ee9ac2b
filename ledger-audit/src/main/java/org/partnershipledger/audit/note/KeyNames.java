package org.partnershipledger.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.partnershipledger.audit.merkle.Sha256;

/** The signed-note rules for key names and key ids, shared by signer and verifier. */
final class KeyNames {

    /** The signature type byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    private KeyNames() {
    }

    static String requireValid(String name) {
        if (name == null || name.isEmpty() || name.contains("+") || name.codePoints().anyMatch(KeyNames::isSpace)) {
            throw new IllegalArgumentException("a key name is non-empty, with no '+' and no spaces: " + name);
        }
        return name;
    }

    /** The first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
    static byte[] keyId(String name, byte[] rawPublicKey) {
        byte[] hash = Sha256.of(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}, rawPublicKey);
        return Arrays.copyOf(hash, 4);
    }

    static String hex(byte[] keyId) {
        return HexFormat.of().formatHex(keyId);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
