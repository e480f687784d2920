package se.radhus.micronaut;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.MDC;
import se.radhus.common.api.Problem;
import se.radhus.common.api.RequestIds;

/**
 * Micronaut's own errors (no route, wrong method, unreadable body, too large) as this house's
 * application/problem+json, keeping their status and saying nothing of the code.
 */
@Singleton
@Primary
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                    MutableHttpResponse<?> response) {
        int status = response.getStatus().getCode();
        var unknown = status == 400 ? unknownField(context) : java.util.Optional.<String>empty();
        if (unknown.isPresent()) {
            return Problems.body(response, Problem.unknownField(unknown.get()));
        }
        Problem problem = switch (status) {
            case 404 -> Problem.notFound("There is nothing at this path. See /api/docs for the paths there are.");
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, "This path does not take that method.");
            case 413 -> Problem.of("too-large", "Request too large", 413, "The request body is too large.");
            case 415 -> Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Send JSON with Content-Type: application/json.");
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406, "This resource is available as application/json.");
            default -> status >= 500
                    ? Problem.internal(MDC.get(RequestIds.MDC_KEY))
                    : Problem.badRequest("The request could not be read: check that the body is well-formed JSON"
                    + " and the parameters have the right types.");
        };
        return Problems.body(response, problem);
    }

    private static final java.util.regex.Pattern UNKNOWN = java.util.regex.Pattern.compile("Unknown property \\[([^\\]]+)\\]");

    /** The field a request body has and its record does not, when that is why it could not be read. */
    static java.util.Optional<String> unknownField(ErrorContext context) {
        java.util.List<String> messages = new java.util.ArrayList<>();
        context.getErrors().forEach(e -> messages.add(e.getMessage()));
        context.getRootCause().ifPresent(t -> {
            for (Throwable c = t; c != null; c = c.getCause()) {
                messages.add(c.getMessage());
            }
        });
        return messages.stream().filter(java.util.Objects::nonNull).map(UNKNOWN::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).findFirst();
    }
}
