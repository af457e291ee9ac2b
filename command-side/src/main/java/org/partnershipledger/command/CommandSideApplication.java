package org.partnershipledger.command;

import org.partnershipledger.platform.LedgerEnvironment;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side: takes decisions as commands, checks them against the rules, and records them as events. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        LedgerEnvironment.disableUpdateChecker();
        builder().run(args);
    }

    /** Its own configuration file name, so both services can share one JVM in system tests. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side");
    }
}
