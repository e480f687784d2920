package se.radhus.proto;

import java.time.DateTimeException;
import java.time.LocalDate;
import se.radhus.common.domain.InvalidInput;
import se.radhus.proto.common.v1.Date;
import se.radhus.proto.common.v1.DecisionRef;
import se.radhus.proto.common.v1.Diarienummer;
import se.radhus.proto.common.v1.Money;

/**
 * The shared contract types ({@code radhus.common.v1}) to and from the domain's values, in one place for
 * every gRPC server and client: a date, a diarienummer, money in öre, a decision reference.
 */
public final class ProtoTypes {

    private ProtoTypes() {
    }

    public static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    /**
     * @param field the request field, named in the refusal
     * @throws InvalidInput when the date is missing or not a calendar date
     */
    public static LocalDate date(Date d, String field) {
        if (d == null || d.getYear() == 0) {
            throw new InvalidInput(field, "a date");
        }
        try {
            return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
        } catch (DateTimeException e) {
            throw new InvalidInput(field, "a calendar date");
        }
    }

    public static Diarienummer diarienummer(se.radhus.common.diarium.Diarienummer n) {
        return Diarienummer.newBuilder().setRegistry(n.registry()).setYear(n.year()).setSequence(n.sequence()).build();
    }

    /** @param text a diarienummer in any spelling the domain reads */
    public static Diarienummer diarienummer(String text) {
        return diarienummer(se.radhus.common.diarium.Diarienummer.parse(text));
    }

    /** The domain's diarienummer; null when the contract names none (no registry). */
    public static se.radhus.common.diarium.Diarienummer diarienummer(Diarienummer n) {
        return n == null || n.getRegistry().isEmpty() ? null
                : new se.radhus.common.diarium.Diarienummer(n.getRegistry(), n.getYear(), n.getSequence());
    }

    public static Money money(se.radhus.common.money.Money m) {
        return Money.newBuilder().setOre(m.ore()).setCurrencyCode(m.currency()).build();
    }

    /** Money without a currency code is in kronor (SEK), as the contract documents. */
    public static se.radhus.common.money.Money money(Money m) {
        return new se.radhus.common.money.Money(m.getOre(),
                m.getCurrencyCode().isEmpty() ? se.radhus.common.money.Money.SEK : m.getCurrencyCode());
    }

    public static DecisionRef decision(se.radhus.common.domain.DecisionRef d) {
        DecisionRef.Builder b = DecisionRef.newBuilder().setBodyId(d.bodyId()).setMeetingDate(date(d.meetingDate()))
                .setParagraph(d.paragraph());
        if (d.caseNumber() != null) {
            b.setCaseNumber(diarienummer(d.caseNumber()));
        }
        return b.build();
    }

    /** The domain's decision reference; null when the contract names no body. */
    public static se.radhus.common.domain.DecisionRef decision(DecisionRef d) {
        if (d == null || d.getBodyId().isEmpty()) {
            return null;
        }
        var caseNumber = d.hasCaseNumber() ? diarienummer(d.getCaseNumber()) : null;
        return new se.radhus.common.domain.DecisionRef(d.getBodyId(), date(d.getMeetingDate(), "decision.meeting_date"),
                d.getParagraph(), caseNumber == null ? null : caseNumber.toString());
    }
}
