package org.partnershipledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** Health stays DOWN after the store answers again, until the processors that waited for it have read again. */
class ProcessorsHealthTest {

    @Test
    void aProcessorWaitingForTheStoreKeepsTheServiceDown() {
        var health = health(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()).health();

        assertThat(health.getStatus()).isEqualTo(org.springframework.boot.actuate.health.Status.DOWN);
        assertThat(health.getDetails()).containsKey("waitingForTheStore");
    }

    @Test
    void processorsReadingAgainOrFailingForAnotherReasonLeaveItUp() {
        assertThat(health(null).health().getStatus()).isEqualTo(org.springframework.boot.actuate.health.Status.UP);
        assertThat(health(new IllegalStateException("a bug")).health().getStatus())
                .isEqualTo(org.springframework.boot.actuate.health.Status.UP);
    }

    private static ProcessorsHealth health(Throwable error) {
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(segment.isErrorState()).thenReturn(error != null);
        when(segment.getError()).thenReturn(error);
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn("event-log");
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("event-log", processor));
        return new ProcessorsHealth(processing);
    }
}
