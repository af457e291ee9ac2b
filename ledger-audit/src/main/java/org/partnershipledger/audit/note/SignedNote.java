package org.partnershipledger.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note taken apart: the text (which ends in a newline), a blank line, then lines
 * {@code — <key name> <base64(key id ‖ signature)>}. Parsing checks only the shape; {@link NoteVerifier} checks
 * signatures.
 */
public record SignedNote(String text, List<Line> signatures) {

    static final String SIGNATURE_PREFIX = "\u2014 ";
    /** The spec lets a verifier refuse notes with many signatures; nothing here ever makes more than a few. */
    private static final int MAX_SIGNATURES = 100;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** One signature line: the signer's key name, its 4-byte key id and the signature bytes. */
    public record Line(String keyName, byte[] keyId, byte[] signature) {
    }

    public static SignedNote parse(String note) {
        if (note == null || !note.endsWith("\n")) {
            throw new NoteException("a signed note ends with a newline");
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new NoteException("a signed note has a blank line between its text and its signatures");
        }
        String text = note.substring(0, blank + 1);
        String[] lines = note.substring(blank + 2).split("\n", -1);
        List<Line> signatures = new ArrayList<>();
        // split leaves one empty string after the final newline
        for (int i = 0; i < lines.length - 1; i++) {
            signatures.add(parseLine(lines[i]));
        }
        if (signatures.isEmpty()) {
            throw new NoteException("a signed note has at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new NoteException("a signed note with more than " + MAX_SIGNATURES + " signatures is refused");
        }
        return new SignedNote(text, signatures);
    }

    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        for (Line line : signatures) {
            byte[] both = new byte[line.keyId().length + line.signature().length];
            System.arraycopy(line.keyId(), 0, both, 0, line.keyId().length);
            System.arraycopy(line.signature(), 0, both, line.keyId().length, line.signature().length);
            note.append(SIGNATURE_PREFIX).append(line.keyName()).append(' ')
                    .append(Base64.getEncoder().encodeToString(both)).append('\n');
        }
        return note.toString();
    }

    byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Line parseLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new NoteException("a signature line starts with an em dash and a space: " + line);
        }
        String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
        if (parts.length != 2) {
            throw new NoteException("a signature line is '— <key name> <signature>': " + line);
        }
        byte[] both;
        try {
            both = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new NoteException("a signature is not base64: " + line);
        }
        if (both.length < 5) {
            throw new NoteException("a signature is too short to hold a key id: " + line);
        }
        byte[] keyId = java.util.Arrays.copyOf(both, 4);
        byte[] signature = java.util.Arrays.copyOfRange(both, 4, both.length);
        return new Line(parts[0], keyId, signature);
    }
}
