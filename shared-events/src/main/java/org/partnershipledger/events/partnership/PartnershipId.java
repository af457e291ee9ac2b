package org.partnershipledger.events.partnership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.partnershipledger.events.common.Values;

/** Identifies a partnership for its whole life. Serialised as a plain string. */
public record PartnershipId(@JsonValue String value) {

    @JsonCreator
    public PartnershipId {
        Values.requireNonBlank(value, "partnershipId");
    }

    @Override
    public String toString() {
        return value;
    }
}
