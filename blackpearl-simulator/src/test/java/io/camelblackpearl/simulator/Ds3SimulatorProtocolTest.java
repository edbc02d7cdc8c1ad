package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator speaks DS3 as docs/ds3-protocol.md describes, to a client that is not ours (the JDK's). */
class Ds3SimulatorProtocolTest {

    private static final String ACCESS = "dGVzdHVzZXI=";
    private static final String SECRET = "Sx7kQp2Z";

    @RegisterExtension
    static final BlackPearlSimulatorExtension SIM = BlackPearlSimulatorExtension.of(
            Ds3Simulator.builder().credentials(ACCESS, SECRET), SeedPlan.jobs(25).seed(3));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Sends a signed request; {@code dateFormat} lets tests send the Date variants SDKs use. */
    private static HttpResponse<String> send(String method, String pathAndQuery, String contentType, String date,
                                             String secret) throws IOException, InterruptedException {
        String rawPath = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Map<String, String> headers = new HashMap<>();
        headers.put("date", date);
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        String signature = RequestSignatures.sign(secret, RequestSignatures.stringToSign(method, headers, rawPath));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SIM.endpoint() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Date", date)
                .header("Authorization", "AWS " + ACCESS + ":" + signature);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        return send(method, pathAndQuery, null, now("+0000"), SECRET);
    }

    private static String now(String zone) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC).format(Instant.now())
                + " " + zone;
    }

    @Test
    void signsLikeTheProtocolVectors() {
        String e = "PUT\n\napplication/xml\nThu, 01 Jan 2026 00:00:00 +0000\n/_rest_/active_job/1a85e743-ec8f-4789-afec-97e587a26936";
        assertThat(RequestSignatures.sign(SECRET, e)).isEqualTo("dcEeK4uSELGyHm9pBxbwwlAqL9Y=");
        String g = "GET\n\n\nThu, 01 Jan 2026 00:00:00 +0000\n/_rest_/active_job";
        assertThat(RequestSignatures.sign(SECRET, g)).isEqualTo("/rpRVE/kvjOyZ4M278ZvnC//zIw=");
    }

    /** Every answer carries its own x-amz-request-id, as an appliance's do: successes, 404, 403 and played faults. */
    @Test
    void everyAnswerCarriesAUniqueRequestId() throws Exception {
        SIM.appliance().faults().failNext(Ds3Operation.LIST_ACTIVE_JOBS, 1, 503);
        List<HttpResponse<String>> answers = List.of(
                send("GET", "/_rest_/active_job"),
                send("GET", "/_rest_/active_job"),
                send("GET", "/_rest_/active_job/" + UUID.randomUUID()),
                send("GET", "/_rest_/active_job", null, now("+0000"), "wrong-secret"));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(503, 200, 404, 403);
        List<String> ids = answers.stream()
                .map(a -> a.headers().firstValue("x-amz-request-id").orElseThrow(() -> new AssertionError("no request id: " + a))).toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("\\d+"));
        assertThat(answers.get(2).body()).as("the 404's error document names the same id")
                .contains("<ResourceId>" + ids.get(2) + "</ResourceId>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GMT", "+0000", "-0000"})
    void acceptsEveryDateSpellingTheSdksUse(String zone) throws Exception {
        assertThat(send("GET", "/_rest_/active_job", null, now(zone), SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void verifiesWithTheContentTypeAsReceived() throws Exception {
        UUID id = SIM.appliance().activeJobs().get(0).id();
        HttpResponse<String> response = send("PUT", "/_rest_/active_job/" + id + "?priority=HIGH", "application/xml", now("+0000"), SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<?xml").contains("<MasterObjectList ").contains("Priority=\"HIGH\"")
                .contains("JobId=\"" + id + "\"").contains("<Nodes><Node ");
    }

    @Test
    void refusesABadSignatureAndASkewedClockWith403() throws Exception {
        HttpResponse<String> wrong = send("GET", "/_rest_/active_job", null, now("GMT"), "wrong");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("<HttpErrorCode>403</HttpErrorCode>");

        String old = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minus(Duration.ofMinutes(16)).atZone(ZoneOffset.UTC));
        HttpResponse<String> skewed = send("GET", "/_rest_/active_job", null, old, SECRET);
        assertThat(skewed.statusCode()).isEqualTo(403);
        assertThat(skewed.body()).contains("Client clock");

        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(SIM.endpoint() + "/_rest_/active_job")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(SIM.appliance().requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void pagesWithTotalResultCountAndPageTruncated() throws Exception {
        HttpResponse<String> page = send("GET", "/_rest_/active_job?page_length=10&page_offset=20");
        assertThat(page.headers().firstValue("Total-Result-Count")).hasValue("25");
        assertThat(page.headers().firstValue("Page-Truncated")).hasValue("0");
        assertThat(page.headers().allValues("Page-Truncated")).hasSize(1);
        assertThat(page.body().split("<Job>", -1)).hasSize(6);

        HttpResponse<String> first = send("GET", "/_rest_/active_job?page_length=10");
        assertThat(first.headers().firstValue("Page-Truncated")).hasValue("15");
        HttpResponse<String> last = send("GET", "/_rest_/active_job?page_length=10&last_page");
        assertThat(last.body().split("<Job>", -1)).hasSize(11);
    }

    @Test
    void acceptsForceBareAndWithEqualsAndBooleansInAnyCase() throws Exception {
        UUID a = SIM.appliance().activeJobs().get(0).id();
        UUID b = SIM.appliance().activeJobs().get(1).id();
        assertThat(send("DELETE", "/_rest_/active_job/" + a + "?force").statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/_rest_/active_job/" + b + "?force=").statusCode()).isEqualTo(204);
        assertThat(SIM.appliance().job(a).orElseThrow().status()).isEqualTo("CANCELED");
        assertThat(SIM.appliance().job(b).orElseThrow().status()).isEqualTo("CANCELED");

        UUID c = SIM.appliance().activeJobs().get(0).id();
        assertThat(send("PUT", "/_rest_/active_job/" + c + "?protected=True&dead_job_cleanup_allowed=FALSE").statusCode()).isEqualTo(200);
        assertThat(SIM.appliance().job(c).orElseThrow().protectedJob()).isTrue();
        assertThat(SIM.appliance().job(c).orElseThrow().deadJobCleanupAllowed()).isFalse();
        assertThat(send("PUT", "/_rest_/active_job/" + c + "?protected=yes").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-30T12:00:00.000Z", "1751284800", "1751284800000"})
    void acceptsCreatedAtAsIsoEpochSecondsOrEpochMillis(String createdAt) throws Exception {
        UUID id = SIM.appliance().activeJobs().get(0).id();
        HttpResponse<String> response = send("PUT", "/_rest_/active_job/" + id + "?created_at=" + createdAt);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("StartDate=\"2025-06-30T12:00:00.000Z\"");
    }

    @Test
    void refusesReservedAndUnknownPrioritiesWith400() throws Exception {
        UUID id = SIM.appliance().activeJobs().get(0).id();
        String before = SIM.appliance().job(id).orElseThrow().priority();
        for (String priority : new String[] {"CRITICAL", "BACKGROUND", "SUPER"}) {
            HttpResponse<String> response = send("PUT", "/_rest_/active_job/" + id + "?priority=" + priority);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("<HttpErrorCode>400</HttpErrorCode>").contains(priority);
        }
        assertThat(SIM.appliance().job(id).orElseThrow().priority()).isEqualTo(before);
    }

    @Test
    void finishedJobsAre404OnActiveJobButReadableOnJob() throws Exception {
        SimulatedJob job = SIM.appliance().activeJobs().get(0);
        SIM.appliance().complete(job.id());
        HttpResponse<String> active = send("GET", "/_rest_/active_job/" + job.id());
        assertThat(active.statusCode()).isEqualTo(404);
        assertThat(active.body()).contains("<Code>NotFound</Code>").containsPattern("<ResourceId>\\d+</ResourceId>");
        HttpResponse<String> any = send("GET", "/_rest_/job/" + job.id());
        assertThat(any.statusCode()).isEqualTo(200);
        assertThat(any.body()).contains("Status=\"COMPLETED\"");
    }

    @Test
    void singleActiveJobFieldsSitDirectlyUnderData() throws Exception {
        SimulatedJob job = SIM.appliance().activeJobs().get(0);
        String body = send("GET", "/_rest_/active_job/" + job.id()).body();
        assertThat(body).contains("<Data><Aggregating>").contains("<Id>" + job.id() + "</Id>").doesNotContain("<Job>")
                .contains("<ErrorMessage/>").contains("<Rechunked/>");
    }

    @Test
    void streamsLargeMasterObjectListsInChunks() throws Exception {
        SimulatedJob job = SIM.appliance().activeJobs().get(0);
        SIM.appliance().update(job.id(), j -> j.toBuilder().objectCount(5000).build());
        HttpResponse<String> response = send("GET", "/_rest_/job/" + job.id());
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.body().split("<Object ", -1)).hasSize(5001);
        assertThat(response.body().split("<Objects ", -1)).hasSize(6);
        assertThat(response.body()).endsWith("</Objects></MasterObjectList>");
    }

    @Test
    void injectedFaultsApplyToTheNextMatchingRequestsOnly() throws Exception {
        SIM.appliance().faults().failNext(Ds3Operation.LIST_ACTIVE_JOBS, 2, 503);
        assertThat(send("GET", "/_rest_/active_job").statusCode()).isEqualTo(503);
        assertThat(send("GET", "/_rest_/active_job").statusCode()).isEqualTo(503);
        assertThat(send("GET", "/_rest_/active_job").statusCode()).isEqualTo(200);
        assertThat(SIM.appliance().count(Ds3Operation.LIST_ACTIVE_JOBS)).isEqualTo(3);
    }

    @Test
    void seedPlansAreReproducible() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(SeedPlan.jobs(50).seed(9).clock(clock).jobs()).isEqualTo(SeedPlan.jobs(50).seed(9).clock(clock).jobs());
        assertThat(SeedPlan.jobs(50).seed(9).clock(clock).jobs()).extracting(SimulatedJob::createdAt)
                .allSatisfy(t -> assertThat(t).isBetween(Instant.parse("2025-12-29T00:00:00Z"), Instant.parse("2025-12-31T23:59:00Z")));
    }
}
