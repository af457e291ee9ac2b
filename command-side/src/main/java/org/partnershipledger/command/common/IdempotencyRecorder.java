package org.partnershipledger.command.common;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes the response of a keyed command in the same transaction as its events: either both are stored or
 * neither. A twin request racing this one fails on the key's primary key and rolls back its own events. With the
 * response it keeps the aggregate the events went to, so that a retry can check they are in the store: on Axon
 * Server they are committed there only after this transaction ({@link Idempotency#replay}).
 */
class IdempotencyRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Idempotency idempotency;

    IdempotencyRecorder(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        if (metadata.get(Idempotency.KEY) instanceof String key
                && metadata.get(Idempotency.PLANNED) instanceof CommandResponses planned
                && result instanceof Long version) {
            // once the events are staged (Axon intercepts them as the unit of work prepares its commit, after the
            // handler), still in the command's transaction
            unitOfWork.root().onPrepareCommit(prepared -> idempotency.record(
                    (String) metadata.get(Idempotency.PRINCIPAL), key, (String) metadata.get(Idempotency.HASH),
                    planned, version, aggregateOf(prepared)));
        }
        return result;
    }

    /** The aggregate of the last event the command applied; null if it applied none. */
    private static String aggregateOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getResource(AppliedEvents.LAST_AGGREGATE);
    }

    /** Remembers, in the command's unit of work, which aggregate its events went to. */
    static final class AppliedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

        static final String LAST_AGGREGATE = AppliedEvents.class.getName() + ".lastAggregate";

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                List<? extends EventMessage<?>> messages) {
            return (index, message) -> {
                if (message instanceof DomainEventMessage<?> domain && CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().root().resources().put(LAST_AGGREGATE, domain.getAggregateIdentifier());
                }
                return message;
            };
        }
    }
}
