package org.partnershipledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container answers itself, before any controller sees the request, are problem+json with the
 * status's general code too: a URL Tomcat refuses to parse (an encoded slash or NUL, invalid UTF-8, an unencoded
 * bracket in the query), a header it refuses (a control character), and whatever it sends to {@code /error}
 * (such as a request Spring Security's firewall rejects, like an encoded percent or line break in the path).
 * What the firewall rejects is answered by {@link FirewallProblems} right away.
 */
public final class ContainerProblems {

    private ContainerProblems() {
    }

    /**
     * The problem for a status the container answered, with the status of its code: one the catalogue has no code
     * of its own for is answered as that code's (Tomcat's 408 for a body that stopped arriving is a 400
     * BAD_REQUEST), so a client can always branch on the code.
     */
    static ProblemDetail problem(int status) {
        ProblemCode code = ProblemCode.general(status);
        return Problems.problem(code, status == HttpStatus.NOT_FOUND.value() ? "No such path"
                : status == HttpStatus.REQUEST_TIMEOUT.value() ? "The request did not arrive in time (it stopped)"
                : code == ProblemCode.BAD_REQUEST ? "The request is malformed (its URL or a header cannot be read)"
                : code.meaning());
    }

    /** The problem as its JSON members, for where Spring's message converters are not at hand. */
    static Map<String, Object> asMap(ProblemDetail problem, String instance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (instance != null) {
            json.put("instance", instance);
        }
        json.putAll(problem.getProperties());
        return json;
    }

    /** {@code /error}: what the container forwards there, as problem+json (Spring Boot would answer its own JSON). */
    @RestController
    @Hidden
    static class ProblemErrorController implements ErrorController {

        @RequestMapping(path = "${server.error.path:/error}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value && value >= 400 ? value : 500;
            ProblemDetail problem = problem(status);
            status = problem.getStatus();
            if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
                try {
                    problem.setInstance(URI.create(uri));
                } catch (IllegalArgumentException notAUri) {
                    // the path the container refused may not even be a URI; the problem says enough without it
                }
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    /**
     * What Spring Security's firewall rejects: a method no path takes (PROPFIND, or any made-up one) is 405
     * METHOD_NOT_ALLOWED, anything else (an encoded percent, slash or line break in the path, say) 400
     * BAD_REQUEST. Answered here, not by a forward to {@code /error}: the firewall rejects such a request again on
     * the error dispatch, which left an empty 400 for a method it does not know.
     */
    static class FirewallProblems implements RequestRejectedHandler {

        private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                           RequestRejectedException rejected) throws IOException {
            if (response.isCommitted()) {
                return;
            }
            int status = METHODS.contains(request.getMethod()) ? HttpStatus.BAD_REQUEST.value()
                    : HttpStatus.METHOD_NOT_ALLOWED.value();
            response.reset();
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            String uri = request.getRequestURI();
            JSON.writeValue(response.getOutputStream(), asMap(problem(status), uri != null && uri.chars()
                    .allMatch(c -> c > 0x20 && c < 0x7f) ? uri : null));
        }
    }

    /** Replaces Tomcat's HTML error report on the host, which answers what never reaches a servlet. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        /**
         * Tomcat refuses TRACE itself (405, with Allow) but still passes the request on, where Spring Security's
         * firewall refuses it again, leaving an empty 400; answered here, it is the 405 problem.
         */
        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if ("TRACE".equals(request.getMethod()) && !request.getConnector().getAllowTrace()) {
                response.setSuspended(false);
                report(request, response, null);
                return;
            }
            super.invoke(request, response);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                ProblemDetail problem = problem(status);
                response.setStatus(problem.getStatus());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                OutputStream out = response.getOutputStream();
                JSON.writeValue(out, asMap(problem, request.getRequestURI()));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client has gone or the response cannot be written: nothing more to tell it
            }
        }
    }

    /** Puts {@link ProblemReportValve} in place of every error report valve of the host. */
    static class ValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }

        /** After Spring Boot's own customizer, which adds a plain error report valve. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
