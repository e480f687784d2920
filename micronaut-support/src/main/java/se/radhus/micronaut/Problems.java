package se.radhus.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Map;
import se.radhus.common.api.Problem;

/** Writes a {@link Problem} as an application/problem+json response. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    private Problems() {
    }

    public static MutableHttpResponse<Map<String, Object>> response(Problem problem) {
        return body(HttpResponse.status(HttpStatus.valueOf(problem.status())), problem);
    }

    static MutableHttpResponse<Map<String, Object>> body(MutableHttpResponse<?> response, Problem problem) {
        return response.status(problem.status()).contentType(PROBLEM_JSON).body(problem.toMap());
    }
}
