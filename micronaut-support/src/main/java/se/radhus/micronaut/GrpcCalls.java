package se.radhus.micronaut;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import se.radhus.common.api.ProblemException;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;
import se.radhus.proto.GrpcErrors;
import se.radhus.proto.common.v1.Date;

/**
 * What the Micronaut services' gRPC endpoints share: running a call and answering refusals with canonical
 * codes and ErrorInfo, and the common contract types to and from the domain's.
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

    public static LocalDate date(Date d, String field) {
        if (d == null || d.getYear() == 0) {
            throw new InvalidInput(field, "a date");
        }
        try {
            return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
        } catch (java.time.DateTimeException e) {
            throw new InvalidInput(field, "a calendar date");
        }
    }

    public static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    /** A contract reference as the domain's; null when it names no body. */
    public static DecisionRef decision(se.radhus.proto.common.v1.DecisionRef d) {
        if (d == null || d.getBodyId().isEmpty()) {
            return null;
        }
        String caseNumber = d.hasCaseNumber() && !d.getCaseNumber().getRegistry().isEmpty()
                ? d.getCaseNumber().getRegistry() + "-" + d.getCaseNumber().getYear() + "/" + d.getCaseNumber().getSequence() : null;
        return new DecisionRef(d.getBodyId(), date(d.getMeetingDate(), "decision.meeting_date"), d.getParagraph(), caseNumber);
    }

    public static se.radhus.proto.common.v1.DecisionRef decision(DecisionRef d) {
        var b = se.radhus.proto.common.v1.DecisionRef.newBuilder().setBodyId(d.bodyId()).setMeetingDate(date(d.meetingDate()))
                .setParagraph(d.paragraph());
        if (d.caseNumber() != null) {
            b.setCaseNumber(diarienummer(d.caseNumber()));
        }
        return b.build();
    }

    public static se.radhus.proto.common.v1.Diarienummer diarienummer(String canonical) {
        Diarienummer n = Diarienummer.parse(canonical);
        return se.radhus.proto.common.v1.Diarienummer.newBuilder().setRegistry(n.registry()).setYear(n.year())
                .setSequence(n.sequence()).build();
    }

    public static se.radhus.proto.common.v1.Money money(Money m) {
        return se.radhus.proto.common.v1.Money.newBuilder().setOre(m.ore()).setCurrencyCode(m.currency()).build();
    }

    public static Money money(se.radhus.proto.common.v1.Money m) {
        return new Money(m.getOre(), m.getCurrencyCode().isEmpty() ? Money.SEK : m.getCurrencyCode());
    }
}
