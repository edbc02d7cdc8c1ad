package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signer reproduces every vector of docs/ds3-protocol.md §3 (A–G). */
class Ds3RequestSignerTest {

    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String JOB = "/_rest_/active_job/1a85e743-ec8f-4789-afec-97e587a26936";

    @ParameterizedTest(name = "vector {0}")
    @CsvSource(delimiter = '|', value = {
        "A|" + AWS_SECRET + "|GET||Tue, 27 Mar 2007 19:36:42 +0000|/johnsmith/photos/puppy.jpg|bWq2s1WEIj+Ydj0vQ697zp+IXMU=",
        "B|" + AWS_SECRET + "|PUT|image/jpeg|Tue, 27 Mar 2007 21:15:45 +0000|/johnsmith/photos/puppy.jpg|MyyxeRY7whkBe+bq8fHCL/2kKUg=",
        "D|key|PUT||Tue, 31 Jul 2018 17:23:50 +0000|abc/1%2B2%2B3/e%20f%20g/a%C3%80%CB%A0%CF%A0%E0%AB%90%E0%BC%BA%E1%8E%80|gmW4yg/tw02UYleIqGn5ebvKbr8=",
        "E|Sx7kQp2Z|PUT|application/xml|Thu, 01 Jan 2026 00:00:00 +0000|" + JOB + "|dcEeK4uSELGyHm9pBxbwwlAqL9Y=",
        "F|Sx7kQp2Z|PUT||Thu, 01 Jan 2026 00:00:00 +0000|" + JOB + "|YxVTXt2gQR2P+/16fzlBzf/Yp5E=",
        "G|Sx7kQp2Z|GET||Thu, 01 Jan 2026 00:00:00 +0000|/_rest_/active_job|/rpRVE/kvjOyZ4M278ZvnC//zIw=",
    })
    void signsTheProtocolVectors(String vector, String secret, String method, String contentType, String date,
                                 String path, String expected) {
        Map<String, String> headers = contentType == null
                ? Map.of("Date", date)
                : Map.of("Date", date, "Content-Type", contentType);
        String stringToSign = Ds3RequestSigner.stringToSign(method, path, headers);
        assertThat(Ds3RequestSigner.signature(secret, stringToSign)).isEqualTo(expected);
    }

    @Test
    void signsVectorCWithChecksumAndAmzMetaHeader() {
        Map<String, String> headers = Map.of(
                "Content-MD5", "dnkIhVaDL873NHQcAx5AIA==",
                "Content-Type", "application/xml; charset=ISO-8859-1",
                "Date", "Thu, 31 Mar 2016 18:08:30 +0000",
                "x-amz-meta-etag", "7679088556832fcef734741c031e4020");
        String stringToSign = Ds3RequestSigner.stringToSign("PUT", "/bucket10240012288/client00obj000019-000010000012", headers);
        assertThat(stringToSign).isEqualTo("PUT\ndnkIhVaDL873NHQcAx5AIA==\napplication/xml; charset=ISO-8859-1\n"
                + "Thu, 31 Mar 2016 18:08:30 +0000\nx-amz-meta-etag:7679088556832fcef734741c031e4020\n"
                + "/bucket10240012288/client00obj000019-000010000012");
        assertThat(Ds3RequestSigner.signature("BYY65vje", stringToSign)).isEqualTo("/FDHtkaFgjSVVgBfNfTAwrhdpCc=");
    }

    @Test
    void buildsTheAuthorizationHeaderOfVectorE() {
        Map<String, String> headers = Map.of("Date", "Thu, 01 Jan 2026 00:00:00 +0000", "Content-Type", "application/xml");
        String authorization = Ds3RequestSigner.authorization(new Ds3Credentials("dGVzdHVzZXI=", "Sx7kQp2Z"), "PUT", JOB, headers);
        assertThat(authorization).isEqualTo("AWS dGVzdHVzZXI=:dcEeK4uSELGyHm9pBxbwwlAqL9Y=");
    }

    @Test
    void theQueryStringIsNotSigned() {
        Map<String, String> headers = Map.of("Date", "Thu, 01 Jan 2026 00:00:00 +0000");
        assertThat(Ds3RequestSigner.stringToSign("GET", "/_rest_/active_job", headers))
                .isEqualTo("GET\n\n\nThu, 01 Jan 2026 00:00:00 +0000\n/_rest_/active_job");
    }

    @Test
    void writesTheDateAsRfc1123InGmtWithATwoDigitDay() {
        assertThat(Ds3RequestSigner.httpDate(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("Thu, 01 Jan 2026 00:00:00 GMT");
    }

    @Test
    void theDateOfEverySecondIsItsOwnWhateverOrderTheyComeIn() {
        Instant base = Instant.parse("2026-11-29T23:59:58.250Z");
        // Same second twice (cached), the next seconds, back in time, across midnight and a year end.
        for (Instant when : List.of(base, base.plusMillis(500), base.plusSeconds(1), base.plusSeconds(2), base,
                base.plusSeconds(2).plusNanos(999_999_999), Instant.parse("2026-12-31T23:59:59.999Z"),
                Instant.parse("2027-01-01T00:00:00Z"), base.minusSeconds(86_400))) {
            assertThat(Ds3RequestSigner.httpDate(when)).as("%s", when).isEqualTo(Ds3RequestSigner.HTTP_DATE.format(when));
        }
    }

    @Test
    void signsRightWhenTheSecretChangesBetweenRequestsOnOneThread() throws Exception {
        String toSign = "PUT\n\n\nThu, 05 Mar 2026 10:15:30 GMT\n/_rest_/active_job/abc";
        for (String secret : List.of("secret-a", "secret-b", "secret-a", "secret-a", "secret-é")) {
            Mac fresh = Mac.getInstance("HmacSHA1");
            fresh.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(
                    fresh.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            assertThat(Ds3RequestSigner.signature(secret, toSign)).as(secret).isEqualTo(expected);
        }
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertThat(new Ds3Credentials("dGVzdHVzZXI=", "Sx7kQp2Z").toString()).doesNotContain("Sx7kQp2Z").contains("dGVzdHVzZXI=");
    }
}
