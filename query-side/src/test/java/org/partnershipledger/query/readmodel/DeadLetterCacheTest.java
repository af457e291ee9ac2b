package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every read model's processor remembers which aggregates have parked events, so a healthy event costs no query to
 * the dead-letter table. Without it a replay looked there about four times per event and ran at half its speed,
 * which only the benchmark showed; this test says so at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class DeadLetterCacheTest {

    @Autowired
    ReadModels readModels;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyReadModelsProcessorCachesWhichAggregatesHaveParkedEvents() throws Exception {
        assertThat(readModels.all()).hasSizeGreaterThanOrEqualTo(6);
        for (ReadModel readModel : readModels.all()) {
            AbstractEventProcessor processor = processing.eventProcessor(readModel.processor(),
                    AbstractEventProcessor.class).orElseThrow();
            List<DeadLetteringEventHandlerInvoker> invokers = deadLettering(processor.eventHandlerInvoker());
            assertThat(invokers).as(readModel.processor() + " parks failed events").isNotEmpty();
            for (DeadLetteringEventHandlerInvoker invoker : invokers) {
                Field cache = DeadLetteringEventHandlerInvoker.class.getDeclaredField("sequenceIdentifierCacheEnabled");
                cache.setAccessible(true);
                assertThat(cache.getBoolean(invoker)).as(readModel.processor() + " caches its parked aggregates")
                        .isTrue();
            }
        }
    }

    private static List<DeadLetteringEventHandlerInvoker> deadLettering(EventHandlerInvoker invoker) {
        List<DeadLetteringEventHandlerInvoker> found = new ArrayList<>();
        if (invoker instanceof DeadLetteringEventHandlerInvoker deadLettering) {
            found.add(deadLettering);
        } else if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> found.addAll(deadLettering(delegate)));
        }
        return found;
    }
}
