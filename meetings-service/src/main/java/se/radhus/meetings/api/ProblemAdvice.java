package se.radhus.meetings.api;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.api.RequestIds;

/**
 * Every error as application/problem+json. Spring's own errors (unknown path, unreadable body, wrong
 * method) keep their status but get this house's problem shape; anything unexpected is a 500 that names
 * the request id and nothing of the code.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    static ResponseEntity<Object> respond(Problem problem) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(problem.toMap());
    }

    private final se.radhus.meetings.store.Protections protections;

    ProblemAdvice(se.radhus.meetings.store.Protections protections) {
        this.protections = protections;
    }

    /**
     * A problem as this caller may read it: a rule's detail can name members ("missing: …"), so to a caller
     * not entitled a protected person's name is removed from every text in it.
     */
    ResponseEntity<Object> respond(Problem problem, HttpServletRequest request) {
        if (Caller.principal(request).seesProtectedIdentities()) {
            return respond(problem);
        }
        var names = protections.registry().names();
        if (names.isEmpty()) {
            return respond(problem);
        }
        return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(shown(problem.toMap(), names));
    }

    private static Object shown(Object value, se.radhus.common.domain.ProtectedNames names) {
        if (value instanceof String s) {
            return names.publish(s);
        }
        if (value instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, shown(v, names)));
            return out;
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(v -> shown(v, names)).toList();
        }
        return value;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        return respond(e.problem(), request);
    }

    @ExceptionHandler(se.radhus.common.domain.RuleViolation.class)
    ResponseEntity<Object> rule(se.radhus.common.domain.RuleViolation e, HttpServletRequest request) {
        return respond(Problem.conflict(e.rule(), "Refused by a rule", e.getMessage()).with("rule", e.rule()), request);
    }

    @ExceptionHandler(se.radhus.common.domain.InvalidInput.class)
    ResponseEntity<Object> invalid(se.radhus.common.domain.InvalidInput e) {
        return respond(Problem.invalid(e.errors()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badArgument(IllegalArgumentException e) {
        return respond(Problem.badRequest(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problem.internal(MDC.get(RequestIds.MDC_KEY)));
    }

    /** The message of our own parse errors (a malformed diarienummer, say) when they caused the failure. */
    static java.util.Optional<String> readableCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getStackTrace().length > 0 && t.getStackTrace()[0].getClassName().startsWith("se.radhus")) {
                return java.util.Optional.of(t.getMessage());
            }
        }
        return java.util.Optional.empty();
    }

    /** The path of a field the request body has and its record does not ({@code paragraphs[0].foo}), if that failed. */
    static java.util.Optional<String> unknownField(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
                StringBuilder path = new StringBuilder();
                for (var ref : u.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return java.util.Optional.of(path.isEmpty() ? u.getPropertyName() : path.toString());
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        int code = status.value();
        if (code == 400) {
            log.info("unreadable request: {}", ex.getMessage());
        }
        java.util.Optional<String> unknown = code == 400 ? unknownField(ex) : java.util.Optional.empty();
        if (unknown.isPresent()) {
            return ResponseEntity.status(code).headers(headers).contentType(PROBLEM).body(Problem.unknownField(unknown.get()).toMap());
        }
        Problem problem = switch (code) {
            case 404 -> Problem.notFound("There is nothing at this path. See /api/docs for the paths there are.");
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405,
                    "This path does not take that method.");
            case 413 -> Problem.of("too-large", "Request too large", 413, "The request body is too large.");
            case 415 -> Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Send JSON with Content-Type: application/json.");
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406,
                    "This resource is available as application/json.");
            default -> code >= 500
                    ? Problem.internal(MDC.get(RequestIds.MDC_KEY))
                    : Problem.badRequest(readableCause(ex).orElse("The request could not be read: check that the body"
                    + " is well-formed JSON and the parameters have the right types."));
        };
        return ResponseEntity.status(code).headers(headers).contentType(PROBLEM).body(problem.toMap());
    }
}
