package org.partnershipledger.command.partnership;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;

/**
 * One item of a due-diligence assessment's {@code evidence}: a reference object, or, as the API took it before
 * evidence was typed, a plain string, read as a DOCUMENT reference (so it must be an absolute http(s) URI: anything
 * else is refused as EVIDENCE_INVALID by the assessment's rules, free text belongs in {@code notes}).
 */
class EvidenceOrUri extends StdDeserializer<Evidence> {

    EvidenceOrUri() {
        super(Evidence.class);
    }

    @Override
    public Evidence deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return new Evidence(EvidenceType.DOCUMENT, parser.getText(), null);
        }
        return context.readValue(parser, Evidence.class);
    }
}
