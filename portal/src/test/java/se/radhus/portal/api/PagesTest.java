package se.radhus.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages, rendered by the running portal from recorded answers of the real public API (a stub in its
 * place): what each page shows and links, what it asks the API (anonymously, GET only), and every failure
 * a visitor can meet (no such thing, a bad address, a refused search, the API down or failing, a write).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesTest {

    static final StubApi API = new StubApi()
            .file("/api/bodies?pageSize=100", "bodies.json")
            .file("/api/meetings/ks-nau-2024-05-21", "meeting-ks-nau-2024-05-21.json")
            .file("/api/cases/KS-2024/00449", "case-KS-2024-00449.json")
            .file("/api/search?q=upphandling", "search-upphandling.json")
            .file("/api/procurements", "procurements.json")
            .file("/api/procurements/p-23310", "procurement-p-23310.json")
            .file("/api/anslagstavla", "anslagstavla.json")
            .json("/api/bodies/ks-nau", 200, "{\"id\":\"ks-nau\",\"name\":\"Kommunstyrelsens näringslivs- och arbetsutskott\"}")
            .json("/api/meetings?bodyId=ks-nau", 200, "{\"items\":[{\"id\":\"ks-nau-2024-05-21\",\"bodyId\":\"ks-nau\","
                    + "\"date\":\"2024-05-21\",\"state\":\"POSTED\",\"firstParagraph\":177,\"lastParagraph\":190,"
                    + "\"paragraphCount\":14,\"postedOn\":\"2024-05-24\",\"appealDeadline\":\"2024-06-14\","
                    + "\"href\":\"/api/meetings/ks-nau-2024-05-21\"}],\"nextPageToken\":\"t2\"}")
            .json("/api/contracts", 200, "{\"items\":[{\"id\":\"c1\",\"procurementId\":\"p-23310\",\"supplier\":\"Input Interiör AB\","
                    + "\"totalValue\":{\"ore\":145238400,\"currency\":\"SEK\"},\"start\":\"2024-06-01\",\"end\":\"2026-05-31\","
                    + "\"extensionYears\":[1,1],\"extensionsUsed\":0}],\"nextPageToken\":\"\"}")
            .json("/api/anslagstavla/arkiv?pageToken=sida2", 200, "{\"notices\":[],\"nextPageToken\":\"sida3\"}")
            .json("/api/search?q=%3Cscript%3E", 200, "{\"total\":1,\"items\":[{\"meetingId\":\"ks-nau-2024-05-21\","
                    + "\"bodyId\":\"ks-nau\",\"date\":\"2024-05-21\",\"paragraph\":177,\"title\":\"<script>alert(1)</script>\","
                    + "\"snippets\":[\"<em>ord</em> <img src=x onerror=alert(1)>\"]}],\"facets\":{}}")
            .json("/api/search?q=a", 400, "{\"type\":\"urn:radhus:problem:bad-request\",\"status\":400,"
                    + "\"detail\":\"q är för kort\"}")
            .json("/api/meetings/trasig", 500, "{\"status\":500}")
            .tooMany("/api/meetings/for-manga", "7")
            .tooMany("/api/meetings/for-manga-utan-tid", null)
            .pdf("/api/meetings/ks-nau-2024-05-21/protocol", "%PDF-1.7 protokoll".getBytes(StandardCharsets.US_ASCII));

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("radhus.portal.api-url", API::url);
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forget() {
        API.received.clear();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> page(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(r.body()).contains("<html lang=\"sv\">");
        return r;
    }

    /**
     * The API calls a page makes name its visitor as the gateway gave them (X-Forwarded-For, then the
     * address the page request came from), so the gateway's rate limit counts each visitor alone.
     */
    @Test
    void theApiCallsOfAPageNameItsVisitor() throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(API.received).isNotEmpty().allSatisfy(r -> assertThat(r.forwardedFor()).isEqualTo("203.0.113.7, 127.0.0.1"));
        API.received.clear();
        page("/");
        assertThat(API.received).isNotEmpty().allSatisfy(r -> assertThat(r.forwardedFor()).isEqualTo("127.0.0.1"));
    }

    @Test
    void theStartPageListsTheBodiesAndLinksItsJsonAndTheFeed() throws Exception {
        String html = page("/").body();
        assertThat(html).contains("<a href=\"/organ/ks-nau\">Kommunstyrelsens näringslivs- och arbetsutskott</a>")
                .contains("href=\"/api/bodies\" type=\"application/json\"")
                .contains("href=\"/feeds/anslagstavla.atom\" type=\"application/atom+xml\"")
                .contains("<label for=\"q\">");
    }

    @Test
    void aBodysMeetingsLinkTheProtocolTheNextPageTheCalendarAndTheFeed() throws Exception {
        String html = page("/organ/ks-nau").body();
        assertThat(html).contains("<a href=\"/sammantraden/ks-nau-2024-05-21\">21 maj 2024</a>")
                .contains("§ 177–190").contains("Justerat och anslaget").contains("14 juni 2024")
                .contains("href=\"/organ/ks-nau?sida=t2\"")
                .contains("href=\"/api/bodies/ks-nau/calendar.ics\" type=\"text/calendar\"")
                .contains("href=\"/feeds/bodies/ks-nau/decisions.atom\"");
        assertThat(API.targets()).contains("/api/meetings?bodyId=ks-nau");
    }

    @Test
    void theProtocolHasAnAnchorPerParagraphLinkedFromItsTableOfContents() throws Exception {
        String html = page("/sammantraden/ks-nau-2024-05-21").body();
        for (int n = 177; n <= 190; n++) {
            assertThat(html).contains("<a href=\"#p" + n + "\">").contains("id=\"p" + n + "\"");
        }
        assertThat(html).containsOnlyOnce("<h1>")
                .contains("<a href=\"/arenden/KS-2024/00449\">KS-2024/00449</a>")
                .contains("att <span>anta Input Interiör AB som leverantör")
                .contains("Sista dag att överklaga").contains("14 juni 2024")
                .contains("href=\"/api/meetings/ks-nau-2024-05-21\" type=\"application/json\"")
                .contains("href=\"/sammantraden/ks-nau-2024-05-21/protokoll.pdf\" type=\"application/pdf\"");
    }

    @Test
    void theProtocolsPdfIsTheApisAskedForByAccept() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/sammantraden/ks-nau-2024-05-21/protokoll.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7 protokoll");
        assertThat(API.received).anySatisfy(q -> assertThat(q.accept()).contains("application/pdf"));
    }

    @Test
    void aCaseShowsItsHistoryThroughTheBodiesLinkedToEachParagraph() throws Exception {
        String html = page("/arenden/KS-2024/00449").body();
        assertThat(html).contains("href=\"/sammantraden/ks-2024-02-13#p50\"").contains("href=\"/sammantraden/ks-nau-2024-05-21#p179\"")
                .contains("Ärendets gång").contains("href=\"/api/cases/KS-2024/00449\"")
                .contains("href=\"/feeds/cases/KS-2024/00449.atom\"");
    }

    @Test
    void aCaseNumberInAnotherSpellingIsAskedForInItsRegistrysForm() throws Exception {
        page("/arenden/ks-2024/449");
        assertThat(API.targets()).contains("/api/cases/KS-2024/00449");
    }

    @Test
    void searchShowsHitsWithMarkedWordsAndFacetsThatNarrowIt() throws Exception {
        String html = page("/sok?q=upphandling").body();
        assertThat(html).contains("5 träffar").contains("<mark>Upphandling</mark>").doesNotContain("<em>")
                .contains("href=\"/sok?q=upphandling&amp;organ=ks-nau\"").contains("href=\"/sok?q=upphandling&amp;ar=2024\"")
                .contains("Förslag till beslut").contains("href=\"/sammantraden/ks-nau-2024-05-21#p180\"")
                .contains("href=\"/api/search?q=upphandling\" type=\"application/json\"")
                .contains("<label for=\"q\">").contains("<label for=\"organ\">").contains("<label for=\"ar\">");
    }

    @Test
    void searchPassesTheFacetsToTheApi() throws Exception {
        get("/sok?q=budget%20%C3%A5r&organ=ks&ar=2024");
        assertThat(API.targets()).contains("/api/search?q=budget%20%C3%A5r&body=ks&year=2024");
    }

    @Test
    void whatTheApiReturnsIsTextNeverMarkup() throws Exception {
        String html = page("/sok?q=%3Cscript%3E").body();
        assertThat(html).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("<mark>ord</mark> &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void anEmptySearchShowsTheFormAndAsksNothing() throws Exception {
        String html = page("/sok").body();
        assertThat(html).contains("<form action=\"/sok\"").doesNotContain("träffar");
        assertThat(API.targets()).noneMatch(t -> t.startsWith("/api/search"));
    }

    @Test
    void aSearchTheApiRefusesIs400WithItsReason() throws Exception {
        HttpResponse<String> r = get("/sok?q=a");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<html lang=\"sv\">").contains("q är för kort");
    }

    @Test
    void procurementsAndContracts() throws Exception {
        assertThat(page("/upphandlingar").body()).contains("<a href=\"/upphandlingar/p-23310\">Stolar Aula Maja Beskowskolan</a>")
                .contains("Tilldelad").contains("Öppet förfarande").contains("href=\"/api/procurements\"");
        assertThat(page("/upphandlingar/p-23310").body()).contains("Input Interiör AB").contains("<a href=\"/arenden/KS-2024/00449\">")
                .contains("href=\"/sammantraden/ks-2024-02-13#p50\"").contains("href=\"/api/procurements/p-23310\"");
        assertThat(page("/avtal").body()).contains("Input Interiör AB").contains("1 452 384 kr")
                .contains("1 juni 2024 – 31 maj 2026").contains("0 av 2 använda");
    }

    @Test
    void theAnslagstavlaKeepsProtocolNoticesAndMeetingNoticesApartWithHowToAppealAndTheArchive() throws Exception {
        String html = page("/anslagstavla").body();
        int protocols = html.indexOf("<h2 id=\"protokoll\">");
        int meetings = html.indexOf("<h2 id=\"kungorelser\">");
        int appeal = html.indexOf("<h2 id=\"overklaga\">");
        assertThat(protocols).isPositive().isLessThan(meetings);
        assertThat(meetings).isLessThan(appeal);
        String protocolPart = html.substring(protocols, meetings);
        String meetingPart = html.substring(meetings, appeal);
        assertThat(protocolPart).contains("Anslaget</dt><dd>24 maj 2024").contains("Sista dag att överklaga</dt><dd>14 juni 2024")
                .contains("Tas ned</dt><dd>15 juni 2024").contains("Kommunledningskontoret, Umeå kommun")
                .contains("href=\"/sammantraden/ks-nau-2024-05-21\"").contains("href=\"/api/meetings/ks-nau-2024-05-21/protocol\"")
                .doesNotContain("Kommunfullmäktige");
        assertThat(meetingPart).contains("Kommunfullmäktige").contains("10 juni 2024 kl. 18.00").contains("Stadshuset, Umeå")
                .contains("<a href=\"/arenden/KS-2024/00012\">").contains("Motion om &lt;cykelbanor&gt;")
                .contains("anslogs senare än lagen kräver").doesNotContain("14 juni 2024");
        assertThat(html.substring(appeal)).contains("Så överklagar du ett beslut").contains("inom tre veckor")
                .contains("href=\"/anslagstavla/arkiv\"").contains("href=\"/api/anslagstavla\"")
                .contains("href=\"/feeds/anslagstavla.atom\"");
    }

    @Test
    void theArchivePagesOnWithTheApisToken() throws Exception {
        String html = page("/anslagstavla/arkiv?sida=sida2").body();
        assertThat(html).contains("Anslagstavlans arkiv").contains("href=\"/anslagstavla/arkiv?sida=sida3\"")
                .contains("Inga tillkännagivanden om justerade protokoll.");
        assertThat(API.targets()).contains("/api/anslagstavla/arkiv?pageToken=sida2");
    }

    @Test
    void theAccessibilityStatementNamesTheLawAndTheSupervisor() throws Exception {
        assertThat(page("/tillganglighet").body()).contains("<h1>Tillgänglighetsredogörelse</h1>").contains("2018:1937")
                .contains("Digg").contains("WCAG 2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sammantraden/ks-nau-1999-01-01", "/arenden/KS-1999/00001", "/upphandlingar/p-0", "/organ/finns-inte"})
    void whatTheApiDoesNotHaveIs404(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<html lang=\"sv\">").contains("Sidan finns inte");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sammantraden/KS-NAU", "/organ/a_b", "/arenden/KS%20x", "/upphandlingar/-x"})
    void anAddressThatNamesNoRecordIs400AndAsksNothing(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Felaktig adress");
        assertThat(API.targets()).noneMatch(t -> !t.startsWith("/api/bodies"));
    }

    /** The gateway's 429 for this visitor is theirs to see, with when to come back; never a 503 as if all were down. */
    @Test
    void aVisitorOverTheRateLimitGets429WithRetryAfter() throws Exception {
        HttpResponse<String> r = get("/sammantraden/for-manga");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(r.body()).contains("För många frågor just nu").contains("Vänta 7 sekunder");
        HttpResponse<String> without = get("/sammantraden/for-manga-utan-tid");
        assertThat(without.statusCode()).isEqualTo(429);
        assertThat(without.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void anApiThatFailsIs503() throws Exception {
        HttpResponse<String> r = get("/sammantraden/trasig");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("Tjänsten svarar inte just nu").doesNotContain("Exception");
    }

    @ParameterizedTest
    @CsvSource({"POST, /", "POST, /sok", "PUT, /anslagstavla", "DELETE, /sammantraden/ks-nau-2024-05-21", "GET, /actuator/env",
            "GET, /templates/start.html", "GET, /annat"})
    void nothingButTheReadsOfThePagesIsAllowed(String method, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(API.received).isEmpty();
    }

    @Test
    void thePagesCarryTheirCspAndTheApiIsReadAnonymouslyByGetOnly() throws Exception {
        HttpResponse<String> r = page("/sammantraden/ks-nau-2024-05-21");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CSP);
        assertThat(SecurityConfiguration.CSP).contains("default-src 'none'").contains("style-src 'self'").doesNotContain("script");
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/organ/ks-nau"))
                .header("Authorization", "Bearer visitor-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(API.received).isNotEmpty().allSatisfy(q -> {
            assertThat(q.method()).isEqualTo("GET");
            assertThat(q.authorization()).isNull();
        });
    }

    @Test
    void theStylesheetIsServed() throws Exception {
        HttpResponse<String> r = get("/assets/portal.css");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(":focus-visible");
    }
}
