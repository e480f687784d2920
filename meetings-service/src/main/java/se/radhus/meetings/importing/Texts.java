package se.radhus.meetings.importing;

import java.util.List;

/** How the lines of a protocol join up into texts and list items. */
final class Texts {

    private Texts() {
    }

    /** A word broken at a hyphen joins without a space ("att-" + "satser"); other lines join with one. */
    static void append(StringBuilder to, String t) {
        if (!to.isEmpty() && to.charAt(to.length() - 1) == '-' && !t.isEmpty() && Character.isLowerCase(t.charAt(0))) {
            to.append(t);
        } else {
            to.append(to.isEmpty() ? "" : " ").append(t);
        }
    }

    /** A list item per line, a line that starts in lower case or a digit (or ends a broken name) continues the one before. */
    static void addItem(List<String> items, String t, boolean breakBefore, boolean names) {
        if (!items.isEmpty()) {
            String last = items.get(items.size() - 1);
            boolean continues = Character.isLowerCase(t.charAt(0)) || Character.isDigit(t.charAt(0))
                    || (names && last.contains(",") && !last.substring(last.lastIndexOf(',') + 1).strip().contains(" ")
                    && !t.contains(" "));
            if (continues && !t.startsWith("Bilaga")) {
                StringBuilder b = new StringBuilder(last);
                append(b, t);
                items.set(items.size() - 1, b.toString());
                return;
            }
        }
        if (!t.toLowerCase().startsWith("se bilagor")) {
            items.add(t);
        }
    }
}
