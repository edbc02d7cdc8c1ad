package io.camelblackpearl.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;

/**
 * A request as parsed from the wire and routed to the DS3 operation it asks for: query parameters
 * decoded, header names lower-cased, the job it names (if any).
 */
record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, String> query,
                       Map<String, String> headers, Ds3Operation operation, String jobRef, long requestId) {

    static final String ACTIVE_JOB = "/_rest_/active_job";
    static final String JOB = "/_rest_/job";
    static final String COMPLETED_JOB = "/_rest_/completed_job";
    static final String CANCELED_JOB = "/_rest_/canceled_job";

    boolean flag(String name) {
        return query.containsKey(name);
    }

    static IncomingRequest parse(ClassicHttpRequest request, long requestId) {
        String uri = request.getRequestUri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? null : uri.substring(q + 1);
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = decodeQuery(eq < 0 ? part : part.substring(0, eq));
                query.put(name, eq < 0 ? "" : decodeQuery(part.substring(eq + 1)));
            }
        }
        Map<String, String> headers = new HashMap<>();
        for (Header header : request.getHeaders()) {
            headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        Ds3Operation op = Ds3Operation.UNKNOWN;
        String jobRef = null;
        if (rawPath.equals(ACTIVE_JOB) || rawPath.equals(ACTIVE_JOB + "/")) {
            op = switch (method) {
                case "GET" -> Ds3Operation.LIST_ACTIVE_JOBS;
                case "DELETE" -> query.containsKey("force") ? Ds3Operation.CANCEL_ALL_ACTIVE_JOBS : Ds3Operation.TRUNCATE_ALL_ACTIVE_JOBS;
                default -> Ds3Operation.UNKNOWN;
            };
        } else if (rawPath.startsWith(ACTIVE_JOB + "/")) {
            jobRef = decodePath(rawPath.substring(ACTIVE_JOB.length() + 1));
            op = switch (method) {
                case "GET" -> Ds3Operation.GET_ACTIVE_JOB;
                case "PUT" -> Ds3Operation.MODIFY_ACTIVE_JOB;
                case "DELETE" -> query.containsKey("force") ? Ds3Operation.CANCEL_ACTIVE_JOB : Ds3Operation.TRUNCATE_ACTIVE_JOB;
                default -> Ds3Operation.UNKNOWN;
            };
        } else if (isList(rawPath, COMPLETED_JOB) || isList(rawPath, CANCELED_JOB)) {
            op = !method.equals("GET") ? Ds3Operation.UNKNOWN
                    : rawPath.startsWith(COMPLETED_JOB) ? Ds3Operation.LIST_COMPLETED_JOBS : Ds3Operation.LIST_CANCELED_JOBS;
        } else if (rawPath.startsWith(COMPLETED_JOB + "/") || rawPath.startsWith(CANCELED_JOB + "/")) {
            boolean completed = rawPath.startsWith(COMPLETED_JOB + "/");
            jobRef = decodePath(rawPath.substring((completed ? COMPLETED_JOB : CANCELED_JOB).length() + 1));
            op = !method.equals("GET") ? Ds3Operation.UNKNOWN
                    : completed ? Ds3Operation.GET_COMPLETED_JOB : Ds3Operation.GET_CANCELED_JOB;
        } else if (rawPath.startsWith(JOB + "/")) {
            jobRef = decodePath(rawPath.substring(JOB.length() + 1));
            op = switch (method) {
                case "GET" -> Ds3Operation.GET_JOB;
                case "PUT" -> Ds3Operation.MODIFY_JOB;
                default -> Ds3Operation.UNKNOWN;
            };
        }
        // Read-only views, not copies: the maps are built here and never change after.
        return new IncomingRequest(method, rawPath, rawQuery, Collections.unmodifiableMap(query),
                Collections.unmodifiableMap(headers), op, jobRef, requestId);
    }

    private static boolean isList(String rawPath, String resource) {
        return rawPath.equals(resource) || rawPath.equals(resource + "/");
    }

    private static String decodeQuery(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Ds3Failure(400, "BadRequest", "Malformed percent-encoding in query: " + s);
        }
    }

    /** Path segments decode %XX only: a '+' in a path is a plus sign. */
    private static String decodePath(String s) {
        return decodeQuery(s.replace("+", "%2B"));
    }
}
