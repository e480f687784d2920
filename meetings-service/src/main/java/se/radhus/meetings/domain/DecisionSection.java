package se.radhus.meetings.domain;

import java.util.List;

/**
 * One "… beslutar" block of a paragraph: who decides (or is proposed to decide), and the att-clauses in
 * order. § 177 of the seed has three: NAU decides, KF is proposed to decide, KS is proposed to decide.
 *
 * @param kind          Beslut or Förslag till beslut
 * @param decidingBody  the body named, as written: "Näringslivs- och arbetsutskottet", "Kommunfullmäktige"
 * @param clauses       the att-clauses, each without its leading "att"
 */
public record DecisionSection(DecisionKind kind, String decidingBody, List<String> clauses) {

    public DecisionSection {
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
    }
}
