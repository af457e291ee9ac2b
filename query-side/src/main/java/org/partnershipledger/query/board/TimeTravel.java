package org.partnershipledger.query.board;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.query.partnership.PartnershipView;
import org.partnershipledger.query.program.ProgramView;
import org.partnershipledger.query.readmodel.EventMetadata;
import org.springframework.stereotype.Component;

/**
 * "What did the board know on date D": a view rebuilt from the event store itself, from the first event up to
 * an instant (or a version), with the same fold as the stored read models. Not a guess from current tables.
 */
@Component
public class TimeTravel {

    private final EventStore eventStore;

    TimeTravel(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<PartnershipView> partnership(String id, Instant asOf) {
        PartnershipView view = new PartnershipView();
        fold(id, message -> !message.getTimestamp().isAfter(asOf),
                message -> view.apply(message.getPayload(), message.getSequenceNumber(), message.getTimestamp()));
        return view.version < 0 ? Optional.empty() : Optional.of(view);
    }

    public Optional<PartnershipView> partnershipAtVersion(String id, long version) {
        PartnershipView view = new PartnershipView();
        fold(id, message -> message.getSequenceNumber() <= version,
                message -> view.apply(message.getPayload(), message.getSequenceNumber(), message.getTimestamp()));
        return view.version < 0 ? Optional.empty() : Optional.of(view);
    }

    public Optional<ProgramView> program(String id, Instant asOf) {
        return program(id, message -> !message.getTimestamp().isAfter(asOf));
    }

    public Optional<ProgramView> programAtVersion(String id, long version) {
        return program(id, message -> message.getSequenceNumber() <= version);
    }

    private Optional<ProgramView> program(String id, Predicate<DomainEventMessage<?>> include) {
        ProgramView view = new ProgramView();
        fold(id, include, message -> view.apply(message.getPayload(), message.getSequenceNumber(),
                message.getTimestamp(), EventMetadata.actor(message), EventMetadata.reason(message)));
        return view.version < 0 ? Optional.empty() : Optional.of(view);
    }

    /** Every event of the aggregate from the very first (never from a snapshot), while {@code include} holds. */
    private void fold(String aggregateId, Predicate<DomainEventMessage<?>> include,
                      java.util.function.Consumer<DomainEventMessage<?>> apply) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0L);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (!include.test(message)) {
                break;
            }
            apply.accept(message);
        }
    }
}
