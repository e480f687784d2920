package se.radhus.meetings.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.radhus.common.api.Problem;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, before any filter runs (a request target it cannot parse, an encoded
 * {@code /} or NUL), as problem+json instead of Tomcat's HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Problem p = status == 400
                ? Problem.of("non-canonical-path", "Invalid request", 400,
                "The request target is not valid or not in canonical form (no encoded '/', NUL or characters that need escaping).")
                : status == 404 ? Problem.notFound("There is nothing at this path.")
                : new Problem("urn:radhus:problem:http-" + status, "Request refused", status, "The request was refused (" + status + ").",
                java.util.Map.of());
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(JSON.writeValueAsBytes(p.toMap()));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more to say
        }
    }

    /** Puts the valve on Tomcat's host in place of its HTML one. */
    @Configuration(proxyBeanMethods = false)
    static class Install {
        /** Last, so that it replaces the HTML valve Spring Boot itself puts on the host. */
        @Bean
        @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    for (org.apache.catalina.Valve v : host.getPipeline().getValves()) {
                        if (v instanceof ErrorReportValve && !(v instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(v);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                }
            });
        }
    }
}
