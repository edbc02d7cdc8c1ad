package io.camelblackpearl.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of docs/ds3-protocol.md §3: recomputes the S3 v2 signature from what was received (the
 * Content-Type and Date headers as sent, the raw path, never the query) and compares in constant time.
 */
final class RequestSignatures {

    private RequestSignatures() {
    }

    /** The StringToSign for a received request; {@code headers} has lower-case names. */
    static String stringToSign(String method, Map<String, String> headers, String rawPath) {
        StringBuilder s = new StringBuilder(128)
                .append(method).append('\n')
                .append(headers.getOrDefault("content-md5", "")).append('\n')
                .append(headers.getOrDefault("content-type", "")).append('\n')
                .append(headers.getOrDefault("date", "")).append('\n');
        Map<String, String> amz = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith("x-amz-meta-")) {
                amz.put(name, value.trim());
            }
        });
        amz.forEach((name, value) -> s.append(name).append(':').append(value).append('\n'));
        return s.append(rawPath).toString();
    }

    static String sign(String secretKey, String stringToSign) {
        return Base64.getEncoder().encodeToString(KEYED_MAC.get().keyedFor(secretKey).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** One HmacSHA1 per thread, keyed again only when another secret comes: {@code Mac.getInstance} per request was a hot spot. */
    private static final ThreadLocal<KeyedMac> KEYED_MAC = ThreadLocal.withInitial(KeyedMac::new);

    private static final class KeyedMac {
        private final Mac mac;
        private String secret;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA1 is not available", e);
            }
        }

        Mac keyedFor(String secretKey) {
            if (!secretKey.equals(secret)) {
                try {
                    mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA1 refused the key", e);
                }
                secret = secretKey;
            }
            return mac;
        }
    }

    static boolean matches(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
