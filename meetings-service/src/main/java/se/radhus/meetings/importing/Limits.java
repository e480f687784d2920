package se.radhus.meetings.importing;

import java.time.Duration;

/**
 * What one import may cost: its size, its paragraphs, a PDF's pages and decompressed content, and the
 * time to read it. Each over its bound is refused with a detail naming the bound.
 */
public record Limits(int bytes, int paragraphs, int pages, long decompressedBytes, Duration time) {

    public static final Limits STANDARD = new Limits(5 * 1024 * 1024, 2_000, 500, 64L * 1024 * 1024, Duration.ofSeconds(20));
}
