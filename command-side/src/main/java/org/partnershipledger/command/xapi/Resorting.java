package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.partnershipledger.events.program.XapiMappingSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A program's new mapping applies to the statements already stored too: in the transaction of the mapping's event,
 * the program's statements are sorted again into buckets (statements it no longer names leave them, stored ones it
 * now names join); once that transaction has committed, every bucket of the program, old and new, is brought up to
 * date on a thread of its own, as the manager who set the mapping.
 */
@Component
class Resorting implements DisposableBean {

    static final String REPLACED = "The program's xAPI mapping was replaced";
    private static final Logger LOG = LoggerFactory.getLogger(Resorting.class);

    private final JdbcClient jdbc;
    private final StatementStore store;
    private final ImpactFeed feed;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-xapi-resorting");
        thread.setDaemon(true);
        return thread;
    });

    Resorting(JdbcClient jdbc, StatementStore store, ImpactFeed feed, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.feed = feed;
        this.clock = clock;
    }

    void resort(XapiMappingSet mapping) {
        String program = mapping.programId().value();
        Map<UUID, String> causes = new LinkedHashMap<>();
        jdbc.sql("SELECT bucket_id FROM command_side.xapi_bucket WHERE program_id = ?").param(program)
                .query(UUID.class).list().forEach(bucket -> causes.put(bucket, mapping.replaced() ? REPLACED : null));
        if (!causes.isEmpty()) {
            jdbc.sql("""
                            DELETE FROM command_side.xapi_bucket_statement WHERE bucket_id IN (
                                SELECT bucket_id FROM command_side.xapi_bucket WHERE program_id = ?)""")
                    .param(program).update();
        }
        jdbc.sql("UPDATE command_side.xapi_statement SET program_id = NULL WHERE program_id = ?").param(program)
                .update();
        Instant now = clock.instant();
        List<Map.Entry<UUID, String>> candidates = jdbc.sql("""
                        SELECT statement_id, statement::text FROM command_side.xapi_statement
                        WHERE NOT voided AND voids IS NULL
                          AND (statement -> 'object' ->> 'id' = ANY (?)
                               OR statement -> 'context' -> 'contextActivities' IS NOT NULL)""")
                .params((Object) mapping.activityIds().toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Map.Entry<UUID, String> candidate : candidates) {
            JsonNode statement = store.read(candidate.getValue());
            if (!Bucket.names(mapping, statement)) {
                continue;
            }
            jdbc.sql("""
                            UPDATE command_side.xapi_statement SET program_id = COALESCE(program_id, ?)
                            WHERE statement_id = ?""").params(program, candidate.getKey()).update();
            for (Bucket.Entry entry : Bucket.entries(mapping, statement)) {
                store.count(entry.bucket().id(), entry.bucket(), candidate.getKey(), entry.figure(), now);
                causes.putIfAbsent(entry.bucket().id(), null);
            }
        }
        if (causes.isEmpty()) {
            return;
        }
        Authentication setBy = SecurityContextHolder.getContext().getAuthentication();
        Runnable recompute = () -> worker.submit(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(setBy);
            SecurityContextHolder.setContext(context);
            try {
                feed.recompute(causes);
            } catch (RuntimeException e) {
                LOG.warn("The xAPI buckets of program {} could not be brought up to date: {}", program,
                        e.getMessage());
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> recompute.run());
        } else {
            recompute.run();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
