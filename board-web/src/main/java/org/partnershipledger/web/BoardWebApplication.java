package org.partnershipledger.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The governance boards' web application. It holds no data of its own: every page is read from the query API and
 * every action is sent to the command API, as the signed-in user, so the APIs stay the one place that decides who
 * may see and do what.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BoardWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(BoardWebApplication.class, args);
    }
}
