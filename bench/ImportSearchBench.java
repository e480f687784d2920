import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.importing.ProtocolImporter;
import se.radhus.meetings.search.ParagraphIndex;

/**
 * Import and search figures (not a test; bench/run-import-search runs it):
 * seed import time warm, 1 000 protocols imported, indexing rate, and search p50/p95 over N generated
 * paragraphs (default 1 000 000) whose words are drawn from the seed protocol with its frequencies.
 * Writes bench/results/import-search.txt.
 */
public class ImportSearchBench {

    public static void main(String[] args) throws Exception {
        int paragraphs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path seed = Path.of(args.length > 1 ? args[1] : "testdata/seed/ks-nau-2024-05-21.txt");
        String text = Files.readString(seed);
        List<String> out = new ArrayList<>();
        out.add("Rådhus import and search benchmark, " + java.time.Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());

        // import: the seed protocol, warm
        ProtocolImporter importer = new ProtocolImporter();
        for (int i = 0; i < 200; i++) {
            importer.read(text);
        }
        long[] one = new long[200];
        for (int i = 0; i < one.length; i++) {
            long t = System.nanoTime();
            importer.read(text);
            one[i] = System.nanoTime() - t;
        }
        Arrays.sort(one);
        out.add(String.format("seed import (14 §, warm): p50 %.2f ms, p95 %.2f ms   target <= 10 ms", one[100] / 1e6, one[190] / 1e6));
        long t0 = System.nanoTime();
        int read = 0;
        for (int i = 0; i < 1000; i++) {
            read += importer.read(text).paragraphs().size();
        }
        out.add(String.format("1 000 protocols imported (parsing, %d §): %.1f s   target <= 60 s", read, (System.nanoTime() - t0) / 1e9));
        System.out.println(String.join("\n", out));

        // search: N paragraphs, the words of the seed with their frequencies
        ProtocolImporter.Imported base = importer.read(text);
        String[] words = text.toLowerCase().split("[^\\p{L}]+");
        List<String> vocabulary = Arrays.stream(words).filter(w -> w.length() > 2).toList();
        Random random = new Random(42);
        Path dir = Files.createTempDirectory("radhus-bench-index");
        try (ParagraphIndex index = new ParagraphIndex(dir)) {
            int perMeeting = 100;
            long started = System.nanoTime();
            int done = 0;
            List<Meeting> batch = new ArrayList<>();
            for (int m = 0; done < paragraphs; m++) {
                List<Paragraph> ps = new ArrayList<>();
                for (int k = 0; k < perMeeting && done < paragraphs; k++, done++) {
                    Paragraph p = base.paragraphs().get(random.nextInt(base.paragraphs().size()));
                    StringBuilder description = new StringBuilder();
                    for (int w = 0; w < 80; w++) {
                        description.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
                    }
                    ps.add(new Paragraph(k + 1, p.caseNumber(), p.title() + " " + vocabulary.get(random.nextInt(vocabulary.size())),
                            p.decisions(), description.toString(), p.basis(), p.preparers(), p.recipients(), p.motions(),
                            p.votingOrder(), p.chairFinding(), p.votes(), p.reservations(), p.recusals(), p.notes(), null, null,
                            List.of()));
                }
                LocalDate date = LocalDate.of(2000, 1, 1).plusDays(m);
                String body = "body-" + (m % 20);
                batch.add(new Meeting(Meeting.idFor(body, date), body, date, null, null, null, MeetingState.ADJUSTED,
                        List.of(), List.of(), ps, new Meeting.Justering(date, List.of("A B")), null));
                if (batch.size() == 200 || done >= paragraphs) {
                    index.indexAll(batch); // a rebuild commits a page of 200 meetings at a time
                    batch.clear();
                }
                if (m % 500 == 0) {
                    System.err.printf("\rindexing %,d / %,d", done, paragraphs);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.println();
            String indexing = String.format("indexing (rebuild, meetings of %d §, a commit per 200 meetings): %,d paragraphs in %.1f s = %,.0f paragraphs/s   target >= 10 000/s",
                    perMeeting, index.size(), seconds, index.size() / seconds);
            out.add(indexing);
            System.out.println(indexing);
            // as at justering: one meeting of 14 §, one commit
            long[] one14 = new long[50];
            for (int i = 0; i < one14.length; i++) {
                LocalDate day = LocalDate.of(1990, 1, 1).plusDays(i);
                long t = System.nanoTime();
                index.index(new Meeting(Meeting.idFor("ks-nau", day), "ks-nau", day, null, null, null, MeetingState.ADJUSTED,
                        List.of(), List.of(), base.paragraphs(), new Meeting.Justering(day, List.of("A B")), null));
                one14[i] = System.nanoTime() - t;
            }
            Arrays.sort(one14);
            String justering = String.format("indexing at justering (the seed meeting, 14 §, one commit): p50 %.1f ms", one14[25] / 1e6);
            out.add(justering);
            System.out.println(justering);
            String[] queries = {"upphandling laboratorietjänster", "skyddade personuppgifter", "upphandlingar", "budget",
                    "klimatneutralitet", "revisionsrapport miljömål", "medfinansiering", "kommunstyrelsen", "stolar aula",
                    "verksamhetsuppföljning"};
            for (int i = 0; i < 200; i++) {
                index.search(queries[i % queries.length], null, null, 0, 20);
            }
            long[] took = new long[1000];
            for (int i = 0; i < took.length; i++) {
                long t = System.nanoTime();
                index.search(queries[i % queries.length], i % 3 == 0 ? "body-" + (i % 20) : null, i % 5 == 0 ? 2001 : null, 0, 20);
                took[i] = System.nanoTime() - t;
            }
            Arrays.sort(took);
            String search = String.format("search over %,d paragraphs (facets, snippets, 20 a page): p50 %.1f ms, p95 %.1f ms   target p95 <= 50 ms",
                    index.size(), took[500] / 1e6, took[950] / 1e6);
            out.add(search);
            System.out.println(search);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Path results = Path.of("bench/results/import-search.txt");
        Files.createDirectories(results.getParent());
        Files.writeString(results, String.join("\n", out) + "\n");
        System.out.println("written to " + results);
    }
}
