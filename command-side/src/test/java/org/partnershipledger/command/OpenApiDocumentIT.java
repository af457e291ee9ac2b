package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * The command side's OpenAPI document is a contract a client can be generated from: real headers, typed answers,
 * every error with its codes. The document is also written to target/openapi for a linter.
 */
class OpenApiDocumentIT extends CommandSideIT {

    JsonNode document;

    @BeforeEach
    void readDocument() throws IOException {
        Http.Response response = Http.localhost(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        Path written = Path.of("target", "openapi", "command-side.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, response.raw().body());
        document = response.json();
    }

    @Test
    void ifMatchIsAHeaderAndNotAQueryParameter() {
        // the learning-record resource keeps the query parameters the xAPI specification gives it (statementId ...)
        List<String> parameters = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("/api/xapi/")) {
                document.path("paths").path(path).forEach(operation -> operation.path("parameters").forEach(
                        parameter -> parameters.add(resolve(parameter).path("in").asText() + " "
                                + resolve(parameter).path("name").asText())));
            }
        });

        assertThat(parameters).noneMatch(parameter -> parameter.startsWith("query"))
                .doesNotContain("query expectedVersion");
        JsonNode pivot = operation("/api/programs/{id}/pivots", "post");
        assertThat(pivot.path("parameters")).extracting(parameter -> resolve(parameter).path("in").asText() + " "
                + resolve(parameter).path("name").asText())
                .contains("header If-Match", "header Idempotency-Key");
        assertThat(resolve(pivot.path("responses").path("412")).path("x-problem-codes"))
                .extracting(JsonNode::asText).containsExactly("VERSION_MISMATCH");
    }

    @Test
    void proposingAProgramAnswers201WithATypedBodyETagAndLocation() {
        JsonNode created = operation("/api/programs", "post").path("responses").path("201");

        assertThat(created.path("headers").has("ETag")).isTrue();
        assertThat(created.path("headers").has("Location")).isTrue();
        JsonNode body = resolve(created.path("content").path("application/json").path("schema"));
        assertThat(body.path("type").asText()).isEqualTo("object");
        assertThat(body.path("properties").path("programId").path("type").asText()).isEqualTo("string");
        assertThat(body.path("properties").path("version").path("type").asText()).isEqualTo("integer");
        assertThat(operation("/api/programs", "post").path("operationId").asText()).isEqualTo("proposeProgram");
    }

    @Test
    void aPivotListsTheRulesItMayBreakAs409Codes() {
        JsonNode conflict = resolve(operation("/api/programs/{id}/pivots", "post").path("responses").path("409"));

        assertThat(conflict.path("content").has("application/problem+json")).isTrue();
        assertThat(conflict.path("x-problem-codes")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "CONCURRENT_MODIFICATION", "PARTNERSHIP_ENDED", "PROGRAM_RETIRED", "PROGRAM_NOT_APPROVED",
                "UNKNOWN_MODULE", "PIVOT_CHANGES_NOTHING", "CURRICULUM_WOULD_BE_EMPTY", "APPROVER_NOT_STEERING_MEMBER",
                "UNKNOWN_DECISION_REF");
        assertThat(conflict.path("description").asText()).contains("`PIVOT_CHANGES_NOTHING`");
    }

    @Test
    void everyOperationMayAnswer503WithRetryAfterAndHasItsOwnId() {
        List<String> ids = new ArrayList<>();
        operations().forEach(operation -> {
            JsonNode unavailable = resolve(operation.path("responses").path("503"));
            assertThat(unavailable.path("x-problem-codes")).extracting(JsonNode::asText)
                    .containsExactly("STORE_UNAVAILABLE");
            assertThat(unavailable.path("headers").has("Retry-After")).isTrue();
            assertThat(unavailable.path("content").has("application/problem+json")).isTrue();
            ids.add(operation.path("operationId").asText());
        });

        assertThat(ids).hasSize(50).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"));
        assertThat(document.at("/components/schemas/Problem/properties/code/enum"))
                .extracting(JsonNode::asText).contains("STORE_UNAVAILABLE", "VERSION_MISMATCH");
    }

    private JsonNode operation(String path, String method) {
        return document.path("paths").path(path).path(method);
    }

    private List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(operations::add));
        return operations;
    }

    /** The node itself, or what its {@code $ref} points at in this document. */
    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }
}
