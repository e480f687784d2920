package se.radhus.finance.service;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for postings (and so for their entries): time-ordered UUIDs (version 7, RFC 9562 § 5.7), strictly
 * increasing within a process. The entries' unique index on {@code id} then grows at its end, as the
 * ledger does, instead of taking each new id at a random place: a store writes one page of that index per
 * commit rather than one per entry (on the embedded store every page written is serialised again; on
 * MongoDB it is the same B-tree locality). The random part (62 bits) keeps ids of different processes
 * apart; nothing reads meaning into an id.
 */
final class EntryIds {

    /** The last id's milliseconds (upper bits) and sequence within them (lower 12 bits). */
    private static final AtomicLong LAST = new AtomicLong();

    private EntryIds() {
    }

    static String next() {
        long now = System.currentTimeMillis() << 12;
        // the next sequence number, or a new millisecond; never back, even if the clock is set back
        long s = LAST.updateAndGet(prev -> Math.max(prev + 1, now));
        long millis = s >>> 12;
        long msb = (millis << 16) | 0x7000L | (s & 0xFFFL);
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
