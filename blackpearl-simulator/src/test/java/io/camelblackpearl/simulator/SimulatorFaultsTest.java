package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault kind as a client sees it on the wire, read with a raw socket so that nothing between the
 * test and the bytes hides what the simulator did.
 */
class SimulatorFaultsTest {

    private static final String ACCESS = "ZmF1bHQ=";
    private static final String SECRET = "fault-secret";

    private final Ds3Simulator simulator = Ds3Simulator.builder().credentials(ACCESS, SECRET).build().start()
            .seed(SeedPlan.jobs(40).seed(5));

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** A signed GET on a raw socket: the status line and headers are read, the body is left to the test. */
    private final class Raw implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final String head;

        Raw(String path) throws IOException {
            socket = new Socket("127.0.0.1", simulator.port());
            socket.setSoTimeout(5000);
            String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.US)
                    .withZone(ZoneOffset.UTC).format(Instant.now());
            String signature = RequestSignatures.sign(SECRET, RequestSignatures.stringToSign("GET", Map.of("date", date), path));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + "?page_length=40 HTTP/1.1\r\nHost: sim\r\nDate: " + date + "\r\nAuthorization: AWS "
                    + ACCESS + ":" + signature + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = socket.getInputStream();
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            while (!headBytes.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the headers ended: " + headBytes);
                }
                headBytes.write(b);
            }
            head = headBytes.toString(StandardCharsets.US_ASCII);
        }

        int contentLength() {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(-1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void resetSendsHalfTheBodyThenATcpReset() throws Exception {
        simulator.appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, 1, new Fault.ResetMidBody());
        try (Raw raw = new Raw("/_rest_/active_job")) {
            assertThat(raw.head).startsWith("HTTP/1.1 200");
            int announced = raw.contentLength();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            assertThatThrownBy(() -> {
                byte[] buffer = new byte[8192];
                for (int n; (n = raw.in.read(buffer)) >= 0; ) {
                    body.write(buffer, 0, n);
                }
            }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
            assertThat(body.size()).isPositive().isLessThan(announced);
        }
    }

    @Test
    void stallSendsTheHeadersAndAFewBytesThenNothingUntilTheClientHangsUp() throws Exception {
        simulator.appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, 1, new Fault.Stall(Duration.ofMinutes(5)));
        try (Raw raw = new Raw("/_rest_/active_job")) {
            assertThat(raw.head).startsWith("HTTP/1.1 200");
            byte[] first = raw.in.readNBytes(16);
            assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("<");
            raw.socket.setSoTimeout(700);
            assertThatThrownBy(() -> raw.in.read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(simulator.stalledResponses()).isEqualTo(1);
        }
        // The client hung up: the stall ends and the serving thread is released.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.stalledResponses() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(simulator.stalledResponses()).isZero();
    }

    @Test
    void proxyHtmlErrorAndNotXmlAreWhatAProxyOrAnotherServiceWouldSend() throws Exception {
        simulator.appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, 1, new Fault.ProxyHtmlError(502));
        simulator.appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, 1, new Fault.NotXml());
        try (Raw html = new Raw("/_rest_/active_job")) {
            assertThat(html.head).startsWith("HTTP/1.1 502").containsIgnoringCase("Content-Type: text/html");
            assertThat(new String(html.in.readNBytes(html.contentLength()), StandardCharsets.UTF_8)).contains("<h1>502 Error</h1>");
        }
        try (Raw text = new Raw("/_rest_/active_job")) {
            assertThat(text.head).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Type: text/plain");
        }
    }

    @Test
    void aRateAppliesToThatFractionAndTheSameSeedReplaysTheSameRun() {
        List<Boolean> first = draws(7);
        List<Boolean> second = draws(7);
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().filter(b -> b).count()).isBetween(150L, 250L);
        assertThat(draws(8)).isNotEqualTo(first);
    }

    private static List<Boolean> draws(long seed) {
        FaultPlan plan = new FaultPlan().seed(seed).inject(Ds3Operation.MODIFY_ACTIVE_JOB, 0.2, new Fault.DropConnection());
        List<Boolean> applied = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            applied.add(plan.next(Ds3Operation.MODIFY_ACTIVE_JOB, null) != null);
            assertThat(plan.next(Ds3Operation.LIST_ACTIVE_JOBS, null)).as("other operations are untouched").isNull();
        }
        return applied;
    }

    @Test
    void aDelayRangeDrawsWithinIt() {
        FaultPlan plan = new FaultPlan().seed(3);
        Fault.Delay delay = new Fault.Delay(Duration.ofMillis(50), Duration.ofMillis(400));
        List<Duration> drawn = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            drawn.add(plan.delayOf(delay));
        }
        assertThat(drawn).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(50), Duration.ofMillis(400)));
        assertThat(drawn.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void theCliTakesRepeatableFaultsAndItsHelpListsTheGrammar() {
        Ds3Simulator cli = SimulatorMain.fromArgs(new String[] {"--port", "0", "--fault", "modify:503:retry-after=2",
                "--fault", "list:delay=10ms", "--fault-seed", "9"});
        assertThat(cli.appliance().faults().next(Ds3Operation.MODIFY_ACTIVE_JOB, null))
                .isEqualTo(new Fault.ErrorResponse(503, "ServiceUnavailable", "Injected failure", 2));
        assertThat(cli.appliance().faults().next(Ds3Operation.LIST_ACTIVE_JOBS, null)).isEqualTo(new Fault.Delay(Duration.ofMillis(10)));
        assertThatThrownBy(() -> SimulatorMain.fromArgs(new String[] {"--fault", "modify:teapot"}))
                .hasMessageContaining("--fault 'modify:teapot'");

        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SimulatorMain.main(new String[] {"--help"});
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--fault OPERATION:KIND[:RATE][:KEY=VALUE...]",
                "reset", "stall", "delay=DURATION", "html", "not-xml", "modify:503:0.2:retry-after=2");
    }
}
