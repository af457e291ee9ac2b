package org.partnershipledger.query.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.partnershipledger.query.history.EventTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An event's CloudEvents type carries its revision ({@code .v<revision>}); when the revision goes up, the earlier
 * versions' schemas stay served, so an integration built against v1 can still read what v1 was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class EventSchemaVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventTypes types;
    @Autowired
    RetiredSchemas retired;
    @Autowired
    SchemaController schemas;

    @Test
    void everyEarlierRevisionOfAnEventKeepsItsSchema() {
        List<String> missing = new ArrayList<>();
        for (EventTypes.EventType type : types.all()) {
            String current = type.cloudEventType();
            for (int revision = 1; revision < Integer.parseInt(type.revision()); revision++) {
                String earlier = current.substring(0, current.lastIndexOf(".v") + 2) + revision;
                if (retired.byType(earlier).isEmpty()) {
                    missing.add("query-side/src/main/resources/" + RetiredSchemas.FOLDER + "/" + earlier + ".json");
                }
            }
        }
        assertThat(missing).as("""
                The schema of an event's earlier revision stays served once its @Revision goes up: add its data's \
                schema (title, type, properties, required) as /api/schemas/<type> served it before the change""")
                .isEmpty();
    }

    @Test
    void dueDiligenceIsPublishedAsVersion2AndBothSchemasAreServed() {
        assertThat(types.bySimpleName("DueDiligenceAssessed").orElseThrow().cloudEventType())
                .isEqualTo("ledger.partnership.due-diligence-assessed.v2");
        List<String> listed = schemas.list().types().stream().map(SchemaController.EventTypeLine::type).toList();
        assertThat(listed).contains("ledger.partnership.due-diligence-assessed.v1",
                "ledger.partnership.due-diligence-assessed.v2").doesNotHaveDuplicates();

        JsonNode v2 = JSON.valueToTree(schemas.schema("ledger.partnership.due-diligence-assessed.v2"));
        assertThat(v2.at("/properties/evidence/type").asText()).isEqualTo("array");
        assertThat(v2.at("/properties/evidence/items/properties/type/enum/0").asText()).isEqualTo("DOCUMENT");
        assertThat(v2.at("/properties/notes/type").asText()).isEqualTo("string");

        JsonNode v1 = JSON.valueToTree(schemas.schema("ledger.partnership.due-diligence-assessed.v1"));
        assertThat(v1.at("/$id").asText()).endsWith("/api/schemas/ledger.partnership.due-diligence-assessed.v1");
        assertThat(v1.at("/title").asText()).isEqualTo("DueDiligenceAssessed");
        assertThat(v1.at("/properties/evidence/type").asText()).isEqualTo("string");
        assertThat(v1.at("/properties/notes").isMissingNode()).isTrue();
        assertThat(v1.at("/description").asText()).contains("retired", "ledger.partnership.due-diligence-assessed.v2");
    }

    @Test
    void aSchemaKeptAheadOfARevisionStillCurrentIsNotListedTwice() {
        List<String> listed = schemas.list().types().stream().map(SchemaController.EventTypeLine::type).toList();
        assertThat(listed).doesNotHaveDuplicates();
        types.all().forEach(type -> assertThat(retired.byType(type.cloudEventType())).isEmpty());
    }
}
