package se.radhus.meetings.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who took part in one paragraph (§): present, serving (tjänstgörande), recused (jäv) and chairing. A
 * member present and without jäv serves; a serving substitute (tjänstgörande ersättare) serves only in
 * place of a member who is absent from that § or has jäv in it, so one seat never has two votes
 * (kommunallagen 5 kap. 17 § for fullmäktige, 6 kap. 16–17 §§ for nämnder). A member with jäv takes no
 * part (5 kap. 47 §, 6 kap. 28 §). The chair of the § is the ordförande if present and without jäv, else
 * the vice ordförande (6 kap. 11 §: a vice chair steps in when the chair cannot).
 *
 * @param problems what in the attendance breaks those rules at this §, in words
 */
public record ParagraphPresence(int paragraph, Set<String> present, Set<String> serving, Set<String> recused, String chair,
                                List<String> problems) {

    public ParagraphPresence {
        present = Set.copyOf(present);
        serving = Set.copyOf(serving);
        recused = Set.copyOf(recused);
        problems = List.copyOf(problems);
    }

    public static ParagraphPresence of(List<Attendee> attendance, int paragraph, List<String> recusals) {
        Set<String> recused = new TreeSet<>(recusals == null ? List.of() : recusals);
        Set<String> present = new TreeSet<>();
        Set<String> serving = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> seatTakenBy = new HashMap<>();
        for (Attendee a : attendance) {
            if (a.name() == null || !a.attends(paragraph)) {
                continue;
            }
            present.add(a.name());
            if (a.role() != null && a.role().votes() && a.role() != Role.TJANSTGORANDE_ERSATTARE && !recused.contains(a.name())) {
                serving.add(a.name());
            }
        }
        Set<String> membersServing = new HashSet<>(serving);
        for (Attendee a : attendance) {
            if (a.role() != Role.TJANSTGORANDE_ERSATTARE || a.name() == null || !a.attends(paragraph) || recused.contains(a.name())) {
                continue;
            }
            String seat = a.servingFor();
            if (seat != null && membersServing.contains(seat)) {
                problems.add(a.name() + " is listed as serving for " + seat + ", who is present and serving at § " + paragraph
                        + ": one seat has one vote (kommunallagen 5 kap. 17 §, 6 kap. 17 §)");
            } else if (seat != null && seatTakenBy.containsKey(seat)) {
                problems.add(a.name() + " and " + seatTakenBy.get(seat) + " both serve for " + seat + " at § " + paragraph);
            } else {
                seatTakenBy.put(seat, a.name());
                serving.add(a.name());
            }
        }
        String chair = chairAt(attendance, paragraph, recused);
        return new ParagraphPresence(paragraph, present, serving, recused, chair, problems);
    }

    private static String chairAt(List<Attendee> attendance, int paragraph, Set<String> recused) {
        for (Role role : List.of(Role.ORDFORANDE, Role.VICE_ORDFORANDE)) {
            for (Attendee a : attendance) {
                if (a.role() == role && a.name() != null && a.attends(paragraph) && !recused.contains(a.name())) {
                    return a.name();
                }
            }
        }
        return null;
    }
}
