package org.partnershipledger.events.program;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.partnershipledger.events.common.Values;

/** Identifies one module of a program's curriculum across curriculum versions. */
public record ModuleId(@JsonValue String value) {

    @JsonCreator
    public ModuleId {
        Values.requireNonBlank(value, "moduleId");
    }

    @Override
    public String toString() {
        return value;
    }
}
