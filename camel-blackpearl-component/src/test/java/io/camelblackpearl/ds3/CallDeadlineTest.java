package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.model.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code callTimeout} is one deadline for the whole call, body read included: a server that sends the head
 * of a 200 and then one body byte every 0.5 s (a broken proxy, a saturated appliance) never trips a socket
 * timeout, so only the deadline ends the call. It is aborted, its connection released, and the failure
 * names the call, the deadline and the attempts.
 */
@Timeout(60)
class CallDeadlineTest {

    /** 200, a 1,000-byte XML body announced, one byte of it every 500 ms: 500 s to send it all. */
    private static final RawHttpServer.Answer TRICKLE = (out, written) -> {
        out.write(RawHttpServer.head(200, "application/xml", 1000));
        out.flush();
        byte[] body = ("<MasterObjectList JobId=\"a\" " + " ".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 1000; i++) {
            out.write(body[i]);
            out.flush();
            written.incrementAndGet();
            Thread.sleep(500);
        }
    };

    private static HttpDs3Client client(RawHttpServer server, RetryPolicy retry) {
        Ds3ClientSettings defaults = Ds3ClientSettings.of(server.endpoint(), new Ds3Credentials("dHJpY2tsZQ==", "trickle-secret"));
        return new HttpDs3Client(new Ds3ClientSettings(defaults.endpoint(), defaults.credentials(), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 4, null, 0, retry));
    }

    @Test
    void aTricklingAnswerIsAbortedAtTheCallTimeoutAndItsConnectionReleased() throws Exception {
        try (RawHttpServer server = new RawHttpServer(TRICKLE);
             HttpDs3Client client = client(server, new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.modifyActiveJob("2d9e5b43-3a5c-4d6e-9f3b-0c1d2e3f4a5b",
                    JobModification.ofPriority(Priority.URGENT), false))
                    .isInstanceOf(BlackPearlTransportException.class)
                    .hasMessageContaining("PUT /_rest_/active_job/2d9e5b43-3a5c-4d6e-9f3b-0c1d2e3f4a5b failed")
                    .hasMessageContaining("callTimeout PT2S")
                    .hasMessageContaining("gave up after 1 attempt: TimeoutException")
                    .hasMessageNotContaining("trickle-secret");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("ended by the deadline, not by the 500 s trickle").isLessThan(Duration.ofSeconds(20));
            assertThat(server.bodyBytesWritten.get()).as("the server was still trickling when the call ended").isLessThan(100);
            assertNothingLeased(client);
        }
    }

    /** The deadline spans every attempt: a quick 503, then a trickle that the deadline ends. */
    @Test
    void theDeadlineCoversEveryAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RawHttpServer.Answer busyThenTrickle = (out, written) -> {
            if (calls.getAndIncrement() == 0) {
                byte[] body = "<Error><Code>ServiceUnavailable</Code></Error>".getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 503 X\r\nContent-Type: application/xml\r\nConnection: close\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            } else {
                TRICKLE.write(out, written);
            }
        };
        try (RawHttpServer server = new RawHttpServer(busyThenTrickle);
             HttpDs3Client client = client(server, new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> client.getActiveJob("2d9e5b43-3a5c-4d6e-9f3b-0c1d2e3f4a5b"))
                    .isInstanceOf(BlackPearlTransportException.class)
                    .hasMessageContaining("GET /_rest_/active_job/2d9e5b43-3a5c-4d6e-9f3b-0c1d2e3f4a5b failed")
                    .hasMessageContaining("gave up after 2 attempts: 503, TimeoutException")
                    .hasMessageContaining("callTimeout PT2S reached");
            assertThat(calls.get()).isEqualTo(2);
            assertNothingLeased(client);
        }
    }

    /** Listing all pages: each page's call has the deadline, so a page that trickles ends the listing. */
    @Test
    void aTricklingPageEndsTheListingAtTheDeadline() throws Exception {
        try (RawHttpServer server = new RawHttpServer(TRICKLE);
             HttpDs3Client client = client(server, new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofMillis(1500)))) {
            assertThatThrownBy(() -> client.listActiveJobs(JobListFilter.ALL, 100))
                    .isInstanceOf(BlackPearlTransportException.class)
                    .hasMessageContaining("GET /_rest_/active_job failed")
                    .hasMessageContaining("callTimeout PT1.5S");
            assertNothingLeased(client);
        }
    }

    /**
     * The aborted connection is released by the thread that aborted it, which may finish a moment after the
     * caller got its exception: wait for that moment, then nothing may be leased.
     */
    private static void assertNothingLeased(HttpDs3Client client) throws InterruptedException {
        for (int i = 0; i < 50 && client.connectionPool().leased() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(client.connectionPool().leased()).as("leased connections after the abort").isZero();
    }
}
