package org.partnershipledger.command.common;

import java.util.Arrays;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * What travels back to the sender of a rejected command: the same locally and across Axon Server, where only
 * the details of a {@code CommandExecutionException} survive the trip. The code travels by its name, so that a
 * sender of another version still reads it.
 */
public record RejectionDetails(int status, String code, String message) {

    public static RejectionDetails of(ProblemCode code, String message) {
        return new RejectionDetails(code.status().value(), code.name(), message);
    }

    /** The code in the catalogue; a code this version does not know (sent by a newer one) is its status's general code. */
    public ProblemCode problemCode() {
        return Arrays.stream(ProblemCode.values()).filter(known -> known.name().equals(code)).findFirst()
                .orElseGet(() -> ProblemCode.general(status));
    }
}
