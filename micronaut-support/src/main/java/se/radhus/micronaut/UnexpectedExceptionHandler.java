package se.radhus.micronaut;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import se.radhus.common.api.Problem;
import se.radhus.common.api.RequestIds;

/** Bad arguments are a 400 with their message; anything else unexpected a 500 naming only the request id. */
@Produces
@Singleton
public class UnexpectedExceptionHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (exception instanceof IllegalArgumentException) {
            return Problems.response(Problem.badRequest(exception.getMessage()));
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getPath(), exception);
        return Problems.response(Problem.internal(MDC.get(RequestIds.MDC_KEY)));
    }
}
