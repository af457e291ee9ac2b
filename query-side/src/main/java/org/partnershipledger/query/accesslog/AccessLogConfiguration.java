package org.partnershipledger.query.accesslog;

import java.time.Clock;
import javax.sql.DataSource;
import org.partnershipledger.platform.security.CallerAwareFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access log: one filter for every sensitive read, its table, and the admin's endpoint. */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    @Bean
    AccessLog accessLog(DataSource dataSource) {
        return new AccessLog(dataSource);
    }

    /** In the security chain, where the caller is known (see {@link CallerAwareFilter}). */
    @Bean
    CallerAwareFilter accessLogFilter(AccessLog accessLog) {
        AccessLogFilter filter = new AccessLogFilter(new SensitiveReads(), accessLog, Clock.systemUTC());
        return () -> filter;
    }
}
