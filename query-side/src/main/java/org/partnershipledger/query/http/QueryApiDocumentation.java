package org.partnershipledger.query.http;

import io.swagger.v3.oas.models.headers.Header;
import java.util.Arrays;
import java.util.List;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.LedgerApiComponents;
import org.partnershipledger.platform.web.openapi.OperationProblems;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;

/** What the OpenAPI document says of the query side's answers beyond their bodies. */
@Configuration(proxyBeanMethods = false)
class QueryApiDocumentation {

    /** A query parameter that is not valid (a page out of range, an unknown stage, a malformed period) is a 400. */
    @Bean
    OperationProblems invalidParameters() {
        return endpoint -> Arrays.stream(endpoint.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                ? List.of(ProblemCode.VALIDATION_FAILED) : List.of();
    }

    /** Where to follow what an answer created or started. */
    @Bean
    OperationCustomizer locationHeader() {
        return (operation, endpoint) -> {
            operation.getResponses().forEach((status, response) -> {
                if (status.equals("201") || status.equals("202")) {
                    response.addHeaderObject(LedgerApiComponents.LOCATION, header(LedgerApiComponents.LOCATION));
                }
            });
            return operation;
        };
    }

    /** The position an answer reflects, in a header, on every endpoint that gives it. */
    @Bean
    OperationCustomizer ledgerPositionHeader() {
        return (operation, endpoint) -> {
            if (AnnotatedElementUtils.hasAnnotation(endpoint.getMethod(), AnswersAtPosition.class)
                    || AnnotatedElementUtils.hasAnnotation(endpoint.getBeanType(), AnswersAtPosition.class)) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(LedgerApiComponents.LEDGER_POSITION,
                                header(LedgerApiComponents.LEDGER_POSITION));
                    }
                });
            }
            return operation;
        };
    }

    private static Header header(String name) {
        return new Header().$ref(LedgerApiComponents.headerRef(name));
    }
}
