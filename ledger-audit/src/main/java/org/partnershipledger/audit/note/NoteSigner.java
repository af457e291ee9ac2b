package org.partnershipledger.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The log's signing key. Its text form is the signed-note private key,
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ 32-byte seed)>}, which is what a server keeps in its data
 * directory or is configured with; it must never be logged or served.
 */
public final class NoteSigner {

    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final KeyPair keys;
    private final byte[] keyId;

    private NoteSigner(String name, KeyPair keys) {
        this.name = KeyNames.requireValid(name);
        this.keys = keys;
        this.keyId = KeyNames.keyId(name, Ed25519Keys.raw(keys.getPublic()));
    }

    public static NoteSigner generate(String name, SecureRandom random) {
        return new NoteSigner(name, Ed25519Keys.generate(random));
    }

    public static NoteSigner fromPrivateKeyText(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith(PRIVATE_PREFIX)) {
            throw new IllegalArgumentException("a signing key starts with " + PRIVATE_PREFIX);
        }
        // at most three parts: the base64 key may itself hold a '+'
        String[] parts = trimmed.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signing key is PRIVATE+KEY+<name>+<key id>+<key>");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 1 + Ed25519Keys.LENGTH || typed[0] != KeyNames.ED25519) {
            throw new IllegalArgumentException("only Ed25519 signing keys are supported");
        }
        NoteSigner signer = new NoteSigner(parts[0], Ed25519Keys.fromSeed(Arrays.copyOfRange(typed, 1, typed.length)));
        if (!KeyNames.hex(signer.keyId).equals(parts[1].toLowerCase())) {
            throw new IllegalArgumentException("the signing key's id does not match its key: damaged key text?");
        }
        return signer;
    }

    public String privateKeyText() {
        byte[] seed = Ed25519Keys.seed(keys.getPrivate());
        byte[] typed = new byte[1 + seed.length];
        typed[0] = KeyNames.ED25519;
        System.arraycopy(seed, 0, typed, 1, seed.length);
        return PRIVATE_PREFIX + name + "+" + KeyNames.hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    public NoteVerifier verifier() {
        return new NoteVerifier(name, Ed25519Keys.raw(keys.getPublic()));
    }

    public String keyName() {
        return name;
    }

    /** Signs a note text (non-empty, ending in a newline) and returns the whole signed note. */
    public String sign(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.endsWith("\n\n")) {
            throw new IllegalArgumentException("a note text is non-empty and ends in exactly one newline");
        }
        byte[] signature = Ed25519Keys.sign(keys.getPrivate(), text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new SignedNote.Line(name, keyId, signature))).format();
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name + "+" + HexFormat.of().formatHex(keyId) + "]";
    }
}
