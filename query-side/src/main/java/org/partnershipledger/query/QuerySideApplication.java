package org.partnershipledger.query;

import org.partnershipledger.platform.LedgerEnvironment;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side: projects the event store into read models for boards, analysts and integrations. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        LedgerEnvironment.disableUpdateChecker();
        builder().run(args);
    }

    /** Its own configuration file name, so both services can share one JVM in system tests. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side");
    }
}
