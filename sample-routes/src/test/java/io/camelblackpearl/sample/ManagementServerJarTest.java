package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged application's management server, checked from outside over HTTP: the demo takes a free port
 * on loopback when its port is busy and says where in one line; health, metrics (with the JVM's and the
 * connection pool's meters) and the blackpearl dev consoles are served there. Against an appliance a busy
 * port stops the start in one line naming CAMEL_SERVER_PORT.
 */
class ManagementServerJarTest {

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoTakesAFreeLoopbackPortWhenItsPortIsBusyAndServesHealthMetricsAndTheConsolesThere() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = busy.getLocalPort();
            Map<String, String> env = Map.of("CAMEL_SERVER_PORT", Integer.toString(taken), "ESCALATION_MAX_RUNS", "0");
            try (JavaProcess demo = JavaProcess.start(dir, "demo-busy-port", List.of(), "sample.jar", List.of(), env)) {
                String port = demo.awaitOutput("Port " + taken + " is in use: health, metrics and the dev console are at "
                        + "http://127\\.0\\.0\\.1:(\\d+)/observe/health", 60);
                assertThat(Integer.parseInt(port)).isNotEqualTo(taken);
                demo.awaitOutput("escalation run node=\\S+ fire=\\S+ jobs=", 60);
                String base = "http://127.0.0.1:" + port;

                // UP once every check is: the job-event consumer's only after its first poll
                HttpResponse<String> health = get(base + "/observe/health");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (health.statusCode() != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    health = get(base + "/observe/health");
                }
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(health.body()).contains("blackpearl", "UP");

                String metrics = get(base + "/observe/metrics").body();
                assertThat(metrics).as("the JVM's meters").contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                        "process_cpu_usage");
                assertThat(metrics).as("the connection pool's gauges")
                        .contains("blackpearl_client_connections{appliance=\"http://127.0.0.1:", "state=\"leased\"",
                                "state=\"available\"", "state=\"pending\"");

                String console = get(base + "/q/dev/blackpearl").body();
                assertThat(console).contains("Component blackpearl: http://127.0.0.1:", "last check: REACHABLE",
                        "consumer job-events: last poll 20", "connections leased");
                assertThat(console).doesNotContain("s3cr3t");
                String escalation = get(base + "/q/dev/blackpearl-escalation").body();
                assertThat(escalation).contains("Escalation classpath:deadline-policy.yaml", "escalation run node=", "APPLIED");

                // Loopback only: the same port on another interface of this host is not served.
                for (InetAddress address : Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                        .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList()) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, Integer.parseInt(port)), 1000);
                        throw new AssertionError("the demo's management server answers on " + address.getHostAddress());
                    } catch (IOException expected) {
                        // refused: not listening there
                    }
                }
            }
        }
    }

    @Test
    void againstAnApplianceABusyPortStopsTheStartInOneLineNamingTheSetting() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        try (TestAppliance appliance = TestAppliance.start(dir, secret, List.of());
             ServerSocket busy = new ServerSocket(0)) {
            int taken = busy.getLocalPort();
            Map<String, String> env = new TreeMap<>();
            env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", appliance.endpoint);
            env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY);
            env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secret);
            env.put("ESCALATION_POLICY_FILE", TestAppliance.class.getResource("/appliance-policy.yaml").getPath());
            env.put("CAMEL_SERVER_PORT", Integer.toString(taken));
            try (JavaProcess sample = JavaProcess.start(dir, "appliance-busy-port", List.of(), "sample.jar", List.of(), env)) {
                assertThat(sample.awaitExit(60)).isNotZero();
                assertThat(sample.output()).contains("Port " + taken + " (0.0.0.0) for health and metrics is in use: set "
                        + "CAMEL_SERVER_PORT").doesNotContain(secret);
            }
            assertThat(appliance.api.activeJobs()).as("no job changed").isEqualTo(appliance.before);
        }
    }
}
