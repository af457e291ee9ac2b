package org.partnershipledger.command.xapi;

import org.partnershipledger.platform.security.LedgerAccessRules;
import org.partnershipledger.platform.security.LedgerRole;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;

/** Who may use the learning records' resources, and the version header on every answer of the Statements resource. */
@Configuration(proxyBeanMethods = false)
class XapiConfiguration {

    /** LRS clients (INTEGRATION) send and read statements; admins read them, run the sources and erasure. */
    @Bean
    LedgerAccessRules xapiAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/xapi/statements").hasRole(LedgerRole.INTEGRATION.name())
                .requestMatchers(HttpMethod.PUT, "/api/xapi/statements").hasRole(LedgerRole.INTEGRATION.name())
                .requestMatchers(HttpMethod.GET, "/api/xapi/statements")
                .hasAnyRole(LedgerRole.INTEGRATION.name(), LedgerRole.ADMIN.name())
                .requestMatchers("/api/xapi/sources", "/api/xapi/sources/**", "/api/xapi/unmapped",
                        "/api/xapi/buckets", "/api/xapi/erasures").hasRole(LedgerRole.ADMIN.name());
    }

    @Bean
    FilterRegistrationBean<XapiVersion> xapiVersionHeader() {
        FilterRegistrationBean<XapiVersion> registration = new FilterRegistrationBean<>(new XapiVersion());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
