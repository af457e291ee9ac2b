package org.partnershipledger.audit.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.partnershipledger.audit.merkle.Sha256;

/**
 * A C2SP tlog-checkpoint body: the log's origin, its tree size and root hash, one per line, then any extension lines.
 * Signed, it is the statement "this log had this many entries and this root", which witnesses keep copies of.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative");
        }
        if (rootHash == null || rootHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            if (extension.isEmpty() || extension.contains("\n")) {
                throw new IllegalArgumentException("an extension is one non-empty line");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(extension -> body.append(extension).append('\n'));
        return body.toString();
    }

    public String sign(NoteSigner signer) {
        return signer.sign(body());
    }

    /** Verifies the note with the key, then reads the checkpoint it holds. */
    public static Checkpoint open(String signedNote, NoteVerifier key) {
        return parse(key.open(signedNote));
    }

    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new NoteException("a checkpoint ends with a newline");
        }
        List<String> lines = List.of(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new NoteException("a checkpoint has an origin, a tree size and a root hash line");
        }
        String size = lines.get(1);
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new NoteException("a checkpoint's tree size is a decimal number without leading zeros: " + size);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException e) {
            throw new NoteException("a checkpoint's root hash is base64: " + lines.get(2));
        }
        try {
            return new Checkpoint(lines.get(0), Long.parseLong(size), root, lines.subList(3, lines.size()));
        } catch (IllegalArgumentException e) {
            throw new NoteException("not a checkpoint: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size) * 17 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root "
                + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
