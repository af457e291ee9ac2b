package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnershipledger.command.CommandSideApplication;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.TestPostgres;
import org.partnershipledger.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Who may do what, for every role and every kind of endpoint, over HTTP on both services. "Allowed" means the
 * security layer lets the request through (the endpoint answers with anything but 401/403); categories whose
 * endpoints are still to come are held to the same rules already.
 */
class AccessMatrixIT {

    static final List<String> ROLES = List.of("board", "manager", "analyst", "integration", "admin", "partner");
    static final String OPEN = """
            {"name": "Field sales academy", "client": "Acme Retail", "reason": "Onboarding takes too long",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}]}""";

    static ConfigurableApplicationContext commandSide;
    static ConfigurableApplicationContext querySide;
    static String partnership;

    @BeforeAll
    static void start() {
        String database = TestPostgres.newDatabase();
        commandSide = run(CommandSideApplication.builder(), database);
        querySide = run(QuerySideApplication.builder(), database);
        partnership = commands().as("manager").postJson("/api/partnerships", OPEN).json().get("partnershipId")
                .asText();
        queries().as("board").await("/api/partnerships/" + partnership + "/history", r -> r.status() == 200,
                Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        commandSide.close();
        querySide.close();
    }

    /** A category of endpoint, one request standing for it, and the roles allowed through. */
    record Category(String name, Function<Http, Integer> request, Set<String> allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> matrix() {
        List<Category> categories = List.of(
                new Category("commands", http -> http.postJson("/api/partnerships", OPEN).status(), Set.of("manager")),
                new Category("commands: decline", http -> http.postJson("/api/partnerships/" + partnership
                        + "/candidates/nobody/decline", "{\"reason\": \"No fit\"}").status(), Set.of("manager")),
                new Category("commands: offboarding", http -> http.postJson("/api/partnerships/" + partnership
                        + "/candidates/nobody/offboarding", "{\"reason\": \"Left\"}").status(), Set.of("manager")),
                new Category("reads", http -> http.get("/api/partnerships/" + partnership + "/history").status(),
                        Set.of("board", "manager", "analyst", "integration", "admin", "partner")),
                new Category("exports", http -> http.get("/api/export/events").status(), Set.of("analyst")),
                new Category("stream", http -> http.statusOf("/api/stream?after=999999999"), Set.of("integration")),
                new Category("subscriptions", http -> http.get("/api/subscriptions").status(), Set.of("integration")),
                new Category("admin", http -> http.get("/api/admin/processors").status(), Set.of("admin")),
                new Category("rebuilds", http -> http.post("/api/admin/processors/partner-access/replay",
                        "application/json", "").status(), Set.of("admin")),
                new Category("dead letters", http -> http.get("/api/admin/dead-letters").status(), Set.of("admin")),
                new Category("analyst metrics", http -> http.get("/api/analytics/due-diligence-outcomes").status(),
                        Set.of("analyst")),
                new Category("metrics", http -> http.get("/actuator/prometheus").status(), Set.of("admin")));
        return categories.stream().flatMap(category -> ROLES.stream().map(role -> Arguments.of(category, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleReachesOnlyWhatItMay(Category category, String role) {
        Http http = category.name().startsWith("commands") ? commands().as(role) : queries().as(role);
        int status = category.request().apply(http);
        if (!category.allowed().contains(role)) {
            assertThat(status).isEqualTo(403);
        } else if (role.equals("partner") && category.name().equals("reads")) {
            assertThat(status).as("a partnership the partner is not part of does not exist for it").isEqualTo(404);
        } else {
            assertThat(status).isNotIn(401, 403);
        }
    }

    @Test
    void aPartnerReadsAndRaisesConcernsOnlyWhereItsOrganisationIsShortlisted() {
        String theirs = commands().as("manager").postJson("/api/partnerships", OPEN).json().get("partnershipId")
                .asText();
        Http.Response shortlisted = commands().as("manager").postJson("/api/partnerships/" + theirs + "/candidates",
                "{\"organizationId\": \"demo-partner\", \"name\": \"Demo Partner\", \"role\": \"CONTENT_PROVIDER\"}");
        assertThat(shortlisted.status()).isEqualTo(201);
        Http partner = queries().as("partner");

        partner.await("/api/partnerships/" + theirs + "/history", r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(partner.get("/api/partnerships/" + partnership + "/history").status()).isEqualTo(404);

        String concern = "{\"raisedBy\": \"CLIENT\", \"subject\": \"Unclear brief\", \"description\": \"d\"}";
        Http.Response raised = commands().as("partner").postJson("/api/partnerships/" + theirs + "/concerns", concern);
        assertThat(raised.status()).isEqualTo(201);
        Http.Response elsewhere = commands().as("partner").postJson("/api/partnerships/" + partnership + "/concerns",
                concern);
        assertThat(elsewhere.status()).isEqualTo(404);

        var history = queries().as("board").await("/api/partnerships/" + theirs + "/history",
                r -> r.json().get("events").size() == 3, Duration.ofSeconds(10)).json();
        var concernEvent = history.get("events").get(2);
        assertThat(concernEvent.get("actor").asText()).isEqualTo("partner");
        assertThat(concernEvent.get("payload").get("raisedBy").asText()).as("a partner speaks for the partner side")
                .isEqualTo("PARTNER");
    }

    @Test
    void withoutCredentialsEverythingIs401AndWithWrongOnesToo() {
        for (Http http : List.of(commands(), queries(), queries().withBasic("board", "not-the-password"))) {
            assertThat(http.postJson("/api/partnerships", OPEN).status()).isEqualTo(401);
            assertThat(http.get("/api/partnerships/" + partnership + "/history").status()).isEqualTo(401);
        }
    }

    @Test
    void theActorRecordedIsTheAuthenticatedUser() {
        var history = queries().as("analyst").get("/api/partnerships/" + partnership + "/history").json();
        assertThat(history.get("events").get(0).get("actor").asText()).isEqualTo("manager");
    }

    private static Http commands() {
        return Http.localhost(port(commandSide));
    }

    private static Http queries() {
        return Http.localhost(port(querySide));
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, String database) {
        return builder.properties("ledger.db.url=" + database, "ledger.db.user=postgres", "ledger.db.pool-size=5")
                .run("--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
