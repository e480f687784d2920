package se.radhus.meetings.importing;

/** One line of a protocol's text, by its line number in the file; empty text is a paragraph break. */
record Line(int number, String text) {

    boolean blank() {
        return text.isEmpty();
    }
}
