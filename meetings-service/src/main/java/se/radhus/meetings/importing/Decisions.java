package se.radhus.meetings.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;

/**
 * One paragraph's decisions as written: sections (a decision of the body, or a proposal to another), each
 * of clauses kept verbatim: att-clauses (with their bulleted lists), numbered or lettered items, and plain
 * sentences.
 */
final class Decisions {

    /** "att …". */
    static final Pattern CLAUSE = Pattern.compile("(?i)att\\s+(.*)");
    /** A numbered or lettered item: "1. …", "2) …", "a) …". */
    static final Pattern ITEM = Pattern.compile("(?:\\d{1,2}|[a-z])[.)]\\s+\\S.*");

    final List<DecisionSection> sections = new ArrayList<>();
    DecisionKind kind = DecisionKind.BESLUT;
    String body;
    List<String> clauses;
    StringBuilder clause;
    boolean att;
    boolean closed;

    void open(DecisionKind kind, String body) {
        close();
        this.kind = kind;
        this.body = body;
        clauses = new ArrayList<>();
    }

    void endClause() {
        if (clause != null && !clause.isEmpty()) {
            clauses.add(clause.toString());
        }
        clause = null;
    }

    void close() {
        endClause();
        if (clauses != null && !clauses.isEmpty()) {
            sections.add(new DecisionSection(kind, body, clauses));
        }
        clauses = null;
    }

    void start(String text, boolean attClause) {
        if (clauses == null) {
            clauses = new ArrayList<>();
        }
        endClause();
        clause = new StringBuilder(text);
        att = attClause;
        closed = false;
    }

    /** A line of the decision: a new att-clause or item, a bullet, or more of the clause before. */
    void line(String t, boolean breakBefore) {
        Matcher c = CLAUSE.matcher(t);
        if (c.matches()) {
            start(c.group(1).strip(), true);
        } else if (ITEM.matcher(t).matches()) {
            start(t, false);
        } else if (t.startsWith("-") && t.length() > 1) {
            String item = t.substring(1).strip();
            if (clause != null && (att || clause.toString().endsWith(":") || clause.toString().contains("\n- ")) && !breakBefore
                    || clause != null && att) {
                clause.append("\n- ").append(item);
            } else {
                start("- " + item, false);
            }
        } else if (clause != null && (att || !breakBefore && !closed)) {
            Texts.append(clause, t);
        } else {
            start(t, false);
        }
        if (clause != null && !att) {
            String s = clause.toString();
            closed = s.endsWith(".") || s.endsWith(":") || s.endsWith("?") || s.endsWith("!");
        }
    }
}
