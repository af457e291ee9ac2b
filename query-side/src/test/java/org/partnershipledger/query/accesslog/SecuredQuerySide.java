package org.partnershipledger.query.accesslog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The query side over HTTP on a fresh embedded PostgreSQL, with short login backoff waits (two failures free, then
 * 1 s doubling to 2 s) so a test sees one end; and a checkpoint after every event, so audit packs are ready at once.
 * The test classes using it share one running service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=query-side",
        "ledger.security.login-backoff.free-failures=2",
        "ledger.security.login-backoff.initial-delay=PT1S",
        "ledger.security.login-backoff.max-delay=PT2S",
        "ledger.security.login-backoff.window=PT1M",
        "ledger.audit.checkpoint-every=1"})
@ContextConfiguration(initializers = LedgerTestDatabase.class)
@interface SecuredQuerySide {
}
