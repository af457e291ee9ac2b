package org.partnershipledger.query.common;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records, per processor, the global position its read model reflects: once per batch, in the batch's own
 * transaction, so the position never runs ahead of the data. Read for {@code X-Ledger-Position}.
 */
public class ReadModelPositions implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = ReadModelPositions.class.getName();
    private final JdbcClient jdbc;
    private final String processor;

    public ReadModelPositions(JdbcClient jdbc, String processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
            tracked.trackingToken().position().ifPresent(position -> remember(unitOfWork, position));
        }
        return result;
    }

    private void remember(UnitOfWork<?> unitOfWork, long position) {
        UnitOfWork<?> root = unitOfWork.root();
        @SuppressWarnings("unchecked")
        Map<String, Long> highest = (Map<String, Long>) root.resources().computeIfAbsent(RESOURCE, key -> {
            Map<String, Long> positions = new HashMap<>();
            root.onPrepareCommit(u -> positions.forEach(this::store));
            return positions;
        });
        highest.merge(processor, position, Math::max);
    }

    private void store(String processorName, long position) {
        jdbc.sql("""
                        INSERT INTO query_side.read_model_position (processor, position) VALUES (?, ?)
                        ON CONFLICT (processor) DO UPDATE
                        SET position = GREATEST(read_model_position.position, EXCLUDED.position)""")
                .params(processorName, position).update();
    }

    /** The position the processor's read model reflects; 0 before it has handled anything. */
    public static long of(JdbcClient jdbc, String processor) {
        return jdbc.sql("SELECT position FROM query_side.read_model_position WHERE processor = ?")
                .param(processor).query(Long.class).optional().orElse(0L);
    }
}
