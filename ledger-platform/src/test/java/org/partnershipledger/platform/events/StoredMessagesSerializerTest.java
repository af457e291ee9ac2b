package org.partnershipledger.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.ConcernRaised;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.Side;

/**
 * The faster reader of stored messages reads exactly what Axon's own Jackson serializer reads from the same bytes,
 * the second time as the first (that is when its kept lookups answer).
 */
class StoredMessagesSerializerTest {

    private final ObjectMapper mapper = StoredMessages.tolerant(new ObjectMapper().registerModule(new JavaTimeModule()));
    private final JacksonSerializer axon = JacksonSerializer.builder().objectMapper(mapper).build();
    private final StoredMessagesSerializer ours = StoredMessagesSerializer.of(axon, new AnnotationRevisionResolver());

    @Test
    void readsAnEventAsAxonDoes() {
        SerializedObject<byte[]> stored = bytes("""
                {"partnershipId":"p-1","concernId":"k-1","raisedBy":"PARTNER","subject":"Late briefs",
                 "description":"Briefs arrived two weeks late","partnerOrganizationId":"acme","addedLater":1}""",
                ConcernRaised.class.getName());
        ConcernRaised expected = new ConcernRaised(new PartnershipId("p-1"), "k-1", Side.PARTNER, "Late briefs",
                "Briefs arrived two weeks late", "acme");

        for (int time = 0; time < 2; time++) {
            assertThat((Object) ours.deserialize(stored)).isEqualTo(axon.deserialize(stored)).isEqualTo(expected);
        }
    }

    @Test
    void readsMetadataAsAxonDoes() {
        SerializedObject<byte[]> stored = bytes("""
                {"actor":"manager","reason":"Late SME reviews","attempt":2,"share":0.25,"big":12345678901234,
                 "tags":["a","b"],"nested":{"k":[1,{"x":null}]},"nothing":null,"yes":true}""",
                MetaData.class.getName());

        for (int time = 0; time < 2; time++) {
            MetaData read = ours.deserialize(stored);
            MetaData expected = axon.deserialize(stored);
            assertThat(read).isEqualTo(expected);
            assertThat(read.get("nested")).isEqualTo(Map.of("k", List.of(1, java.util.Collections.singletonMap("x",
                    null))));
            assertThat(read.get("big")).isEqualTo(12345678901234L);
        }
        assertThat((MetaData) ours.deserialize(bytes("{}", MetaData.class.getName()))).isEmpty();
    }

    @Test
    void metadataAsAJsonTreeGoesAxonsWay() {
        JsonNode tree = mapper.createObjectNode().put("actor", "board");
        SerializedObject<JsonNode> stored = new SimpleSerializedObject<>(tree, JsonNode.class,
                MetaData.class.getName(), null);

        assertThat((MetaData) ours.deserialize(stored)).isEqualTo(MetaData.with("actor", "board"));
    }

    @Test
    void aClassThisVersionDoesNotKnowStaysUnknown() {
        SerializedObject<byte[]> stored = bytes("{\"a\":1}", "org.partnershipledger.events.FromTheFuture");

        for (int time = 0; time < 2; time++) {
            Object read = ours.deserialize(stored);
            assertThat(read).isInstanceOf(UnknownSerializedType.class);
            assertThat(((UnknownSerializedType) read).serializedType().getName())
                    .isEqualTo("org.partnershipledger.events.FromTheFuture");
        }
        assertThat(ours.classForType(new SimpleSerializedType("org.partnershipledger.events.FromTheFuture", null)))
                .isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void theEmptyTypeIsNothing() {
        assertThat((Object) ours.deserialize(new SimpleSerializedObject<>(new byte[0], byte[].class,
                SimpleSerializedType.emptyType()))).isNull();
    }

    @Test
    void writesWhatAxonWrites() {
        Object event = new ConcernRaised(new PartnershipId("p-2"), "k-2", Side.CLIENT, "Scope", "Scope grew", null);
        MetaData metaData = MetaData.with("actor", "manager").and("at", Instant.parse("2026-12-05T10:00:00Z"));

        assertThat(ours.serialize(event, byte[].class).getData()).isEqualTo(axon.serialize(event, byte[].class)
                .getData());
        assertThat(ours.serialize(event, byte[].class).getType()).isEqualTo(axon.serialize(event, byte[].class)
                .getType());
        assertThat(ours.serialize(metaData, byte[].class).getData()).isEqualTo(axon.serialize(metaData,
                byte[].class).getData());
    }

    @Test
    void metadataThatIsNotJsonIsASerializationError() {
        assertThatThrownBy(() -> ours.deserialize(bytes("{\"actor\":", MetaData.class.getName())))
                .isInstanceOf(SerializationException.class);
    }

    private static SerializedObject<byte[]> bytes(String json, String type) {
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class, type, null);
    }
}
