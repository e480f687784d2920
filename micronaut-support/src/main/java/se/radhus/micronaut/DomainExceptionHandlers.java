package se.radhus.micronaut;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import se.radhus.common.api.Problem;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;

/** Domain refusals as problems: a broken rule is 409 naming it, bad input 400 naming the fields. */
public final class DomainExceptionHandlers {

    private DomainExceptionHandlers() {
    }

    /** 409 with {@code rule} and the rule's details. */
    @Produces
    @Singleton
    public static class Rules implements ExceptionHandler<RuleViolation, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, RuleViolation e) {
            return Problems.response(toProblem(e));
        }
    }

    /** 400 naming the fields. */
    @Produces
    @Singleton
    public static class Inputs implements ExceptionHandler<InvalidInput, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidInput e) {
            return Problems.response(Problem.invalid(e.errors()));
        }
    }

    public static Problem toProblem(RuleViolation e) {
        Problem p = Problem.conflict(e.rule(), "Refused by a rule", e.getMessage()).with("rule", e.rule());
        for (var d : e.details().entrySet()) {
            p = p.with(d.getKey(), d.getValue());
        }
        return p;
    }
}
