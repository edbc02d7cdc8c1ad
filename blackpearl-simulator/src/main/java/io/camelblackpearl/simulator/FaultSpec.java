package io.camelblackpearl.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A fault written as text, as the CLI's {@code --fault} takes it: {@code OPERATION:KIND[:RATE][:KEY=VALUE...]},
 * e.g. {@code modify:503:0.2:retry-after=2}, {@code any:reset:0.05}, {@code list:delay=300ms},
 * {@code list:delay=50ms-400ms}, {@code get:stall:0.01}. See {@link #GRAMMAR}.
 */
public record FaultSpec(Ds3Operation operation, Fault fault, double rate, int times) {

    public static final String GRAMMAR = """
              --fault OPERATION:KIND[:RATE][:KEY=VALUE...]   (repeatable; the first matching rule applies)
                OPERATION  modify, list, get, cancel, truncate, modify-job, get-job, or any
                KIND       400..599           an <Error> document with that status (key retry-after=SECONDS)
                           reset              headers and half the body, then a TCP reset
                           stall              headers and a few bytes, then silence (key for=DURATION, default 10m)
                           drop               close the connection without answering
                           delay=DURATION     wait, then answer normally; DURATION or MIN-MAX, e.g. 50ms-400ms
                           html               an HTML error page from a proxy (key status=N, default 500)
                           not-xml            200 with a text/plain body
                           malformed          200 with a body that is not XML
                           truncated          200 with half of the document
                           redirect           307 to the same URL
                           vanish             the job finishes just before the request: 404
                RATE       fraction of matching requests, above 0 and at most 1 (default 1: all)
                KEY=VALUE  also times=N: apply at most N times
              Examples: --fault modify:503:0.2:retry-after=2  --fault any:reset:0.05  --fault list:delay=300ms
            """;

    private static final Map<String, Ds3Operation> OPERATIONS = Map.of(
            "modify", Ds3Operation.MODIFY_ACTIVE_JOB, "list", Ds3Operation.LIST_ACTIVE_JOBS,
            "get", Ds3Operation.GET_ACTIVE_JOB, "cancel", Ds3Operation.CANCEL_ACTIVE_JOB,
            "truncate", Ds3Operation.TRUNCATE_ACTIVE_JOB, "modify-job", Ds3Operation.MODIFY_JOB,
            "get-job", Ds3Operation.GET_JOB);

    /** Parses one {@code --fault} value; the message of a bad one names the part that is wrong. */
    public static FaultSpec parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length < 2) {
            throw bad(text, "expected OPERATION:KIND[:RATE][:KEY=VALUE...]");
        }
        String op = parts[0].toLowerCase(Locale.ROOT);
        Ds3Operation operation = op.equals("any") ? null : OPERATIONS.get(op);
        if (operation == null && !op.equals("any")) {
            throw bad(text, "unknown operation '" + parts[0] + "'");
        }
        double rate = 1;
        int times = FaultPlan.ALWAYS;
        Integer retryAfter = null;
        Duration stallFor = Duration.ofMinutes(10);
        int htmlStatus = 500;
        for (int i = 2; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (i != 2) {
                    throw bad(text, "'" + part + "' is neither the rate (third part) nor KEY=VALUE");
                }
                rate = number(text, "rate", part);
                if (!(rate > 0 && rate <= 1)) {
                    throw bad(text, "rate " + part + " must be above 0 and at most 1");
                }
                continue;
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (key) {
                case "retry-after" -> retryAfter = (int) number(text, key, value);
                case "for" -> stallFor = duration(text, key, value);
                case "status" -> htmlStatus = (int) number(text, key, value);
                case "times" -> times = (int) number(text, key, value);
                default -> throw bad(text, "unknown key '" + key + "'");
            }
        }
        return new FaultSpec(operation, fault(text, parts[1], retryAfter, stallFor, htmlStatus), rate, times);
    }

    private static Fault fault(String text, String kind, Integer retryAfter, Duration stallFor, int htmlStatus) {
        if (kind.startsWith("delay=")) {
            String range = kind.substring("delay=".length());
            int dash = range.indexOf('-');
            if (dash < 0) {
                return new Fault.Delay(duration(text, "delay", range));
            }
            Duration min = duration(text, "delay", range.substring(0, dash));
            Duration max = duration(text, "delay", range.substring(dash + 1));
            try {
                return new Fault.Delay(min, max);
            } catch (IllegalArgumentException e) {
                throw bad(text, e.getMessage());
            }
        }
        if (!kind.isEmpty() && kind.chars().allMatch(Character::isDigit)) {
            int status = (int) number(text, "status", kind);
            if (status < 400 || status > 599) {
                throw bad(text, "status " + status + " is not an error status (400..599)");
            }
            return new Fault.ErrorResponse(status, FaultPlan.codeFor(status), "Injected failure",
                    retryAfter == null ? 0 : retryAfter);
        }
        return switch (kind) {
            case "reset" -> new Fault.ResetMidBody();
            case "stall" -> new Fault.Stall(stallFor);
            case "drop" -> new Fault.DropConnection();
            case "html" -> new Fault.ProxyHtmlError(htmlStatus);
            case "not-xml" -> new Fault.NotXml();
            case "malformed" -> new Fault.MalformedBody();
            case "truncated" -> new Fault.TruncatedBody();
            case "redirect" -> new Fault.Redirect();
            case "vanish" -> new Fault.JobVanishes();
            default -> throw bad(text, "unknown kind '" + kind + "'");
        };
    }

    /** Adds this fault to {@code plan}. */
    public void addTo(FaultPlan plan) {
        if (rate < 1) {
            plan.inject(operation, rate, fault);
            return;
        }
        plan.inject(operation, times, fault);
    }

    private static double number(String text, String what, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw bad(text, what + " '" + value + "' is not a number");
        }
    }

    private static Duration duration(String text, String what, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(text, what + " '" + value + "' is not a duration such as 300ms, 2s, 5m or PT2S");
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("Option --fault '" + text + "': " + why);
    }
}
