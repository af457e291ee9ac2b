package org.partnershipledger.command.common;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.LedgerApiComponents;
import org.partnershipledger.platform.web.openapi.OperationProblems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * What the OpenAPI document says of every command endpoint beyond its body: the If-Match and Idempotency-Key
 * headers it honours, the ETag (and Location) it answers with, and the codes these headers bring.
 */
@Configuration(proxyBeanMethods = false)
class CommandApiDocumentation {

    static {
        // resolved from the If-Match header (IfMatchResolver), which the document declares instead
        SpringDocUtils.getConfig().addAnnotationsToIgnore(IfMatch.class);
    }

    /** Every command may lose a race or reuse a key; one on an existing aggregate also names it and its version. */
    @Bean
    OperationProblems commandProblems() {
        return endpoint -> {
            Set<ProblemCode> codes = EnumSet.of(ProblemCode.CONCURRENT_MODIFICATION, ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    ProblemCode.VALIDATION_FAILED);
            if (takesIfMatch(endpoint)) {
                codes.addAll(EnumSet.of(ProblemCode.NOT_FOUND, ProblemCode.VERSION_MISMATCH, ProblemCode.BAD_REQUEST));
            }
            return codes;
        };
    }

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, endpoint) -> {
            if (endpoint.getBeanType().isAnnotationPresent(NotCommands.class)) {
                return operation;
            }
            if (takesIfMatch(endpoint)) {
                operation.addParametersItem(new Parameter()
                        .$ref(LedgerApiComponents.parameterRef(LedgerApiComponents.IF_MATCH)));
            }
            operation.addParametersItem(new Parameter()
                    .$ref(LedgerApiComponents.parameterRef(LedgerApiComponents.IDEMPOTENCY_KEY)));
            operation.getResponses().forEach((status, response) -> {
                if (status.equals("200")) {
                    response.description("Recorded: the aggregate's new version");
                }
                if (status.startsWith("2")) {
                    response.addHeaderObject(LedgerApiComponents.ETAG, header(LedgerApiComponents.ETAG));
                    response.addHeaderObject(LedgerApiComponents.IDEMPOTENT_REPLAYED,
                            header(LedgerApiComponents.IDEMPOTENT_REPLAYED));
                }
                if (status.equals("201")) {
                    response.description("Recorded: the new thing's id and the aggregate's version");
                    response.addHeaderObject(LedgerApiComponents.LOCATION, header(LedgerApiComponents.LOCATION));
                }
            });
            return operation;
        };
    }

    /** An answer always has every field (an id and the version), so a generated client need not check for null. */
    @Bean
    OpenApiCustomizer answersAreComplete() {
        return document -> document.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .flatMap(operation -> operation.getResponses().entrySet().stream())
                .filter(response -> response.getKey().startsWith("2") && response.getValue().getContent() != null)
                .flatMap(response -> response.getValue().getContent().values().stream())
                .map(media -> media.getSchema().get$ref())
                .filter(Objects::nonNull)
                .map(ref -> document.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1)))
                .filter(answer -> answer != null && answer.getProperties() != null)
                .forEach(answer -> answer.setRequired(List.copyOf(answer.getProperties().keySet())));
    }

    private static boolean takesIfMatch(HandlerMethod endpoint) {
        return Arrays.stream(endpoint.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(IfMatch.class));
    }

    private static Header header(String name) {
        return new Header().$ref(LedgerApiComponents.headerRef(name));
    }
}
