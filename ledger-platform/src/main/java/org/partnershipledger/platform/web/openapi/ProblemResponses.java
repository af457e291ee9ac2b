package org.partnershipledger.platform.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.partnershipledger.platform.web.ProblemCode;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents every problem+json answer of an endpoint, one response per status, each listing its codes (in the
 * description, for people, and in {@code x-problem-codes}, for tools). The codes are those of every endpoint, those
 * of a request body, what services add ({@link OperationProblems}) and the endpoint's {@link Rejects}.
 */
public class ProblemResponses implements OperationCustomizer {

    /**
     * Any request may be refused before it reaches its endpoint: an unreadable URL or header, credentials (also for
     * a user name that failed too often), Accept.
     */
    private static final List<ProblemCode> EVERY_ENDPOINT = List.of(ProblemCode.BAD_REQUEST,
            ProblemCode.UNAUTHENTICATED, ProblemCode.FORBIDDEN, ProblemCode.NOT_ACCEPTABLE,
            ProblemCode.STORE_UNAVAILABLE, ProblemCode.TOO_MANY_FAILED_LOGINS);
    private static final List<ProblemCode> WITH_A_BODY = List.of(ProblemCode.MALFORMED_JSON,
            ProblemCode.VALIDATION_FAILED, ProblemCode.PAYLOAD_TOO_LARGE, ProblemCode.UNSUPPORTED_MEDIA_TYPE);

    private final List<OperationProblems> services;

    public ProblemResponses(List<OperationProblems> services) {
        this.services = services;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod endpoint) {
        Set<ProblemCode> codes = EnumSet.copyOf(EVERY_ENDPOINT);
        if (operation.getRequestBody() != null) {
            codes.addAll(WITH_A_BODY);
        }
        if (declaresConsumes(endpoint)) {
            codes.add(ProblemCode.UNSUPPORTED_MEDIA_TYPE); // even without a body: a Content-Type it cannot parse
        }
        services.forEach(service -> codes.addAll(service.of(endpoint)));
        codes.addAll(rejects(endpoint));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<HttpStatus, List<ProblemCode>> byStatus = codes.stream()
                .collect(Collectors.groupingBy(ProblemCode::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, group) -> responses.addApiResponse(Integer.toString(status.value()),
                group.size() == 1 && LedgerApiComponents.SHARED_RESPONSES.containsKey(group.get(0))
                        ? new ApiResponse().$ref(LedgerApiComponents.responseRef(
                        LedgerApiComponents.SHARED_RESPONSES.get(group.get(0))))
                        : response(group)));
        return operation.responses(responses);
    }

    /** A problem+json answer with any of {@code codes}, which all have the same status. */
    static ApiResponse response(Collection<ProblemCode> codes) {
        StringBuilder description = new StringBuilder(codes.iterator().next().status().getReasonPhrase())
                .append(", with `code`:\n");
        codes.forEach(code -> description.append("\n- `").append(code.name()).append("`: ").append(code.meaning()));
        ApiResponse response = new ApiResponse().description(description.toString())
                .content(LedgerApiComponents.problemContent());
        response.addExtension(LedgerApiComponents.PROBLEM_CODES, codes.stream().map(Enum::name).toList());
        HttpStatus status = codes.iterator().next().status();
        if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
            response.addHeaderObject(LedgerApiComponents.RETRY_AFTER,
                    new Header().$ref(LedgerApiComponents.headerRef(LedgerApiComponents.RETRY_AFTER)));
        }
        return response;
    }

    private static boolean declaresConsumes(HandlerMethod endpoint) {
        return Stream.of(AnnotatedElementUtils.findMergedAnnotation(endpoint.getMethod(), RequestMapping.class),
                        AnnotatedElementUtils.findMergedAnnotation(endpoint.getBeanType(), RequestMapping.class))
                .anyMatch(mapping -> mapping != null && mapping.consumes().length > 0);
    }

    private static Set<ProblemCode> rejects(HandlerMethod endpoint) {
        return Stream.of(endpoint.getMethodAnnotation(Rejects.class),
                        AnnotatedElementUtils.findMergedAnnotation(endpoint.getBeanType(), Rejects.class))
                .filter(Objects::nonNull).flatMap(rejects -> Stream.of(rejects.value()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProblemCode.class)));
    }
}
