package org.partnershipledger.audit.leaf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one encoding rule of the canonical bytes: each field is a 4-byte big-endian length, then that many bytes.
 * An absent field is the length 0xFFFFFFFF with no bytes, so "no reason given" can never collide with an empty one.
 */
final class FieldEncoder {

    static final int ABSENT = 0xFFFFFFFF;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    FieldEncoder text(String value) {
        return value == null ? absent() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    FieldEncoder bytes(byte[] value) {
        writeLength(value.length);
        out.writeBytes(value);
        return this;
    }

    private FieldEncoder absent() {
        writeLength(ABSENT);
        return this;
    }

    private void writeLength(int length) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
