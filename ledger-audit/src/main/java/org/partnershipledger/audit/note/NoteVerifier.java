package org.partnershipledger.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.partnershipledger.audit.merkle.Sha256;

/**
 * A public key that checks signed notes. Its text form is the signed-note verifier key,
 * {@code <name>+<hex key id>+<base64(0x01 ‖ 32-byte public key)>}: what {@code GET /api/audit/public-key} serves and
 * what a user hands to {@code ledger verify --key}.
 */
public final class NoteVerifier {

    private final String name;
    private final byte[] rawKey;
    private final byte[] keyId;
    private final PublicKey key;

    NoteVerifier(String name, byte[] rawKey) {
        this.name = KeyNames.requireValid(name);
        this.rawKey = rawKey.clone();
        this.keyId = KeyNames.keyId(name, rawKey);
        this.key = Ed25519Keys.publicKey(rawKey);
    }

    public static NoteVerifier fromVerifierKey(String vkey) {
        // at most three parts: the base64 key may itself hold a '+'
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<key id>+<key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verifier key ends in base64");
        }
        if (typed.length != 1 + Ed25519Keys.LENGTH || typed[0] != KeyNames.ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys are supported");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (!KeyNames.hex(verifier.keyId).equals(parts[1].toLowerCase())) {
            throw new IllegalArgumentException("the verifier key's id does not match its key: damaged key text?");
        }
        return verifier;
    }

    public String verifierKey() {
        byte[] typed = new byte[1 + rawKey.length];
        typed[0] = KeyNames.ED25519;
        System.arraycopy(rawKey, 0, typed, 1, rawKey.length);
        return name + "+" + KeyNames.hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * {@code SHA256:} and the hex SHA-256 of the verifier key text: short enough to read out over the phone to compare
     * with the key a board was given, and it covers the name as well as the key.
     */
    public String fingerprint() {
        return "SHA256:" + KeyNames.hex(Sha256.of(verifierKey().getBytes(StandardCharsets.UTF_8)));
    }

    public String keyName() {
        return name;
    }

    /**
     * Checks that this key signed the note and returns the note's text. Signatures by other keys are ignored, as the
     * spec asks, so a note may also carry witnesses' cosignatures.
     *
     * @throws NoteException if the note is malformed, not signed by this key, or its signature does not verify
     */
    public String open(String note) {
        SignedNote parsed = SignedNote.parse(note);
        boolean signedByThisKey = false;
        for (SignedNote.Line line : parsed.signatures()) {
            if (line.keyName().equals(name) && MessageDigest.isEqual(line.keyId(), keyId)) {
                signedByThisKey = true;
                if (Ed25519Keys.verify(key, parsed.textBytes(), line.signature())) {
                    return parsed.text();
                }
            }
        }
        throw new NoteException(signedByThisKey
                ? "the signature by " + name + " does not match the note: the note was changed after signing"
                : "the note carries no signature by the key " + name + "+" + KeyNames.hex(keyId));
    }
}
