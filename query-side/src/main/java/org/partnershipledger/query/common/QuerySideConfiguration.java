package org.partnershipledger.query.common;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    /** Every processor records the position its read model reflects. */
    @Bean
    ConfigurerModule readModelPositions(JdbcClient jdbc) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processorName) -> new ReadModelPositions(jdbc, processorName)));
    }
}
