package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's HTTP server (HttpCore's classic server) over raw keep-alive sockets: pipelined requests in
 * order, a connection that meets a fault plan or a streamed answer carries on with nothing lost, Connection:
 * close honoured, and many open connections all served.
 */
class ServerConnectionsTest {

    private static final String ACCESS = "c2VydmVy";
    private static final String SECRET = "server-secret";

    private final Ds3Simulator simulator = Ds3Simulator.builder().credentials(ACCESS, SECRET).build().start()
            .seed(SeedPlan.jobs(20).seed(9).priorities("LOW"));

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String request(String method, String path, String query, String extraHeaders) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.now());
        String signature = RequestSignatures.sign(SECRET, RequestSignatures.stringToSign(method, Map.of("date", date), path));
        return method + " " + path + (query == null ? "" : "?" + query) + " HTTP/1.1\r\nHost: sim\r\nDate: " + date
                + "\r\nAuthorization: AWS " + ACCESS + ":" + signature + "\r\n" + extraHeaders + "\r\n";
    }

    private String modify(UUID job, String priority) {
        return request("PUT", "/_rest_/active_job/" + job, "priority=" + priority, "");
    }

    /** One answer: status line and headers, then the body by Content-Length or chunks. */
    private record Answer(String head, String body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String head = line(in, "\r\n\r\n");
        String lower = head.toLowerCase(Locale.ROOT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (lower.contains("transfer-encoding: chunked")) {
            for (int size; (size = Integer.parseInt(line(in, "\r\n").trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in, "\r\n");
            }
            line(in, "\r\n");
        } else {
            int at = lower.indexOf("content-length:");
            int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 15, head.indexOf('\r', at)).trim());
            body.write(in.readNBytes(length));
        }
        return new Answer(head, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in, String end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.US_ASCII).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after: " + bytes);
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", simulator.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        List<UUID> jobs = simulator.appliance().activeJobs().stream().map(SimulatedJob::id).limit(3).toList();
        try (Socket socket = connect()) {
            socket.getOutputStream().write((modify(jobs.get(0), "HIGH") + modify(jobs.get(1), "URGENT") + modify(jobs.get(2), "NORMAL"))
                    .getBytes(StandardCharsets.US_ASCII));
            List<String> answered = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Answer answer = read(socket.getInputStream());
                assertThat(answer.status()).isEqualTo(200);
                answered.add(answer.body().replaceAll(".*JobId=\"([^\"]+)\".*Priority=\"([A-Z]+)\".*", "$1 $2"));
            }
            assertThat(answered).containsExactly(jobs.get(0) + " HIGH", jobs.get(1) + " URGENT", jobs.get(2) + " NORMAL");
        }
    }

    @Test
    void aConnectionThatMeetsAFaultPlanCarriesOnWithNothingLost() throws Exception {
        UUID job = simulator.appliance().activeJobs().get(0).id();
        try (Socket socket = connect()) {
            socket.getOutputStream().write(modify(job, "HIGH").getBytes(StandardCharsets.US_ASCII));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);

            // 500 keeps the connection open (a 503 closes it, as HttpCore's server does for 503).
            simulator.appliance().faults().failNext(Ds3Operation.MODIFY_ACTIVE_JOB, 1, 500);
            socket.getOutputStream().write((modify(job, "URGENT") + modify(job, "NORMAL")).getBytes(StandardCharsets.US_ASCII));
            Answer refused = read(socket.getInputStream());
            Answer applied = read(socket.getInputStream());

            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.body()).contains("<HttpErrorCode>500</HttpErrorCode>");
            assertThat(applied.status()).isEqualTo(200);
            assertThat(simulator.appliance().job(job).orElseThrow().priority()).isEqualTo("NORMAL");
            assertThat(simulator.appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB)).extracting(RecordedRequest::status)
                    .containsExactly(200, 500, 200);
        }
    }

    @Test
    void aStreamedMasterObjectListIsFollowedByTheNextAnswerOnTheSameConnection() throws Exception {
        SimulatedJob big = SimulatedJob.builder(UUID.randomUUID()).name("big").objectCount(5_000).build();
        simulator.appliance().put(big);
        try (Socket socket = connect()) {
            socket.getOutputStream().write((request("GET", "/_rest_/job/" + big.id(), null, "") + modify(big.id(), "HIGH"))
                    .getBytes(StandardCharsets.US_ASCII));
            Answer streamed = read(socket.getInputStream());
            Answer next = read(socket.getInputStream());

            assertThat(streamed.head().toLowerCase(Locale.ROOT)).contains("transfer-encoding: chunked");
            assertThat(streamed.body()).endsWith("</MasterObjectList>");
            assertThat(streamed.body().split("<Object ", -1)).hasSize(5_001);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).contains("Priority=\"HIGH\"");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request("GET", "/_rest_/active_job", null, "Connection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Answer answer = read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.head().toLowerCase(Locale.ROOT)).contains("connection: close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void manyKeepAliveConnectionsAreAllServed() throws Exception {
        UUID job = simulator.appliance().activeJobs().get(0).id();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = connect();
                sockets.add(socket);
                socket.getOutputStream().write(modify(job, i % 2 == 0 ? "HIGH" : "NORMAL").getBytes(StandardCharsets.US_ASCII));
            }
            for (Socket socket : sockets) {
                assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
            }
            // and each carries on: a second request on every one of them
            for (Socket socket : sockets) {
                socket.getOutputStream().write(modify(job, "LOW").getBytes(StandardCharsets.US_ASCII));
            }
            for (Socket socket : sockets) {
                assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
