package org.partnershipledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The web conventions both services share: correlation ids and problem+json errors (503 when the store is down),
 * also for what the container refuses before the application sees it.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication
public class LedgerWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestCorrelationFilter> requestCorrelationFilter() {
        FilterRegistrationBean<RequestCorrelationFilter> registration =
                new FilterRegistrationBean<>(new RequestCorrelationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ObjectMapper json,
            @Value("${ledger.web.max-body-size:256KB}") DataSize limit,
            @Value("${ledger.web.body-read-timeout:30s}") Duration deadline) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limit.toBytes(), deadline, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Outside security and every filter that may read the database, so their store failures are a 503 too. */
    @Bean
    FilterRegistrationBean<StoreUnavailableFilter> storeUnavailableFilter(ObjectMapper json) {
        FilterRegistrationBean<StoreUnavailableFilter> registration =
                new FilterRegistrationBean<>(new StoreUnavailableFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** A NUL in a query parameter is refused before it reaches a query (PostgreSQL cannot compare text with it). */
    @Bean
    FilterRegistrationBean<QueryTextFilter> queryTextFilter(ObjectMapper json) {
        FilterRegistrationBean<QueryTextFilter> registration = new FilterRegistrationBean<>(new QueryTextFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    LedgerProblemHandler ledgerProblemHandler() {
        return new LedgerProblemHandler();
    }

    @Bean
    RequestJson requestJson() {
        return new RequestJson();
    }

    /** Errors the container answers itself (at {@code /error}, or before any servlet) are problem+json too. */
    @Bean
    ContainerProblems.ProblemErrorController problemErrorController() {
        return new ContainerProblems.ProblemErrorController();
    }

    /** Spring Security's firewall takes the one bean of this type for what it rejects. */
    @Bean
    ContainerProblems.FirewallProblems firewallProblems() {
        return new ContainerProblems.FirewallProblems();
    }

    @Bean
    ContainerProblems.ValveCustomizer problemReportValve() {
        return new ContainerProblems.ValveCustomizer();
    }
}
