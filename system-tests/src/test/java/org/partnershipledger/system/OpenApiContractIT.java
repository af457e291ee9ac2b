package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI documents in docs/openapi are the API's committed contract: each service must serve exactly its
 * committed document. A change to the API shows up as a change to these files in review. With
 * {@code -Dopenapi.update=true} the test writes what the services serve instead (docs/api.md).
 */
class OpenApiContractIT {

    private static final boolean UPDATE = Boolean.getBoolean("openapi.update");
    private static final String UPDATE_COMMAND = "./mvnw -B -pl system-tests -am verify -Dtest=None "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiContractIT "
            + "-Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.update=true";

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    @Test
    void theCommandSideServesItsCommittedDocument() {
        check("command-side", ledger.commandPort(), 8080);
    }

    @Test
    void theQuerySideServesItsCommittedDocument() {
        check("query-side", ledger.queryPort(), 8081);
    }

    private static void check(String side, int port, int defaultPort) {
        JsonNode served = OpenApiDocument.normalized(ApiDocs.fetch(port), defaultPort);
        Path committed = ProjectRoot.resolve("docs/openapi/" + side + ".json");
        if (UPDATE) {
            OpenApiDocument.write(served, committed);
            System.out.println("Wrote the " + side + "'s OpenAPI document to docs/openapi/" + side + ".json");
            return;
        }
        assertThat(Files.exists(committed)).as("docs/openapi/%s.json is missing; write it with %s", side,
                UPDATE_COMMAND).isTrue();
        JsonNode expected = OpenApiDocument.read(committed);
        assertThat(OpenApiDocument.differences(expected, served, 30))
                .as("The %s serves another OpenAPI document than docs/openapi/%s.json (first differences "
                        + "listed). If the API change is meant, regenerate the file with %s and commit it",
                        side, side, UPDATE_COMMAND)
                .isEmpty();
    }
}
