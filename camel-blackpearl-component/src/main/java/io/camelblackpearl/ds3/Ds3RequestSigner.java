package io.camelblackpearl.ds3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DS3 request signing, the AWS signature version 2 scheme (docs/ds3-protocol.md §3). Pure: the date is an
 * input, so the same request always signs the same way and the test vectors can be reproduced.
 */
public final class Ds3RequestSigner {

    /** RFC 1123 with a two-digit day, in GMT, as the Date header is sent and signed. */
    public static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private Ds3RequestSigner() {
    }

    /** The Date header value for {@code instant}. */
    public static String httpDate(Instant instant) {
        FormattedSecond last = lastFormatted;
        if (last.epochSecond() == instant.getEpochSecond()) {
            return last.text();
        }
        String text = HTTP_DATE.format(instant);
        lastFormatted = new FormattedSecond(instant.getEpochSecond(), text);
        return text;
    }

    /**
     * The last second formatted: every request within a second carries the same Date, and the formatter cost
     * a few microseconds per request in a profile of the producer.
     */
    private record FormattedSecond(long epochSecond, String text) {
    }

    private static volatile FormattedSecond lastFormatted = new FormattedSecond(Long.MIN_VALUE, "");

    /**
     * The string the signature is computed over: verb, checksum header, Content-Type and Date exactly as
     * sent (empty lines when absent), the {@code x-amz-meta-*} headers sorted, then the percent-encoded
     * path. The query string is not signed.
     *
     * @param headers request headers by name (any case); only the ones above are read
     */
    public static String stringToSign(String method, String rawPath, Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        StringBuilder s = new StringBuilder(128)
                .append(method).append('\n')
                .append(lower.getOrDefault("content-md5", "")).append('\n')
                .append(lower.getOrDefault("content-type", "")).append('\n')
                .append(lower.getOrDefault("date", "")).append('\n');
        lower.forEach((name, value) -> {
            if (name.startsWith("x-amz-meta-")) {
                s.append(name).append(':').append(value.trim()).append('\n');
            }
        });
        return s.append(rawPath).toString();
    }

    /**
     * One Mac per thread, keyed with the last secret it signed with: looking the algorithm up for every request
     * costs more than signing, and a Mac keeps its key after {@code doFinal}, so re-keying is needed only when
     * the secret changes.
     */
    private static final ThreadLocal<KeyedMac> HMAC_SHA1 = ThreadLocal.withInitial(KeyedMac::new);

    private static final class KeyedMac {
        private final Mac mac;
        private String secretKey;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
            }
        }

        Mac keyedWith(String secret) throws GeneralSecurityException {
            if (!secret.equals(secretKey)) {
                secretKey = null; // a failed init leaves no key claimed
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
                secretKey = secret;
            }
            return mac;
        }
    }

    /** Base64(HMAC-SHA1(secret key as UTF-8 bytes, stringToSign)). */
    public static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = HMAC_SHA1.get().keyedWith(secretKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    /** The Authorization header value: {@code AWS <access id>:<signature>}. */
    public static String authorization(Ds3Credentials credentials, String method, String rawPath, Map<String, String> headers) {
        return "AWS " + credentials.accessKey() + ":"
                + signature(credentials.secretKey(), stringToSign(method, rawPath, headers));
    }
}
