package se.radhus.micronaut;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.radhus.common.api.Problem;

/** micronaut-security's refusals as problem+json: 401 for nobody signed in, 403 for roles that do not allow it. */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SecurityProblems implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
        if (!e.isForbidden()) {
            log.info("refused anonymous {} {}", request.getMethodName(), request.getPath());
            return Problems.response(Problem.of("unauthenticated", "Unauthorized", 401,
                    "This request needs a signed-in user: send Authorization: Bearer <token>.")).header("WWW-Authenticate", "Bearer");
        }
        log.info("refused {} {} for {} {}", request.getMethodName(), request.getPath(), e.getAuthentication().getName(),
                e.getAuthentication().getRoles());
        return Problems.response(Problem.of("forbidden", "Forbidden", 403,
                "Your roles " + e.getAuthentication().getRoles() + " do not allow " + request.getMethodName() + " here."));
    }
}
