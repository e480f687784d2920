package se.radhus.micronaut;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import se.radhus.common.api.ProblemException;

/** A {@link ProblemException} thrown anywhere answers with its problem. */
@Produces
@Singleton
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return Problems.response(exception.problem());
    }
}
