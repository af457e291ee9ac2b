package org.partnershipledger.query.common;

import javax.sql.DataSource;
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

    /** A failure in a batch costs only the event that failed (see {@link FailureIsolation}). */
    @Bean
    ConfigurerModule failureIsolation() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processorName) -> new FailureIsolation.Guard(processorName)));
    }

    @Bean
    static FailureIsolation.Savepoints savepointsPerEvent(DataSource dataSource) {
        return new FailureIsolation.Savepoints(dataSource);
    }
}
