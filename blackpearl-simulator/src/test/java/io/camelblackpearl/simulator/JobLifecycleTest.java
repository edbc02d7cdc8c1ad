package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs complete and get canceled, by call or on their own, and the completed and canceled lists say so over DS3. */
class JobLifecycleTest {

    private static final String ACCESS = "dGVzdHVzZXI=";
    private static final String SECRET = "Sx7kQp2Z";
    private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ManualClock clock = new ManualClock(START);
    private Ds3Simulator simulator;

    @BeforeEach
    void start() {
        // The server checks request dates against its own clock: a generous tolerance lets the manual clock move.
        simulator = Ds3Simulator.builder().port(0).credentials(ACCESS, SECRET).clock(clock)
                .clockSkewTolerance(Duration.ofDays(3650)).build()
                .seed(SeedPlan.jobs(20).seed(5).clock(clock)).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        String rawPath = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC)
                .format(Instant.now()) + " +0000";
        String signature = RequestSignatures.sign(SECRET, RequestSignatures.stringToSign(method, Map.of("date", date), rawPath));
        return HTTP.send(HttpRequest.newBuilder(URI.create(simulator.endpoint() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Date", date).header("Authorization", "AWS " + ACCESS + ":" + signature).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private UUID activeJob(int index) {
        return simulator.appliance().activeJobs().get(index).id();
    }

    @Test
    void cancelTruncateAndCompleteMoveJobsToTheirListsWithTheirDates() throws Exception {
        UUID canceled = activeJob(0);
        UUID truncated = activeJob(1);
        UUID completed = activeJob(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(send("DELETE", "/_rest_/active_job/" + canceled + "?force").statusCode()).isEqualTo(204);
        clock.advance(Duration.ofMinutes(1));
        assertThat(send("DELETE", "/_rest_/active_job/" + truncated).statusCode()).isEqualTo(204);
        clock.advance(Duration.ofMinutes(1));
        assertThat(simulator.appliance().complete(completed)).isPresent();
        assertThat(simulator.appliance().complete(completed)).as("only an active job completes").isEmpty();

        HttpResponse<String> completedList = send("GET", "/_rest_/completed_job");
        assertThat(completedList.statusCode()).isEqualTo(200);
        assertThat(completedList.headers().firstValue("Total-Result-Count")).hasValue("2");
        String body = completedList.body();
        // Most recently completed first; each in a <CompletedJob> with its DateCompleted.
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Data><CompletedJob>");
        assertThat(body.indexOf(completed.toString())).isLessThan(body.indexOf(truncated.toString()));
        assertThat(body).contains("<DateCompleted>2026-11-02T08:03:00.000Z</DateCompleted>",
                "<DateCompleted>2026-11-02T08:02:00.000Z</DateCompleted>", "<Truncated>true</Truncated>");
        assertThat(body).doesNotContain("DateCanceled", canceled.toString());

        String canceledList = send("GET", "/_rest_/canceled_job").body();
        assertThat(canceledList).contains("<CanceledJob>", "<Id>" + canceled + "</Id>",
                "<DateCanceled>2026-11-02T08:01:00.000Z</DateCanceled>", "<CanceledDueToTimeout>false</CanceledDueToTimeout>");

        assertThat(send("GET", "/_rest_/completed_job/" + completed).body())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Data><BucketId>").contains("<Id>" + completed + "</Id>");
        assertThat(send("GET", "/_rest_/canceled_job/" + canceled).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/_rest_/canceled_job/" + completed).statusCode()).as("completed, not canceled").isEqualTo(404);
        assertThat(send("GET", "/_rest_/completed_job/" + activeJob(0)).statusCode()).as("still active").isEqualTo(404);
        assertThat(send("GET", "/_rest_/active_job/" + completed).statusCode()).as("no longer active").isEqualTo(404);
        assertThat(simulator.appliance().activeJobs()).hasSize(17);
    }

    @Test
    void finishedListsFilterAndPageLikeTheActiveList() throws Exception {
        List<SimulatedJob> jobs = simulator.appliance().activeJobs();
        for (SimulatedJob job : jobs) {
            clock.advance(Duration.ofSeconds(1));
            simulator.appliance().complete(job.id());
        }
        long gets = jobs.stream().filter(j -> j.requestType().equals("GET")).count();
        HttpResponse<String> restores = send("GET", "/_rest_/completed_job?request_type=GET");
        assertThat(restores.headers().firstValue("Total-Result-Count")).hasValue(Long.toString(gets));
        assertThat(restores.body().split("<CompletedJob>", -1)).hasSize((int) gets + 1);

        HttpResponse<String> page = send("GET", "/_rest_/completed_job?page_length=5&page_offset=15");
        assertThat(page.headers().firstValue("Page-Truncated")).hasValue("0");
        assertThat(page.body().split("<CompletedJob>", -1)).hasSize(6);
        assertThat(page.body()).as("the oldest completion is last").contains("<Id>" + jobs.get(0).id() + "</Id>");
        assertThat(send("GET", "/_rest_/completed_job?request_type=BOGUS").statusCode()).isEqualTo(400);
    }

    @Test
    void jobsEndOnTheirOwnAndNewOnesArriveWhenALifecycleIsSet() throws Exception {
        simulator.appliance().lifecycle(new JobLifecycle(Duration.ofMinutes(10), 0.25, Duration.ofMinutes(1), 9));
        assertThat(simulator.appliance().completedJobs(j -> true)).as("nothing has ended yet").isEmpty();
        clock.advance(Duration.ofMinutes(4));
        int endedEarly = simulator.appliance().completedJobs(j -> true).size() + simulator.appliance().canceledJobs(j -> true).size();
        assertThat(endedEarly).as("some end well before the mean, most do not").isBetween(1, 15);

        clock.advance(Duration.ofMinutes(200));
        List<SimulatedJob> completed = simulator.appliance().completedJobs(j -> true);
        List<SimulatedJob> canceled = simulator.appliance().canceledJobs(j -> true);
        List<SimulatedJob> seeded = simulator.appliance().allJobs().stream().filter(j -> !j.name().contains("-new-")).toList();
        assertThat(seeded).as("every seeded job ended by 20 means").noneMatch(SimulatedJob::active);
        assertThat(canceled).isNotEmpty();
        assertThat(completed.size()).isGreaterThan(canceled.size());
        assertThat(completed).allSatisfy(job -> assertThat(job.completedSizeInBytes()).isEqualTo(job.originalSizeInBytes()));
        for (SimulatedJob job : seeded) {
            assertThat(job.finishedAt()).isAfter(START);
        }
        assertThat(simulator.appliance().allJobs().stream().filter(j -> j.name().contains("-new-")))
                .as("one arrival a minute, created when it arrived").hasSize(204)
                .allSatisfy(job -> assertThat(job.createdAt()).isAfter(START));
        String overHttp = send("GET", "/_rest_/canceled_job").body();
        assertThat(overHttp.split("<CanceledJob>", -1)).hasSize(canceled.size() + 1);
    }

    @Test
    void theSameSeedAndClockGiveTheSameHistory() {
        List<String> first = history(9);
        assertThat(history(9)).isEqualTo(first);
        assertThat(history(10)).isNotEqualTo(first);
    }

    private List<String> history(long seed) {
        ManualClock own = new ManualClock(START);
        SimulatedAppliance appliance = new SimulatedAppliance(10, own);
        appliance.putAll(SeedPlan.jobs(20).seed(5).clock(own).jobs());
        appliance.lifecycle(new JobLifecycle(Duration.ofMinutes(10), 0.25, Duration.ofMinutes(1), seed));
        own.advance(Duration.ofMinutes(30));
        return appliance.allJobs().stream().sorted(Comparator.comparing(SimulatedJob::id))
                .map(j -> j.id() + " " + j.status() + " " + j.finishedAt()).toList();
    }

    @Test
    void refusesANonsensicalLifecycle() {
        assertThatThrownBy(() -> new JobLifecycle(Duration.ZERO, 0.1, null, 1)).hasMessageContaining("completeAfter");
        assertThatThrownBy(() -> new JobLifecycle(Duration.ofMinutes(1), 1.5, null, 1)).hasMessageContaining("cancelRate");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--cancel-rate", "0.2"}))
                .hasMessageContaining("--complete-after");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--complete-after", "1m", "--cancel-rate", "half"}))
                .hasMessageContaining("--cancel-rate").hasMessageContaining("half");
    }
}
