package org.partnershipledger.command.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.ReviewAction;
import org.partnershipledger.events.partnership.Side;
import org.partnershipledger.platform.axon.BusinessReviewHeldUpcaster;

/**
 * A business review stored before actions were tracked (revision 1: descriptions only) reads, through Axon's own
 * serializer and upcaster chain, as revision 2: numbered actions with no owner or due date. Revision 2 reads as
 * stored.
 */
class BusinessReviewHeldUpcasterTest {

    static final PartnershipId P = new PartnershipId("3f6b2c1e-8a47-4d2b-9e51-0c7d5a9b2e14");

    final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()).build();
    final EventUpcasterChain upcasters = new EventUpcasterChain(new BusinessReviewHeldUpcaster());

    @Test
    void aStoredRevision1ReadsAsNumberedActionsWithNoOwnerOrDueDate() throws IOException {
        BusinessReviewHeld event = read("BusinessReviewHeld.r1.json", "1");

        assertThat(event).isEqualTo(new BusinessReviewHeld(P, "2026-Q3", List.of("CLO", "Head of Sales"),
                List.of("Keep the AI module"), List.of(
                new ReviewAction("2026-Q3-1", "Measure behaviour (L3) in EMEA by November", null, null, null),
                new ReviewAction("2026-Q3-2", "Draft the negotiation module", null, null, null))));
    }

    @Test
    void aStoredRevision2ReadsAsStored() throws IOException {
        BusinessReviewHeld event = read("BusinessReviewHeld.r2.json", "2");

        assertThat(event.actions()).containsExactly(
                new ReviewAction("2026-Q3-1", "Measure behaviour (L3) in EMEA by November", Side.CLIENT,
                        "Head of Sales", LocalDate.parse("2026-11-30")),
                new ReviewAction("2026-Q3-2", "Draft the negotiation module", Side.PARTNER, "Ana Ruiz",
                        LocalDate.parse("2026-10-31")));
    }

    @Test
    void aRevision1ReviewWithoutActionsReadsWithNone() {
        String stored = "{\"partnershipId\":\"p-1\",\"period\":\"2026-09\",\"attendees\":[\"CLO\"],"
                + "\"decisions\":[],\"actions\":[]}";

        assertThat(read(stored.getBytes(StandardCharsets.UTF_8), "1").actions()).isEmpty();
    }

    /** The golden fixtures of the partnership lifecycle's events read back as their classes, field for field. */
    @ParameterizedTest
    @ValueSource(strings = {"ReviewActionCompleted", "ReviewActionDropped", "PartnerReviewRecorded", "AgreementSigned",
            "AgreementRenewed", "AgreementNotRenewed", "ScopeExtended", "CostShareAccepted", "SpendRecorded"})
    void theLifecycleFixturesReadBack(String type) throws Exception {
        Class<?> eventClass = Class.forName("org.partnershipledger.events.partnership." + type);
        try (InputStream in = getClass().getResourceAsStream("/golden-events/" + type + ".r1.json")) {
            byte[] stored = in.readAllBytes();
            Object event = serializer.getObjectMapper().readValue(stored, eventClass);
            assertThat(serializer.getObjectMapper().readTree(serializer.getObjectMapper().writeValueAsBytes(event)))
                    .isEqualTo(serializer.getObjectMapper().readTree(stored));
        }
    }

    private BusinessReviewHeld read(String fixture, String revision) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden-events/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            return read(in.readAllBytes(), revision);
        }
    }

    private BusinessReviewHeld read(byte[] payload, String revision) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Partnership", P.value(), 3,
                "8b1d3f5a-7c9e-4b2d-8f0a-1c3e5a7b9d1f", Instant.parse("2026-09-30T14:00:00Z"),
                BusinessReviewHeld.class.getName(), revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventStream events = org.axonframework.eventsourcing.EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(row), serializer, upcasters);
        DomainEventMessage<?> message = events.next();
        return (BusinessReviewHeld) message.getPayload();
    }
}
