package io.camelblackpearl.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Checks a request's signature as an appliance does (docs/ds3-protocol.md section 3), with the Content-Type and
 * Date it was sent with, and refuses a Date further from the simulator's clock than the tolerance.
 */
final class RequestAuthenticator {

    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;
    private final Duration clockSkewTolerance;

    RequestAuthenticator(Map<String, String> secretsByAccessKey, Clock clock, Duration clockSkewTolerance) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
        this.clockSkewTolerance = clockSkewTolerance;
    }

    /** The last Date header read: clients send the same one for every request within a second. */
    private record ParsedDate(String text, Instant instant) {
    }

    private volatile ParsedDate lastDate = new ParsedDate("", Instant.EPOCH);

    private Instant parseDate(String date) {
        ParsedDate last = lastDate;
        if (last.text().equals(date)) {
            return last.instant();
        }
        try {
            Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            lastDate = new ParsedDate(date, sent);
            return sent;
        } catch (DateTimeParseException e) {
            throw new Ds3Failure(403, "AccessDenied", "The Date header is not an RFC 1123 date: " + date);
        }
    }

    /** Returns normally for a well-signed request; throws a 403 {@link Ds3Failure} otherwise. */
    void authenticate(IncomingRequest in) {
        String date = in.headers().get("date");
        if (date == null) {
            throw new Ds3Failure(403, "AccessDenied", "The request has no Date header");
        }
        Instant sent = parseDate(date);
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(clockSkewTolerance) > 0) {
            throw new Ds3Failure(403, "RequestTimeTooSkewed", "Client clock (" + date + ") is not synchronized with "
                    + "server clock (" + DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC))
                    + "); the difference must be at most " + clockSkewTolerance.toMinutes() + " minutes");
        }
        String authorization = in.headers().get("authorization");
        if (authorization == null || !authorization.startsWith("AWS ") || authorization.indexOf(':') < 0) {
            throw new Ds3Failure(403, "AccessDenied", "The request has no Authorization header of the form AWS <id>:<signature>");
        }
        String credentials = authorization.substring(4).trim();
        int colon = credentials.lastIndexOf(':');
        String accessKey = credentials.substring(0, colon);
        String signature = credentials.substring(colon + 1);
        String secret = secretsByAccessKey.get(accessKey);
        if (secret == null) {
            throw new Ds3Failure(403, "InvalidAccessKeyId", "No user has the access id " + accessKey);
        }
        String expected = RequestSignatures.sign(secret, RequestSignatures.stringToSign(in.method(), in.headers(), in.rawPath()));
        if (!RequestSignatures.matches(expected, signature)) {
            throw new Ds3Failure(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided");
        }
    }
}
