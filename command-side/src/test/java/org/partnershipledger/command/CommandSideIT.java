package org.partnershipledger.command;

import org.junit.jupiter.api.BeforeEach;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The command side over HTTP on its own fresh database, signed in as the demo manager. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-side", "ledger.snapshots.threshold=5"})
@ContextConfiguration(initializers = LedgerTestDatabase.class)
abstract class CommandSideIT {

    static final String OPEN = """
            {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
             "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90,
                       "dueDate": "2027-06-30"}],
             "reason": "Sales onboarding takes too long"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void signIn() {
        http = Http.localhost(port).as("manager");
    }

    String openPartnership() {
        return http.postJson("/api/partnerships", OPEN).json().get("partnershipId").asText();
    }

    String proposeProgram(String partnership) {
        return http.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New reps", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                 "reason": "First cohort in Q3"}""".formatted(partnership)).json().get("programId").asText();
    }

    long eventCount() {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry").query(Long.class).single();
    }

    long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }
}
