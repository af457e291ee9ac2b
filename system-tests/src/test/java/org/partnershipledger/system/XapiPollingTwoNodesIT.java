package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * Two command sides on one database poll an LRS source once between them: the PostgreSQL advisory lock lets one node
 * poll while the other's schedule, finding the source due too, leaves it. The LRS stand-in answers slowly (longer
 * than the schedule's tick), so without the lock both nodes would be asking it at the same time.
 */
class XapiPollingTwoNodesIT {

    @Test
    void oneNodePollsASourceAtATime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        HttpServer lrs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lrs.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        lrs.createContext("/xapi/statements", exchange -> {
            requests.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(7_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{\"statements\": [], \"more\": \"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lrs.start();
        try (LedgerRunner one = new LedgerRunner().startCommandSide();
             LedgerRunner two = new LedgerRunner(one.database).startCommandSide()) {
            Http admin = one.commands("admin");
            assertThat(admin.putJson("/api/xapi/sources/slow", "{\"endpoint\": \"http://127.0.0.1:"
                    + lrs.getAddress().getPort() + "/xapi\"}").status()).isEqualTo(200);
            // both nodes tick every 5 s and find the source due until the first poll ends, 7 s after it began
            two.commands("admin").await("/api/xapi/sources", r -> r.status() == 200
                    && !r.json().get(0).get("lastSuccessAt").isNull(), Duration.ofSeconds(40));
            Thread.sleep(3_000);
            assertThat(mostInFlight.get()).isEqualTo(1);
            assertThat(requests.get()).isEqualTo(1);
        } finally {
            lrs.stop(0);
        }
    }
}
