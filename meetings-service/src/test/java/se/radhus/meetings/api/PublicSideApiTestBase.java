package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The service with the seed protocol loaded (without its effects: carrying them out needs finance and
 * procurement), a "today" the test moves, and anonymous reads as the public makes them.
 */
abstract class PublicSideApiTestBase extends ApiTestBase {

    static final String SEED_MEETING = "ks-nau-2024-05-21";

    /** The one clock of the service, set by the test. */
    static final class MovableClock extends Clock {
        static volatile LocalDate today = LocalDate.parse("2024-05-27");
        static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

        @Override
        public ZoneId getZone() {
            return STOCKHOLM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return today.atTime(12, 0).atZone(STOCKHOLM).toInstant();
        }
    }

    @TestConfiguration
    static class Today {
        @Bean
        @Primary
        Clock movableClock() {
            return new MovableClock();
        }
    }

    static void today(String day) {
        MovableClock.today = LocalDate.parse(day);
    }

    private static final java.util.Set<Integer> SEEDED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Loads the seed once per test class: bodies, persons, the meeting and its §, justering and anslag. */
    void seed() throws Exception {
        if (SEEDED.contains(port)) {
            return;
        }
        today("2024-05-27");
        JsonNode seed = JSON.readTree(Files.readString(SeedMeetingApiTest.SEED));
        for (JsonNode body : seed.get("bodies")) {
            expect(201, post("/api/bodies", body, "admin"));
        }
        for (JsonNode person : seed.get("persons")) {
            expect(201, post("/api/persons", person, "admin"));
        }
        expect(201, post("/api/meetings", seed.get("meeting"), "admin"));
        for (JsonNode p : seed.get("paragraphs")) {
            ((tools.jackson.databind.node.ObjectNode) p).remove("effects");
            expect(201, post("/api/meetings/" + SEED_MEETING + "/paragraphs", p, "admin"));
        }
        expect(200, post("/api/meetings/" + SEED_MEETING + "/justering", seed.get("justering"), "admin"));
        expect(200, post("/api/meetings/" + SEED_MEETING + "/anslag", seed.get("anslag"), "admin"));
        SEEDED.add(port);
    }

    HttpResponse<String> post(String path, Object body, String role) throws Exception {
        return send("POST", path, "application/json", JSON.writeValueAsBytes(body), role);
    }

    HttpResponse<String> put(String path, Object body, String role) throws Exception {
        return send("PUT", path, "application/json", JSON.writeValueAsBytes(body), role);
    }

    /** A read with no token, as the public makes it. */
    HttpResponse<String> anonymous(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
