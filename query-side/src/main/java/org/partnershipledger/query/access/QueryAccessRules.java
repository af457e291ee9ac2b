package org.partnershipledger.query.access;

import org.partnershipledger.platform.security.LedgerAccessRules;
import org.partnershipledger.platform.security.LedgerRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read what on the query side; everything not named here is denied. */
@Configuration(proxyBeanMethods = false)
class QueryAccessRules {

    @Bean
    LedgerAccessRules queryAccess() {
        return requests -> requests
                .requestMatchers("/api/admin/**").hasRole(LedgerRole.ADMIN.name())
                // who am I: any signed-in user may ask (the board's web application signs users in with it)
                .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                // a public key is for anyone who wants to check a pack or a witnessed checkpoint
                .requestMatchers(HttpMethod.GET, "/api/audit/public-key").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole(LedgerRole.READERS)
                .requestMatchers(HttpMethod.GET, "/api/partnerships/*/audit-pack")
                .hasAnyRole(LedgerRole.BOARD.name(), LedgerRole.ANALYST.name())
                .requestMatchers("/api/stream", "/api/stream/**", "/api/subscriptions", "/api/subscriptions/**")
                .hasRole(LedgerRole.INTEGRATION.name())
                .requestMatchers(HttpMethod.GET, "/api/export/**", "/api/analytics/**")
                .hasRole(LedgerRole.ANALYST.name())
                .requestMatchers(HttpMethod.GET, "/api/partnerships", "/api/partnerships/**", "/api/programs/**",
                        "/api/pivots", "/api/localizations", "/api/curations", "/api/schemas", "/api/schemas/**")
                .hasAnyRole(LedgerRole.READERS);
    }
}
