package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Every real protocol of the corpus ({@code testdata/corpus}, Göteborg and Mölndal) imported through the
 * HTTP API and scored with the rules of the corpus' {@code score.py}: at least 95 % of paragraphs, case
 * numbers, titles and decisions right, and no § silently dropped (each expected § is imported or named
 * in a warning). {@code date=} is sent only where the text prints no meeting date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class CorpusImportApiTest extends ApiTestBase {

    static final Path CORPUS = Path.of("../testdata/corpus");

    static Stream<String> corpus() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".expected.json".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachRealProtocolImportsToAtLeast95PercentOfItsTruth(String name) throws Exception {
        JsonNode expected = JSON.readTree(Files.readString(CORPUS.resolve(name + ".expected.json")));
        byte[] text = Files.readAllBytes(CORPUS.resolve(name + ".txt"));
        String bodyId = name.substring(0, name.length() - "-YYYY-MM-DD".length());
        send("POST", "/api/bodies", "application/json", JSON.writeValueAsBytes(Map.of("id", bodyId, "name",
                expected.get("municipality").asString() + " " + expected.get("body").asString(), "diariumPrefix", "KS")), "admin");
        String date = expected.get("date").asString();
        HttpResponse<String> r = send("POST", "/api/imports?bodyId=" + bodyId, "text/plain; charset=utf-8", text, "sekreterare");
        if (r.statusCode() == 400 && r.body().contains("prints no meeting date")) {
            r = send("POST", "/api/imports?bodyId=" + bodyId + "&date=" + date, "text/plain; charset=utf-8", text, "sekreterare");
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("date").asString()).as("the meeting's date").isEqualTo(date);
        JsonNode meeting = JSON.readTree(send("GET", "/api/meetings/" + answer.get("meetingId").asString(), null, null, "sekreterare").body());

        Map<Integer, JsonNode> imported = new HashMap<>();
        meeting.get("paragraphs").forEach(p -> imported.putIfAbsent(p.get("number").asInt(), p));
        List<String> warnings = new ArrayList<>();
        answer.get("warnings").forEach(w -> warnings.add(w.asString()));
        int n = 0, found = 0, cases = 0, casesOk = 0, titles = 0, decisions = 0, decisionsOk = 0;
        List<String> bad = new ArrayList<>();
        for (JsonNode e : expected.get("paragraphs")) {
            n++;
            int number = e.get("number").asInt();
            JsonNode p = imported.get(number);
            if (p != null) {
                found++;
            } else {
                assertThat(warnings).as("§ " + number + " is not imported and no warning names it")
                        .anySatisfy(w -> assertThat(w).contains("§ " + number));
                bad.add("§ " + number + " missing");
            }
            JsonNode ecase = e.get("caseNumber");
            if (ecase != null && !ecase.isNull() && !ecase.asString().isBlank()) {
                cases++;
                String got = p == null || p.get("caseNumber") == null || p.get("caseNumber").isNull() ? null : p.get("caseNumber").asString();
                if (caseMatches(ecase.asString(), got)) {
                    casesOk++;
                } else {
                    bad.add("§ " + number + " case " + ecase.asString() + " read " + got);
                }
            }
            if (p != null && normTitle(e.get("title").asString()).equals(normTitle(p.get("title").asString()))) {
                titles++;
            } else {
                bad.add("§ " + number + " title " + e.get("title").asString() + " read " + (p == null ? null : p.get("title").asString()));
            }
            JsonNode etext = e.get("decisionText");
            if (etext != null && !etext.isNull() && !etext.asString().isBlank()) {
                decisions++;
                if (p != null && decisionMatches(etext.asString(), p)) {
                    decisionsOk++;
                } else {
                    bad.add("§ " + number + " decision " + etext.asString());
                }
            }
        }
        String report = name + ": " + found + "/" + n + " paragraphs, " + casesOk + "/" + cases + " case numbers, " + titles + "/" + n
                + " titles, " + decisionsOk + "/" + decisions + " decisions\n" + String.join("\n", bad);
        assertThat(pct(found, n)).as(report).isGreaterThanOrEqualTo(95.0);
        assertThat(pct(casesOk, cases)).as(report).isGreaterThanOrEqualTo(95.0);
        assertThat(pct(titles, n)).as(report).isGreaterThanOrEqualTo(95.0);
        assertThat(pct(decisionsOk, decisions)).as(report).isGreaterThanOrEqualTo(95.0);
    }

    static double pct(int ok, int total) {
        return total == 0 ? 100.0 : 100.0 * ok / total;
    }

    /** score.py's case rule: equal once upper-cased without spaces, or contained, or equal reduced to [0-9/-]. */
    static boolean caseMatches(String expected, String imported) {
        if (imported == null) {
            return false;
        }
        String e = expected.replaceAll("\\s+", "").toUpperCase();
        String i = imported.replaceAll("\\s+", "").toUpperCase();
        if (e.equals(i) || !e.isEmpty() && i.contains(e)) {
            return true;
        }
        String re = reduce(e);
        return !re.isEmpty() && re.equals(reduce(i));
    }

    static String reduce(String s) {
        return s.replaceAll("[^0-9/-]", "").replaceAll("^[/-]+|[/-]+$", "");
    }

    /** score.py's title rule: whitespace collapsed, dashes to '-', case ignored. */
    static String normTitle(String s) {
        return s.replaceAll("[\u2010\u2011\u2013\u2014]", "-").replaceAll("\\s+", " ").strip().toLowerCase();
    }

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    static Set<String> words(String s) {
        String joined = s.replaceAll("(?U)(\\w)[-\u2010\u2011]\\s+(\\w)", "$1$2");
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(joined.toLowerCase());
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** score.py's decision rule: word overlap (Jaccard) at least 0.75 with one decision section, or all together. */
    static boolean decisionMatches(String expected, JsonNode p) {
        List<String> texts = new ArrayList<>();
        for (JsonNode d : p.get("decisions")) {
            List<String> clauses = new ArrayList<>();
            d.get("clauses").forEach(c -> clauses.add(c.asString()));
            texts.add(String.join(" ", clauses));
        }
        if (texts.size() > 1) {
            texts.add(String.join(" ", texts));
        }
        Set<String> e = words(expected);
        double best = 0;
        for (String t : texts) {
            Set<String> w = words(t);
            Set<String> union = new HashSet<>(e);
            union.addAll(w);
            Set<String> both = new HashSet<>(e);
            both.retainAll(w);
            if (!union.isEmpty()) {
                best = Math.max(best, (double) both.size() / union.size());
            }
        }
        return best >= 0.75;
    }
}
