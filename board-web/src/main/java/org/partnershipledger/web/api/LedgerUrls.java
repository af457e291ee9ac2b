package org.partnershipledger.web.api;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the two APIs answer ({@code ledger.web.query-url}, {@code ledger.web.command-url}). */
@ConfigurationProperties("ledger.web")
public record LedgerUrls(@DefaultValue("http://localhost:8081") URI queryUrl,
                         @DefaultValue("http://localhost:8080") URI commandUrl) {
}
