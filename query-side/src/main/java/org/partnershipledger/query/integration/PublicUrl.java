package org.partnershipledger.query.integration;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the query side is reached, for the URLs it hands out (a CloudEvent's {@code dataschema}, a JSON Schema's
 * {@code $id}). {@code ledger.public-url} when configured. Otherwise, while answering a request, the address that
 * request was sent to: the {@code Host} it named, or, behind a proxy and only when
 * {@code server.forward-headers-strategy} is set to trust it, the {@code X-Forwarded-Host}/{@code -Proto} (or
 * {@code Forwarded}) the proxy set. With no request (webhooks), the service's own address: its host name and the
 * port it listens on.
 */
@Component
class PublicUrl {

    private final String configured;
    private final String scheme;
    private final String boundAddress;
    private volatile int port;
    private volatile String own;

    PublicUrl(@Value("${ledger.public-url:}") String configured, @Value("${server.port:8081}") int port,
              @Value("${server.ssl.enabled:false}") boolean tls, @Value("${server.address:}") String address) {
        this.configured = configured.isBlank() ? null : withoutTrailingSlash(configured.trim());
        this.port = port;
        this.scheme = tls ? "https" : "http";
        this.boundAddress = address;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
        own = null;
    }

    /** The base URL for what is sent now: the current request's, or the service's own without one. */
    String current() {
        if (configured != null) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ofRequest(attributes.getRequest());
        }
        return own();
    }

    /** The configured URL, or the service's own address: for deliveries no request asked for. */
    String own() {
        if (configured != null) {
            return configured;
        }
        String known = own;
        if (known == null) {
            known = scheme + "://" + host() + ":" + port;
            own = known;
        }
        return known;
    }

    /**
     * Scheme, host and port as the request reached the service. Spring's {@code ForwardedHeaderFilter} (or Tomcat's
     * {@code RemoteIpValve}) has already put the proxy's view in place when configured to; otherwise the forwarded
     * headers are not looked at, since any client could send them.
     */
    static String ofRequest(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    private String host() {
        if (!boundAddress.isBlank() && !boundAddress.equals("0.0.0.0") && !boundAddress.equals("::")) {
            return boundAddress.contains(":") ? "[" + boundAddress + "]" : boundAddress;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
