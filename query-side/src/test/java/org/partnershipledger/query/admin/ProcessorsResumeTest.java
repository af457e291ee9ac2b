package org.partnershipledger.query.admin;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** After an outage, a processor reads again as soon as the store answers, not after its retry pause of up to 60 s. */
class ProcessorsResumeTest {

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final StoreHead store = mock(StoreHead.class);

    @Test
    void aProcessorHeldUpByTheStoreIsRestartedOnceTheStoreAnswers() {
        ProcessorsResume resume = resume(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
        when(store.newestPosition()).thenReturn(OptionalLong.empty());
        resume.tick();
        verify(processor, never()).start();

        when(store.newestPosition()).thenReturn(OptionalLong.of(41));
        resume.tick();

        verify(processor).shutdownAsync();
        verify(processor).start();
    }

    @Test
    void aProcessorFailingForAnotherReasonOrReadingIsLeftAlone() {
        when(store.newestPosition()).thenReturn(OptionalLong.of(41));
        resume(new IllegalStateException("a bug in a handler")).tick();
        resume(null).tick();

        verify(processor, never()).shutdownAsync();
        verify(processor, never()).start();
    }

    private ProcessorsResume resume(Throwable error) {
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(segment.isErrorState()).thenReturn(error != null);
        when(segment.getError()).thenReturn(error);
        when(processor.getName()).thenReturn("event-log");
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("event-log", processor));
        return new ProcessorsResume(processing, store, Duration.ZERO);
    }
}
