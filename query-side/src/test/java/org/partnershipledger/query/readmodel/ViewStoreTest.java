package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

/** Document views in a processor's batch: read once, the batch's views together, and written back once. */
class ViewStoreTest {

    /** Views kept in a map; every read and write is noted. Each event's payload names the view it changes. */
    static final class Counted extends ViewStore<List<String>> {

        final Map<String, List<String>> stored = new HashMap<>();
        final List<String> loads = new ArrayList<>();
        final List<Collection<String>> loadsAll = new ArrayList<>();
        final List<Map<String, List<String>>> saves = new ArrayList<>();

        @Override
        protected Optional<List<String>> load(String id) {
            loads.add(id);
            return Optional.ofNullable(stored.get(id)).map(ArrayList::new);
        }

        @Override
        protected Map<String, List<String>> loadAll(Collection<String> ids) {
            loadsAll.add(List.copyOf(ids));
            Map<String, List<String>> found = new HashMap<>();
            ids.forEach(id -> Optional.ofNullable(stored.get(id)).ifPresent(view -> found.put(id, new ArrayList<>(view))));
            return found;
        }

        @Override
        protected String viewOf(EventMessage<?> event) {
            return event.getPayload() instanceof String id ? id : null;
        }

        @Override
        protected void saveAll(Map<String, List<String>> views) {
            saves.add(new LinkedHashMap<>(views));
            views.forEach((id, view) -> stored.put(id, List.copyOf(view)));
        }
    }

    final Counted views = new Counted();

    /** Each event appends its position in the batch to its view, as a projection in a processor would. */
    void inOneBatch(List<Object> payloads) {
        List<EventMessage<?>> events = payloads.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage)
                .toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            if (event.getPayload() instanceof String id) {
                views.get(id, created -> new ArrayList<>()).add("e" + events.indexOf(event));
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
    }

    @Test
    void aBatchReadsTheViewsItsEventsChangeInOneGoAndWritesThemBackOnce() {
        views.stored.put("a", List.of("old"));
        views.stored.put("b", List.of("older"));

        inOneBatch(List.of("a", 42, "c", "b", "a"));

        assertThat(views.loadsAll).containsExactly(List.of("a", "c", "b"));
        assertThat(views.loads).as("no view read on its own").isEmpty();
        assertThat(views.saves).hasSize(1);
        assertThat(views.stored).containsEntry("a", List.of("old", "e0", "e4"))
                .containsEntry("b", List.of("older", "e3")).containsEntry("c", List.of("e2"));
    }

    @Test
    void aViewTheEventsDoNotNameIsReadWhenAskedFor() {
        views.stored.put("x", List.of("kept"));
        List<String> seen = new ArrayList<>();

        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("a"), GenericEventMessage.asEventMessage("b")));
        batch.executeWithResult(() -> {
            seen.addAll(views.get("x", created -> new ArrayList<>()));
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(seen).containsExactly("kept", "kept");
        assertThat(views.loadsAll).containsExactly(List.of("a", "b"));
        assertThat(views.loads).containsExactly("x");
    }

    @Test
    void aBatchOfOneViewReadsItAlone() {
        views.stored.put("a", List.of("old"));

        inOneBatch(List.of("a", "a"));

        assertThat(views.loadsAll).isEmpty();
        assertThat(views.loads).containsExactly("a");
        assertThat(views.stored).containsEntry("a", List.of("old", "e0", "e1"));
    }

    @Test
    void anEventsAggregateIsToldByItsPayloadTypeWithoutReadingThePayload() {
        DomainEventMessage<String> unread = new GenericDomainEventMessage<>("Program", "prog-1", 0, "payload") {
            @Override
            public String getPayload() {
                throw new AssertionError("the payload was deserialised");
            }
        };

        assertThat(ViewStore.aggregateOf(unread, CharSequence.class)).isEqualTo("prog-1");
        assertThat(ViewStore.aggregateOf(unread, Integer.class)).isNull();
        assertThat(ViewStore.aggregateOf(GenericEventMessage.asEventMessage("not an aggregate's"), String.class))
                .isNull();
    }

    @Test
    void outsideABatchEachViewIsReadWhenAskedFor() {
        views.stored.put("a", List.of("old"));

        List<String> view = views.get("a", created -> new ArrayList<>());
        view.add("new");
        views.changed("a", view);

        assertThat(views.loads).containsExactly("a");
        assertThat(views.loadsAll).isEmpty();
        assertThat(views.stored).containsEntry("a", List.of("old", "new"));
    }
}
