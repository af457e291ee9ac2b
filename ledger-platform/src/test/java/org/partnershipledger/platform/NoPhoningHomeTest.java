package org.partnershipledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Axon 4.13 checks for updates by calling an outside host shortly after start. A ledger must never do that.
 * Here Axon is made to believe it is not under test (so it would create its checker), told the opposite of our
 * setting, and pointed at a recorder on loopback: nothing may arrive.
 */
class NoPhoningHomeTest {

    private HttpServer recorder;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startRecorder() throws Exception {
        recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recorder.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        recorder.start();
        System.setProperty("axoniq.usage.force-test-environment", "true");
        System.clearProperty(LedgerEnvironment.UPDATE_CHECKER_DISABLED);
    }

    @AfterEach
    void stopRecorder() {
        recorder.stop(0);
        System.clearProperty("axoniq.usage.force-test-environment");
        System.setProperty(LedgerEnvironment.UPDATE_CHECKER_DISABLED, "true");
    }

    @Test
    void theLedgerNeverCallsTheUpdateHost() throws Exception {
        String url = "http://127.0.0.1:" + recorder.getAddress().getPort() + "/updates";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new LedgerTestDatabase())
                .properties("ledger.schema=platform_test", "axon.update-check.disabled=false",
                        "axon.update-check.url=" + url)
                .run()) {
            Thread.sleep(2_500); // Axon's checker would fire one second after start
            assertThat(context.containsBean("updateChecker")).isFalse();
            assertThat(context.getBeanNamesForType(org.axonframework.updates.UpdateChecker.class)).isEmpty();
        }
        assertThat(calls).hasValue(0);
        assertThat(System.getProperty(LedgerEnvironment.UPDATE_CHECKER_DISABLED)).isEqualTo("true");
    }
}
