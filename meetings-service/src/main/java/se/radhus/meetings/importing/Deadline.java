package se.radhus.meetings.importing;

import java.time.Duration;

/** The time an import may take, checked as it goes. */
final class Deadline {

    /** The import took longer than its limit. */
    static final class Passed extends RuntimeException {
        Passed(Duration limit) {
            super("Reading the protocol took longer than " + limit.toSeconds() + " s; it is not taken. Split it.");
        }
    }

    private final long end;
    private final Duration limit;

    Deadline(Duration limit) {
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    void check() {
        if (System.nanoTime() - end > 0) {
            throw new Passed(limit);
        }
    }
}
