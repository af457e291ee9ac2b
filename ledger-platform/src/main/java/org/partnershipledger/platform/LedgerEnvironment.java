package org.partnershipledger.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The ledger's defaults, applied before anything reads the configuration. Anything a service or operator sets
 * explicitly wins, except the update checker: the ledger never phones home.
 */
public class LedgerEnvironment implements EnvironmentPostProcessor {

    /** The JVM switch Axon reads first, with the highest priority of all its opt-out sources. */
    public static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        disableUpdateChecker();
        environment.getPropertySources().addLast(new MapPropertySource("ledgerDefaults", defaults(environment)));
    }

    /** Also called from every main method, so the switch is set before any Axon class can look at it. */
    public static void disableUpdateChecker() {
        System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        // and no advertising banner in the logs
        System.setProperty("disable-axoniq-console-message", "true");
    }

    static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("axon.update-check.disabled", "true");
        String axonServer = environment.getProperty("AXON_SERVER", environment.getProperty("ledger.axon-server", ""));
        defaults.put("axon.axonserver.enabled", Boolean.toString(!axonServer.isBlank()));
        if (!axonServer.isBlank()) {
            defaults.put("axon.axonserver.servers", axonServer.trim());
            // Axon Server stops sending a processor the event types it has no handler for, and then its token
            // stays at the last event it handled: its lag grew with every such event while it said "caught up",
            // until the connection was made again. Every processor reads every event, as on PostgreSQL.
            defaults.put("axon.axonserver.event-block-listing-enabled", "false");
        }
        Map.of("LEDGER_OIDC_ISSUER", "ledger.security.oidc.issuer",
                "LEDGER_OIDC_AUDIENCE", "ledger.security.oidc.audience",
                "LEDGER_OIDC_JWK_SET_URI", "ledger.security.oidc.jwk-set-uri").forEach((variable, property) -> {
            String value = environment.getProperty(variable, "");
            if (!value.isBlank()) {
                defaults.put(property, value.trim());
            }
        });
        DemoUsers.addTo(defaults);
        // Axon's per-message monitors looked up a timer, and warned about registering it twice, for every event in
        // every processor: about a tenth of a replay. The query side publishes its own processor gauges instead.
        defaults.put("axon.metrics.auto-configuration.enabled", "false");
        // Axon's handler and unit-of-work timeouts captured the thread's stack trace and scheduled, then cancelled,
        // a watchdog task for every command and for every event in every processor. PostgreSQL already ends any
        // transaction of ours after 30 s (see TransactionTimeout), and a processor that fails reports it.
        defaults.put("axon.timeout.enabled", "false");
        // Spring Security wrapped each of its filters in an observation on every request; request metrics stay
        defaults.put("management.observations.enable.spring.security", "false");
        defaults.put("axon.serializer.general", "jackson");
        defaults.put("axon.serializer.events", "jackson");
        defaults.put("axon.serializer.messages", "jackson");
        defaults.put("spring.flyway.enabled", "false");
        defaults.put("spring.jackson.serialization.write-dates-as-timestamps", "false");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("server.shutdown", "graceful");
        defaults.put("server.max-http-request-header-size", "16KB");
        // a client that stops sending (in the middle of its head or its body) is cut off after this much silence;
        // a body that trickles in is cut off by BodySizeLimitFilter's deadline
        defaults.put("server.tomcat.connection-timeout", "10s");
        // streamed answers (exports, event streams) end when they are complete, not after the container's 30 s
        defaults.put("spring.mvc.async.request-timeout", "-1");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.prometheus.metrics.export.enabled", "true");
        return defaults;
    }
}
