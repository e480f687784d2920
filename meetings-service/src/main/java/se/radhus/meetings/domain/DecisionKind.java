package se.radhus.meetings.domain;

/** Beslut (the body decides) or Förslag till beslut (it proposes; a higher body decides later). */
public enum DecisionKind {
    BESLUT,
    FORSLAG_TILL_BESLUT
}
