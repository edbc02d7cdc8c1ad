package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelblackpearl.simulator.work.Workload;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work model from the command line, in its own JVM, checked over DS3 with the JDK's HTTP client: a
 * time-scaled, loaded appliance whose jobs progress and complete on its own clock, a replayed workload, and the
 * command that turns a completed-job list into a workload.
 */
class WorkModelCliTest {

    @TempDir
    Path dir;

    /** The CLI's banner up to its last line, the readiness line. */
    private static List<String> bannerUntilReady(BufferedReader out) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            if (line.startsWith("BlackPearl simulator ready on ")) {
                return lines;
            }
        }
        throw new AssertionError("the simulator ended before it was ready: " + lines);
    }

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), "--port", "0", "--access-key", "a2V5", "--secret-key", "s3cret"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aTimeScaledLoadedApplianceWorksOnItsOwnClock() throws Exception {
        Process process = start("--jobs", "300", "--max-age", "2h", "--time-scale", "600", "--load", "0.9", "--deadline-share", "0.5",
                "--chunk-size", "32GB");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> banner = bannerUntilReady(out);
            String endpoint = banner.get(banner.size() - 1).replace("BlackPearl simulator ready on ", "");
            assertThat(banner).filteredOn(line -> line.startsWith("work model: ")).singleElement().asString()
                    .startsWith("work model: 4 drives at 300 MB/s, chunks of 32 GB, cache 2000 GB (62 chunks, 10 kept for URGENT)")
                    .contains("arrivals: offered load 0.90", "50% of all jobs with deadlines");
            Instant start = Instant.now();
            // The appliance's clock against ours, bracketed by when each request was sent and answered.
            long sentFirst = System.nanoTime();
            Instant firstDate = get(endpoint, "/_rest_/active_job").date();
            long answeredFirst = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    Duration.between(firstDate, get(endpoint, "/_rest_/active_job").date()).compareTo(Duration.ofMinutes(30)) >= 0);
            long sentLast = System.nanoTime();
            Answer active = get(endpoint, "/_rest_/active_job");
            long answeredLast = System.nanoTime();
            double applianceSeconds = Duration.between(firstDate, active.date()).toSeconds() + 1; // Date has whole seconds
            double fastest = applianceSeconds / ((sentLast - answeredFirst) / 1e9);
            double slowest = (applianceSeconds - 2) / ((answeredLast - sentFirst) / 1e9);
            assertThat(600.0).as("the Date header runs 600 times faster (between %.0f and %.0f measured)", slowest, fastest)
                    .isBetween(slowest * 0.98, fastest * 1.02);
            assertThat(active.body()).contains("<CompletedSizeInBytes>").containsPattern("<CachedSizeInBytes>[1-9]\\d*</CachedSizeInBytes>");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).alias("jobs complete when all their chunks are done")
                    .until(() -> get(endpoint, "/_rest_/completed_job").body().contains("<CompletedJob>"));
            Answer completed = get(endpoint, "/_rest_/completed_job");
            Matcher dates = Pattern.compile("<DateCompleted>([^<]+)</DateCompleted>").matcher(completed.body());
            assertThat(dates.find()).isTrue();
            assertThat(Instant.parse(dates.group(1))).as("dated on the appliance's clock").isAfter(start.plusSeconds(60));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .alias("new jobs arrive, some with a deadline in their name").until(() ->
                            (get(endpoint, "/_rest_/active_job").body() + get(endpoint, "/_rest_/completed_job").body())
                                    .matches("(?s).*<Name>\\w+-\\d{5} due=20\\d\\d-.*"));
            Matcher names = Pattern.compile("<Name>(\\w+-\\d{5})[ <]").matcher(
                    // completed first: a job that ends between the two reads is then on neither list, never on both
                    get(endpoint, "/_rest_/completed_job").body() + get(endpoint, "/_rest_/active_job").body());
            List<String> numbered = new ArrayList<>();
            while (names.find()) {
                numbered.add(names.group(1));
            }
            assertThat(numbered).as("arrivals are numbered after the seeded jobs: every name is its own")
                    .hasSizeGreaterThan(300).doesNotHaveDuplicates();
            Files.writeString(dir.resolve("completed.xml"), get(endpoint, "/_rest_/completed_job").body());
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        // The completed-job list becomes a workload file, which replays.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process convert = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "workload-from-completed", dir.resolve("completed.xml").toString())
                .redirectOutput(dir.resolve("day.jsonl").toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(convert.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(convert.exitValue()).isZero();
        List<Workload.Entry> entries = Workload.read(dir.resolve("day.jsonl"));
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.sizeInBytes()).isPositive());
        assertThat(entries).extracting(Workload.Entry::offsetSeconds).isSorted().first().isEqualTo(0.0);
    }

    @Test
    void aWorkloadFileIsReplayedOnTheAppliancesClock() throws Exception {
        Path workload = dir.resolve("workload.jsonl");
        Files.writeString(workload, """
                # two restores and an archive
                {"offsetSeconds": 0, "name": "restore-a", "requestType": "GET", "sizeInBytes": 1000000000, "priority": "HIGH"}
                {"offsetSeconds": 600, "name": "restore-b due=2030-01-01T00:00Z", "requestType": "GET", "sizeInBytes": 2000000000}
                {"offsetSeconds": 86400, "name": "archive-c", "requestType": "PUT", "sizeInBytes": 5000000000, "bucket": "media", "user": "alice"}
                """);
        Process process = start("--jobs", "0", "--time-scale", "600", "--workload", workload.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> banner = bannerUntilReady(out);
            String endpoint = banner.get(banner.size() - 1).replace("BlackPearl simulator ready on ", "");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String completed = "";
            while (System.nanoTime() < deadline && !completed.contains("restore-b")) {
                Thread.sleep(200);
                completed = get(endpoint, "/_rest_/completed_job").body();
            }
            assertThat(completed).contains("<Name>restore-a</Name>", "<Name>restore-b due=2030-01-01T00:00Z</Name>")
                    .doesNotContain("archive-c");
            assertThat(get(endpoint, "/_rest_/active_job").body()).as("a day ahead: not yet").doesNotContain("archive-c");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void refusesBadWorkModelArgumentsNamingTheOptionAndValue() throws Exception {
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--drive-rate", "fast"}))
                .hasMessageContaining("--drive-rate").hasMessageContaining("'fast'");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--chunk-size", "0GB"}))
                .hasMessageContaining("--chunk-size").hasMessageContaining("'0GB'");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--drives", "0"}))
                .hasMessageContaining("--drives").hasMessageContaining("'0'");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--cache-size", "1GB"}))
                .hasMessageContaining("--cache-size").hasMessageContaining("at least one chunk");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--time-scale", "-5"}))
                .hasMessageContaining("--time-scale").hasMessageContaining("'-5'");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--load", "0.9", "--complete-after", "10m"}))
                .hasMessageContaining("--complete-after").hasMessageContaining("exclude");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--deadline-share", "0.3"})).hasMessageContaining("--load");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--load", "0.9", "--deadline-types", "GET,COPY"}))
                .hasMessageContaining("--deadline-types").hasMessageContaining("GET,COPY");
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"offsetSeconds\": 5, \"name\": \"x\", \"requestType\": \"COPY\", \"sizeInBytes\": 1}\n");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--workload", bad.toString()}))
                .hasMessageContaining("line 1").hasMessageContaining("requestType").hasMessageContaining("COPY");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--workload", dir.resolve("missing.jsonl").toString()}))
                .hasMessageContaining("missing.jsonl");
    }

    private record Answer(String body, Instant date) {
    }

    /** A signed GET with the JDK's own client, not ours; the request is dated by the wall clock. */
    private static Answer get(String endpoint, String path) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String signature = RequestSignatures.sign("s3cret", RequestSignatures.stringToSign("GET", Map.of("date", date), path));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint + path + "?page_length=5000"))
                        .header("Date", date).header("Authorization", "AWS a2V5:" + signature).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new Answer(response.body(), ZonedDateTime.parse(response.headers().firstValue("Date").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    }
}
