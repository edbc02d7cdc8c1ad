package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.Priority;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers no appliance sends but a proxy, a wrong port or an attacker might: each is a typed, readable
 * failure naming the call, within the timeouts, never a hang, an out-of-memory or a file read (XXE).
 */
@Timeout(30)
class HostileAnswersTest {

    @TempDir
    static Path dir;

    private static HttpDs3Client client(String endpoint, Duration responseTimeout) {
        Ds3ClientSettings defaults = Ds3ClientSettings.of(endpoint, new Ds3Credentials("aG9zdGlsZQ==", "hostile-secret"));
        return new HttpDs3Client(new Ds3ClientSettings(defaults.endpoint(), defaults.credentials(), Duration.ofSeconds(2),
                responseTimeout, 2, null, 0, RetryPolicy.NONE));
    }

    private static BlackPearlException listFails(RawHttpServer.Answer answer) throws Exception {
        try (RawHttpServer server = new RawHttpServer(answer)) {
            return listFails(server, Duration.ofSeconds(2));
        }
    }

    private static BlackPearlException listFails(RawHttpServer server, Duration responseTimeout) {
        try (HttpDs3Client client = client(server.endpoint(), responseTimeout)) {
            client.listActiveJobsPage(JobListFilter.ALL, 0, 10);
        } catch (BlackPearlException e) {
            return e;
        }
        throw new AssertionError("the hostile answer was accepted");
    }

    static Stream<Arguments> hostileDocuments() {
        String deep = "<Data>" + "<Job>".repeat(10_000) + "</Job>".repeat(10_000) + "</Data>";
        return Stream.of(
                Arguments.of("a DOCTYPE with an internal entity", "<?xml version=\"1.0\"?><!DOCTYPE Data [<!ENTITY a \"aaaa\">]><Data>&a;</Data>"),
                Arguments.of("elements nested 10,000 deep", deep),
                Arguments.of("a wrong root element", "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>"),
                Arguments.of("an empty body", ""),
                Arguments.of("an HTML page with status 200", "<html><body><h1>Welcome to nginx!</h1></body></html>"),
                Arguments.of("XML cut off", "<Data><Job><Id>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void aDocumentThatIsNotADs3AnswerIsAParseFailure(String what, String body) throws Exception {
        BlackPearlException e = listFails(RawHttpServer.text(200, "application/xml", body));
        assertThat(e).isInstanceOf(BlackPearlResponseParseException.class)
                .hasMessageContaining("GET /_rest_/active_job").hasMessageContaining("active job list");
        assertThat(e.getMessage()).hasSizeLessThan(2000);
    }

    /** External entities are refused: the file named by the entity is never read into the answer. */
    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("passwd"), "root-secret-marker");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Data [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Data><Job><Name>&x;</Name></Job></Data>";
        BlackPearlException e = listFails(RawHttpServer.text(200, "application/xml", xxe));
        assertThat(e).isInstanceOf(BlackPearlResponseParseException.class);
        assertThat(e.getMessage()).doesNotContain("root-secret-marker");
    }

    @Test
    void aNonXmlContentTypeIsRefusedNamingIt() throws Exception {
        BlackPearlException e = listFails(RawHttpServer.text(200, "text/plain", "OK"));
        assertThat(e).isInstanceOf(BlackPearlResponseParseException.class).hasMessageContaining("text/plain, not XML");
    }

    @Test
    void anHtmlErrorPageFromAProxyKeepsItsStatusAndAReadableMessage() throws Exception {
        BlackPearlException e = listFails(RawHttpServer.text(502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(100_000) + "</body></html>"));
        assertThat(e.getHttpStatus()).isEqualTo(502);
        assertThat(e.getCode()).isNull();
        assertThat(e.getMessage()).isEqualTo("GET /_rest_/active_job failed with HTTP 502");
    }

    /** A 20 MB error body: a bounded prefix is read, the rest is neither read nor drained. */
    @Test
    void aHugeErrorBodyIsReadOnlyAsABoundedPrefix() throws Exception {
        long size = 20L * 1024 * 1024;
        RawHttpServer.Answer huge = (out, written) -> {
            out.write(RawHttpServer.head(500, "application/xml", size));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        };
        try (RawHttpServer server = new RawHttpServer(huge)) {
            assertThat(listFails(server, Duration.ofSeconds(5)).getHttpStatus()).isEqualTo(500);
            Thread.sleep(500); // let the server notice the closed connection
            assertThat(server.bodyBytesWritten.get()).as("bytes the server could write before the client hung up")
                    .isLessThan(size / 2);
        }
    }

    /** Headers, then never a body byte: a transport failure after responseTimeout, not a hang. */
    @Test
    void headersWithNoBodyEverEndWithTheResponseTimeout() throws Exception {
        RawHttpServer.Answer silent = (out, written) -> {
            out.write(RawHttpServer.head(200, "application/xml", 1000));
            out.flush();
            Thread.sleep(60_000);
        };
        try (RawHttpServer server = new RawHttpServer(silent)) {
            assertThat(listFails(server, Duration.ofMillis(800))).isInstanceOf(BlackPearlTransportException.class)
                    .hasMessageContaining("GET /_rest_/active_job").hasMessageContaining("SocketTimeoutException");
        }
    }

    private static final String SUMMARY_HEAD = "<MasterObjectList JobId=\"9297aeb5-8e3c-407a-ab0f-26e307d064dd\" Priority=\"HIGH\">"
            + "<Nodes><Node Id=\"547b3ced-3138-402f-956c-e2bb39c6b281\"/></Nodes>";
    private static final String CHUNK = "<Objects ChunkNumber=\"1\"><Object Name=\"a\" Length=\"1\" Offset=\"0\"/>";

    /** An answer that announces {@code announced} bytes and sends only {@code sent}, then closes. */
    private static RawHttpServer.Answer cutShort(String sent, long announced) {
        byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
        return (out, written) -> {
            out.write(RawHttpServer.head(200, "application/xml", announced));
            out.write(bytes);
            written.addAndGet(bytes.length);
        };
    }

    /** A body cut short before the summary has what it returns fails, as a transport failure (retryable). */
    @Test
    void aSummaryOfABodyCutShortInItsHeadFails() throws Exception {
        String head = SUMMARY_HEAD.substring(0, SUMMARY_HEAD.indexOf("<Node "));
        try (RawHttpServer server = new RawHttpServer(cutShort(head, head.length() + 100_000));
             HttpDs3Client client = client(server.endpoint(), Duration.ofSeconds(2))) {
            assertThat(Assertions.catchThrowable(() -> client.getJob("9297aeb5-8e3c-407a-ab0f-26e307d064dd", false)))
                    .isInstanceOf(BlackPearlTransportException.class)
                    .hasMessageContaining("GET /_rest_/job/9297aeb5-8e3c-407a-ab0f-26e307d064dd failed");
            assertThat(client.connectionPool().leased()).isZero();
        }
    }

    /**
     * The summary stops at the first chunk. Of a large answer the rest is not read at all: the connection is
     * dropped, so whatever comes after (here: nothing, the server hangs up) does not matter and nothing hangs.
     * A short answer is drained instead, and its connection kept; cut short, it fails as a transport failure.
     */
    @Test
    void aSummaryDropsTheConnectionOfALargeAnswerAndDrainsAShortOne() throws Exception {
        try (RawHttpServer server = new RawHttpServer(cutShort(SUMMARY_HEAD + CHUNK, 30_000_000));
             HttpDs3Client client = client(server.endpoint(), Duration.ofSeconds(2))) {
            assertThat(client.getJob("9297aeb5-8e3c-407a-ab0f-26e307d064dd", false).body().nodes()).hasSize(1);
            assertThat(client.connectionPool()).isEqualTo(new HttpDs3Client.PoolStats(0, 0, 0));
        }
        String whole = SUMMARY_HEAD + CHUNK + "</Objects></MasterObjectList>";
        try (RawHttpServer server = new RawHttpServer(RawHttpServer.text(200, "application/xml", whole));
             HttpDs3Client client = client(server.endpoint(), Duration.ofSeconds(2))) {
            assertThat(client.getJob("9297aeb5-8e3c-407a-ab0f-26e307d064dd", false).body().priority())
                    .isEqualTo(Priority.HIGH);
            assertThat(client.connectionPool()).as("drained and kept").isEqualTo(new HttpDs3Client.PoolStats(0, 1, 0));
        }
        try (RawHttpServer server = new RawHttpServer(cutShort(SUMMARY_HEAD + CHUNK, 10_000));
             HttpDs3Client client = client(server.endpoint(), Duration.ofSeconds(2))) {
            assertThat(Assertions.catchThrowable(() -> client.getJob("9297aeb5-8e3c-407a-ab0f-26e307d064dd", false)))
                    .isInstanceOf(BlackPearlTransportException.class);
            assertThat(client.connectionPool().leased()).isZero();
        }
    }

    @Test
    void theSecretKeyIsInNoMessage() throws Exception {
        BlackPearlException e = listFails(RawHttpServer.text(403, "application/xml",
                "<Error><Code>AccessDenied</Code><HttpErrorCode>403</HttpErrorCode><Message>no</Message></Error>"));
        assertThat(e.toString()).doesNotContain("hostile-secret");
        assertThat(e.getMessage()).doesNotContain("hostile-secret");
    }

}
