package org.partnershipledger.platform.web.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.platform.web.ProblemCode;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The pieces of the ledger's OpenAPI documents that every endpoint shares: the {@code Problem} schema, the headers
 * and the 401, 403, 406, 429 and 503 answers. Operations refer to them by {@code $ref}; {@link #addInUse} puts into a
 * document only those it refers to, so neither service documents a header it never sends.
 */
public final class LedgerApiComponents implements OpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final String PROBLEM_CODES = "x-problem-codes";

    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String LEDGER_POSITION = "X-Ledger-Position";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String IF_MATCH = "If-Match";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The answers that are the same wherever they occur, by the only code they carry. */
    static final Map<ProblemCode, String> SHARED_RESPONSES = Map.of(
            ProblemCode.UNAUTHENTICATED, "Unauthenticated",
            ProblemCode.FORBIDDEN, "Forbidden",
            ProblemCode.NOT_ACCEPTABLE, "NotAcceptable",
            ProblemCode.STORE_UNAVAILABLE, "StoreUnavailable",
            ProblemCode.TOO_MANY_FAILED_LOGINS, "TooManyFailedLogins");

    public static String headerRef(String name) {
        return "#/components/headers/" + name;
    }

    public static String parameterRef(String name) {
        return "#/components/parameters/" + name;
    }

    static String responseRef(String name) {
        return "#/components/responses/" + name;
    }

    static String schemaRef(String name) {
        return "#/components/schemas/" + name;
    }

    @Override
    public void customise(OpenAPI document) {
        addInUse(document);
    }

    /** Adds every shared piece the document refers to (responses first: they refer to headers and the schema). */
    public static void addInUse(OpenAPI document) {
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        document.setComponents(components);
        String paths = json(document.getPaths());
        responses().forEach((name, response) -> {
            if (paths.contains("\"" + responseRef(name) + "\"")) {
                components.addResponses(name, response);
            }
        });
        String used = paths + json(components.getResponses());
        headers().forEach((name, header) -> {
            if (used.contains("\"" + headerRef(name) + "\"")) {
                components.addHeaders(name, header);
            }
        });
        parameters().forEach((name, parameter) -> {
            if (used.contains("\"" + parameterRef(name) + "\"")) {
                components.addParameters(name, parameter);
            }
        });
        if (used.contains("\"" + schemaRef(PROBLEM) + "\"")) {
            components.addSchemas(PROBLEM, problem());
        }
    }

    /** RFC 9457 problem details with the ledger's {@code code}. */
    static Schema<?> problem() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An error (RFC 9457 problem details). Branch on `code`; `title` and `detail` are for "
                        + "people and may change.")
                .addProperty("type", new StringSchema().format("uri")
                        .example("urn:partnership-ledger:problem:version-mismatch"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ProblemCode.values()).map(Enum::name)
                        .toList()).description("Stable; every value is listed in the API guide"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("With VALIDATION_FAILED: the fields that are invalid, and why"))
                .required(List.of("type", "title", "status", "code"));
    }

    static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        SHARED_RESPONSES.forEach((code, name) -> responses.put(name, ProblemResponses.response(List.of(code))));
        return responses;
    }

    static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(ETAG, header("The aggregate's version as an entity tag, e.g. `\"3\"`; send it as If-Match",
                new StringSchema().example("\"3\"")));
        headers.put(LOCATION, header("The URL of what was created", new StringSchema().format("uri")));
        headers.put(RETRY_AFTER, header("Seconds to wait before sending the same request again",
                new IntegerSchema().example(5)));
        headers.put(LEDGER_POSITION, header("The global event position the read model answering reflects",
                new IntegerSchema().format("int64")));
        headers.put(IDEMPOTENT_REPLAYED, header("`true` when this is the stored answer of an earlier request with the "
                + "same Idempotency-Key; nothing was recorded again", new StringSchema()._enum(List.of("true"))));
        return headers;
    }

    static Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        parameters.put(IF_MATCH, new Parameter().in("header").name(IF_MATCH).required(false)
                .description("Apply the command only if the aggregate is still at this version (an ETag the ledger "
                        + "returned, e.g. `\"3\"`); otherwise 412 VERSION_MISMATCH. Without it the command applies to "
                        + "the current version.")
                .schema(new StringSchema().example("\"3\"")));
        parameters.put(IDEMPOTENCY_KEY, new Parameter().in("header").name(IDEMPOTENCY_KEY).required(false)
                .description("Makes the write safe to retry: the same key with the same request answers the first "
                        + "answer again and records nothing; with another request it is 422 IDEMPOTENCY_KEY_REUSED. "
                        + "Keys belong to the caller.")
                .schema(new StringSchema().pattern("^[A-Za-z0-9._:\\-]{1,255}$")));
        return parameters;
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(schemaRef(PROBLEM))));
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    private static String json(Object value) {
        try {
            return value == null ? "" : Json31.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
