package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CLI starts a simulator in its own JVM, prints where and with which keys, and serves. */
class SimulatorMainTest {

    @Test
    void printsTheEndpointAndTheCredentialsItAccepts() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), "--port", "0", "--jobs", "7", "--access-key", "a2V5", "--secret-key", "s3cret")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("BlackPearl simulator ready on ")) {
                    break;
                }
            }
            assertThat(lines.get(0)).matches("BlackPearl simulator listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines).as("the banner, then the readiness line last").contains("access key: a2V5", "secret key: s3cret",
                    "active jobs: 7");
            assertThat(lines.get(lines.size() - 1)).isEqualTo(lines.get(0).replace("listening on", "ready on"));
            assertThat(process.isAlive()).as("serves until stopped").isTrue();
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void completeAfterMakesJobsEndAndArriveOverDs3() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "--port", "0", "--jobs", "10", "--access-key", "a2V5", "--secret-key", "s3cret",
                "--complete-after", "400ms", "--cancel-rate", "0.5", "--new-job-every", "300ms")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String endpoint = out.readLine().replace("BlackPearl simulator listening on ", "");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String completed = "";
            String canceled = "";
            while (System.nanoTime() < deadline && !(completed.contains("-new-") && canceled.contains("<CanceledJob>"))) {
                Thread.sleep(200);
                completed = get(endpoint, "/_rest_/completed_job");
                canceled = get(endpoint, "/_rest_/canceled_job");
            }
            assertThat(completed).as("seeded and arrived jobs complete on their own").contains("<CompletedJob>", "-new-");
            assertThat(canceled).as("about half are canceled").contains("<CanceledJob>", "<DateCanceled>");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A signed GET with the JDK's own client, not ours. */
    private static String get(String endpoint, String path) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String signature = RequestSignatures.sign("s3cret", RequestSignatures.stringToSign("GET", Map.of("date", date), path));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint + path))
                        .header("Date", date).header("Authorization", "AWS a2V5:" + signature).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void refusesBadArgumentsNamingTheOption() {
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--jobs", "many"})).hasMessageContaining("--jobs").hasMessageContaining("many");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--max-age", "soon"})).hasMessageContaining("--max-age");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--access-key", "x"})).hasMessageContaining("--secret-key");
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--colour", "red"})).hasMessageContaining("--colour");
    }

    @Test
    void seedsFromTheFlags() {
        Ds3Simulator simulator = SimulatorMain.fromArgs(new String[] {"--port", "0", "--jobs", "30", "--request-types", "GET",
                "--priorities", "LOW", "--min-age", "2h", "--max-age", "3h", "--buckets", "media", "--objects-per-job", "4"});
        assertThat(simulator.appliance().activeJobs()).hasSize(30).allSatisfy(job -> {
            assertThat(job.requestType()).isEqualTo("GET");
            assertThat(job.priority()).isEqualTo("LOW");
            assertThat(job.bucketName()).isEqualTo("media");
            assertThat(job.objectCount()).isEqualTo(4);
            assertThat(job.name()).startsWith("restore-");
        });
    }
}
