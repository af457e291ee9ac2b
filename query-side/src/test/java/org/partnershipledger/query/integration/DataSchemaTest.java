package org.partnershipledger.query.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.query.history.EventTypes;
import org.partnershipledger.query.history.LoggedEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * A CloudEvent's {@code dataschema} points where the ledger is reached: the configured public URL, else the address
 * the request was sent to (forwarded headers only when the service is set to trust them), else, for webhooks,
 * the service's own address. Never a fixed http://localhost:8081.
 */
class DataSchemaTest {

    static final LoggedEvent EVENT = new LoggedEvent(0, "e-0", "P-1", "P-1", "Partnership", 0,
            "PartnershipOpened", Instant.parse("2026-01-01T00:00:00Z"), "manager", "A reason", null,
            JsonNodeFactory.instance.objectNode(), "req-1", "cmd-1", null);

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theConfiguredPublicUrlWinsEverywhere() {
        CloudEventEnvelope envelope = envelope(new PublicUrl("https://ledger.example.org/", 8081, false, ""));

        assertThat(dataschema(envelope)).isEqualTo("https://ledger.example.org/api/schemas/" + type(envelope));
        inRequest(request("query.internal", 9090, null));
        assertThat(dataschema(envelope)).isEqualTo("https://ledger.example.org/api/schemas/" + type(envelope));
    }

    @Test
    void withoutOneARequestGetsTheAddressItWasSentTo() {
        CloudEventEnvelope envelope = envelope(new PublicUrl("", 8081, false, ""));
        inRequest(request("ledger-2.internal", 18081, null));

        assertThat(dataschema(envelope)).isEqualTo("http://ledger-2.internal:18081/api/schemas/" + type(envelope));
    }

    @Test
    void forwardedHeadersCountOnlyWhenTheServiceIsSetToTrustThem() throws Exception {
        CloudEventEnvelope envelope = envelope(new PublicUrl("", 8081, false, ""));
        MockHttpServletRequest proxied = request("10.0.0.7", 8081, "ledger.example.org");

        inRequest(proxied);
        assertThat(dataschema(envelope)).as("not trusted: any client could send them")
                .startsWith("http://10.0.0.7:8081/");

        // server.forward-headers-strategy=framework puts Spring's ForwardedHeaderFilter in front
        AtomicReference<String> seen = new AtomicReference<>();
        jakarta.servlet.FilterChain application = (request, response) -> {
            inRequest((jakarta.servlet.http.HttpServletRequest) request);
            seen.set(dataschema(envelope));
        };
        new ForwardedHeaderFilter().doFilter(proxied, new MockHttpServletResponse(), application);
        assertThat(seen.get()).isEqualTo("https://ledger.example.org/api/schemas/" + type(envelope));
    }

    @Test
    void aWebhookWithoutConfigurationGetsTheServicesOwnAddressAndPort() {
        PublicUrl publicUrl = new PublicUrl("", 8081, false, "");
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(43117);
        publicUrl.listening(new WebServerInitializedEvent(server) {
            @Override
            public org.springframework.boot.web.context.WebServerApplicationContext getApplicationContext() {
                return null;
            }
        });

        String dataschema = dataschema(envelope(publicUrl));

        assertThat(dataschema).startsWith("http://").contains(":43117/api/schemas/")
                .doesNotContain("localhost:8081");
        assertThat(envelope(new PublicUrl("", 8081, true, "ledger.example.org")).schemaUrl("t"))
                .isEqualTo("https://ledger.example.org:8081/api/schemas/t");
    }

    private static CloudEventEnvelope envelope(PublicUrl publicUrl) {
        EventTypes types = mock(EventTypes.class);
        when(types.bySimpleName(any())).thenReturn(Optional.empty());
        return new CloudEventEnvelope(types, publicUrl);
    }

    private static String dataschema(CloudEventEnvelope envelope) {
        return envelope.of(EVENT).getDataSchema().toString();
    }

    private static String type(CloudEventEnvelope envelope) {
        return envelope.typeOf(EVENT);
    }

    private static MockHttpServletRequest request(String host, int port, String forwardedHost) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stream");
        request.setServerName(host);
        request.setServerPort(port);
        if (forwardedHost != null) {
            request.addHeader("X-Forwarded-Host", forwardedHost);
            request.addHeader("X-Forwarded-Proto", "https");
        }
        return request;
    }

    private static void inRequest(jakarta.servlet.http.HttpServletRequest request) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
