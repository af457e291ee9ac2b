package org.partnershipledger.events.program;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.partnershipledger.events.common.Values;

/** Identifies a learning program for its whole life. Serialised as a plain string. */
public record ProgramId(@JsonValue String value) {

    @JsonCreator
    public ProgramId {
        Values.requireNonBlank(value, "programId");
    }

    @Override
    public String toString() {
        return value;
    }
}
