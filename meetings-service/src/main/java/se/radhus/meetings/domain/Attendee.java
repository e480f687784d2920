package se.radhus.meetings.domain;

/**
 * One person at a meeting.
 *
 * @param personId   the person, if registered (null for someone named only in the protocol)
 * @param name       the name as the protocol gives it
 * @param party      party abbreviation, e.g. "S", "M", "C"; null for officials
 * @param role       how they take part
 * @param servingFor for a serving substitute: the member they serve for
 * @param title      for an official: e.g. "upphandlingschef"
 * @param paragraphs the paragraphs attended, or null for the whole meeting
 */
public record Attendee(String personId, String name, String party, Role role, String servingFor, String title,
                       ParagraphRange paragraphs) {

    public boolean attends(int paragraph) {
        return paragraphs == null || paragraphs.contains(paragraph);
    }
}
