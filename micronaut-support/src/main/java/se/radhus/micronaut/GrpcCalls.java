package se.radhus.micronaut;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.proto.GrpcErrors;

/**
 * What the Micronaut services' gRPC endpoints share: running a call and answering refusals with canonical
 * codes and ErrorInfo (the common contract types map in {@link se.radhus.proto.ProtoTypes}).
 */
public final class GrpcCalls {

    private GrpcCalls() {
    }

    /**
     * Runs a call: a broken rule is FAILED_PRECONDITION (ABORTED for a concurrent change, which may be
     * retried), bad input INVALID_ARGUMENT, a missing thing NOT_FOUND, a peer down UNAVAILABLE; each with
     * an ErrorInfo whose reason names the rule and whose metadata carries its facts.
     */
    public static <T> void answer(StreamObserver<T> response, String domain, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuleViolation e) {
            Map<String, String> meta = new HashMap<>();
            e.details().forEach((k, v) -> meta.put(k, v instanceof Map<?, ?> m && m.get("ore") != null
                    ? String.valueOf(m.get("ore")) : String.valueOf(v)));
            response.onError(GrpcErrors.of(Status.Code.FAILED_PRECONDITION, GrpcErrors.reason(e.rule()), domain, e.getMessage(), meta));
            return;
        } catch (InvalidInput | IllegalArgumentException e) {
            response.onError(GrpcErrors.of(Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT", domain, e.getMessage(), Map.of()));
            return;
        } catch (ProblemException e) {
            String slug = e.problem().type().substring(e.problem().type().lastIndexOf(':') + 1);
            Status.Code code = switch (e.problem().status()) {
                case 404 -> Status.Code.NOT_FOUND;
                case 503 -> Status.Code.UNAVAILABLE;
                case 409 -> slug.equals("concurrent-change") ? Status.Code.ABORTED : Status.Code.FAILED_PRECONDITION;
                default -> Status.Code.INVALID_ARGUMENT;
            };
            response.onError(GrpcErrors.of(code, GrpcErrors.reason(slug), domain, e.problem().detail(), Map.of()));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
