package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.axoniq.axonserver.connector.event.EventStream;
import java.util.Map;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.event.axon.EventBuffer;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.LedgerEnvironment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * On Axon Server every processor is sent every event, as on PostgreSQL: with block-listing on, Axon Server stopped
 * sending a processor the types it has no handler for, its token stayed behind, and its lag grew while it said it
 * was caught up. Axon's tracking processor moves its token over events it does not handle only when it sees them.
 */
class AxonServerEventStreamTest {

    @Test
    void withAxonServerSwitchedOnEventTypesAreNotBlockListed() {
        AxonServerConfiguration configuration = bound(Map.of("AXON_SERVER", "localhost:8124"));

        assertThat(configuration.getServers()).isEqualTo("localhost:8124");
        assertThat(configuration.isEventBlockListingEnabled()).isFalse();
    }

    @Test
    void anOperatorMayStillSwitchBlockListingOn() {
        AxonServerConfiguration configuration = bound(Map.of("AXON_SERVER", "localhost:8124",
                "axon.axonserver.event-block-listing-enabled", "true"));

        assertThat(configuration.isEventBlockListingEnabled()).isTrue();
    }

    @Test
    void anEventNoHandlerTakesIsNotAskedToBeLeftOutOfTheStream() {
        EventStream stream = mock(EventStream.class);
        AxonServerConfiguration configuration = bound(Map.of("AXON_SERVER", "localhost:8124"));
        EventBuffer buffer = new EventBuffer(stream, NoOpEventUpcaster.INSTANCE,
                JacksonSerializer.defaultSerializer(), !configuration.isEventBlockListingEnabled());

        buffer.skipMessagesWithPayloadTypeOf(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(0),
                GenericEventMessage.asEventMessage("not handled here")));

        verify(stream, never()).excludePayloadType(any(), any());
    }

    private static AxonServerConfiguration bound(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new LedgerEnvironment().postProcessEnvironment(environment, null);
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        new Binder(ConfigurationPropertySources.get(environment))
                .bind("axon.axonserver", org.springframework.boot.context.properties.bind.Bindable.ofInstance(configuration));
        return configuration;
    }
}
