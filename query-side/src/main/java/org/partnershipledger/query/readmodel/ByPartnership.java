package org.partnershipledger.query.readmodel;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.ProgramEvent;
import org.partnershipledger.events.program.ProgramProposed;

/**
 * Puts the events of a partnership and of its programs in one sequence, named by the partnership, for a rebuild in
 * segments of a read model written per partnership ({@link PerPartnership}): each segment then handles whole
 * partnerships, in order. A program's partnership is in its proposal, the program's first event: remembered when
 * the proposal goes by (a rebuild from the start sees every proposal before the program's other events), and read
 * from the event store otherwise (a rebuild resumed halfway). Any other event is its aggregate's own sequence.
 * Shared by a rebuild's segments; a program's partnership never changes, so what is remembered stays true.
 */
final class ByPartnership implements SequencingPolicy<EventMessage<?>> {

    private final EventStore store;
    private final Map<String, String> programs = new ConcurrentHashMap<>();

    ByPartnership(EventStore store) {
        this.store = store;
    }

    @Override
    public Object getSequenceIdentifierFor(@Nonnull EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            return event.getIdentifier();
        }
        Class<?> type = domain.getPayloadType();
        if (PartnershipEvent.class.isAssignableFrom(type)) {
            return domain.getAggregateIdentifier(); // recorded by the partnership it names
        }
        if (ProgramProposed.class.equals(type)) {
            String partnership = ((ProgramProposed) domain.getPayload()).partnershipId().value();
            programs.put(domain.getAggregateIdentifier(), partnership);
            return partnership;
        }
        if (ProgramEvent.class.isAssignableFrom(type)) {
            return programs.computeIfAbsent(domain.getAggregateIdentifier(),
                    program -> proposedIn(program).orElse(program));
        }
        return domain.getAggregateIdentifier();
    }

    /** The partnership a program was proposed in, from its first event in the store (never a snapshot). */
    private Optional<String> proposedIn(String program) {
        DomainEventStream events = store.readEvents(program, 0);
        return events.hasNext() && events.peek().getPayload() instanceof ProgramProposed proposed
                ? Optional.of(proposed.partnershipId().value()) : Optional.empty();
    }
}
