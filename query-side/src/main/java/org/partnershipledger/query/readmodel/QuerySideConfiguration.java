package org.partnershipledger.query.readmodel;

import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
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

    /** Each projection gets the tables of its own read model, bound to the live names or a rebuild's copies. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Tables projectionTables(InjectionPoint at, ReadModels readModels) {
        return readModels.forProjection(at.getMember().getDeclaringClass());
    }
}
