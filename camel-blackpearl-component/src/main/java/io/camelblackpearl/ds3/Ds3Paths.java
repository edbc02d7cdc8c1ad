package io.camelblackpearl.ds3;

import java.nio.charset.StandardCharsets;

/** The DS3 resource paths, and the rules a job id must follow to be put in one. */
public final class Ds3Paths {

    public static final String ACTIVE_JOB = "/_rest_/active_job";
    public static final String JOB = "/_rest_/job";
    public static final String COMPLETED_JOB = "/_rest_/completed_job";
    public static final String CANCELED_JOB = "/_rest_/canceled_job";

    private Ds3Paths() {
    }

    /**
     * Why {@code jobId} cannot be sent, or null when it can. DS3 ids are UUIDs (the CLI also takes job
     * names); anything that could change the path's meaning is refused (docs/ds3-protocol.md §1).
     */
    public static String unsafeJobIdReason(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            return "it is empty";
        }
        if (jobId.contains("..")) {
            return "it contains '..'";
        }
        for (int i = 0; i < jobId.length(); i++) {
            char c = jobId.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                return "it contains '" + c + "'";
            }
            if (Character.isISOControl(c)) {
                return "it contains a control character";
            }
        }
        return null;
    }

    /** {@code resourcePath/percent-encoded id}; throws when the id is unsafe. */
    public static String jobPath(String resourcePath, String jobId) {
        String reason = unsafeJobIdReason(jobId);
        if (reason != null) {
            throw new IllegalArgumentException("Job id '" + printable(jobId) + "' cannot be sent: " + reason);
        }
        StringBuilder path = new StringBuilder(resourcePath.length() + 40).append(resourcePath).append('/');
        percentEncode(path, jobId);
        return path.toString();
    }

    /** A value as it may appear in a message: control characters escaped. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    /** RFC 3986: unreserved characters stay, every other UTF-8 byte becomes {@code %XX} (upper case). */
    static void percentEncode(StringBuilder out, String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
    }
}
