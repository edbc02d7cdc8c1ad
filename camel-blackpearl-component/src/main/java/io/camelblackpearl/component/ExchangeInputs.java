package io.camelblackpearl.component;

import io.camelblackpearl.ds3.Ds3Paths;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * Every producer input, read in one place: the message header if set, else the endpoint option. Each
 * bad value is refused here, before any request is sent, with a message naming where it came from and
 * what it was.
 */
final class ExchangeInputs {

    /** Numbers below this are epoch seconds, above it epoch milliseconds (10^11 s is the year 5138). */
    private static final long EPOCH_SECONDS_LIMIT = 100_000_000_000L;

    private final Exchange exchange;
    private final BlackPearlConfiguration options;

    ExchangeInputs(Exchange exchange, BlackPearlConfiguration options) {
        this.exchange = exchange;
        this.options = options;
    }

    /** The operation to perform on {@code resource}: the header's if set (validated here), else the option's. */
    BlackPearlOperation operation(BlackPearlResource resource) {
        Object header = exchange.getMessage().getHeader(BlackPearlConstants.OPERATION);
        if (header == null) {
            return options.getOperation();
        }
        String source = "header " + BlackPearlConstants.OPERATION;
        BlackPearlOperation operation = null;
        if (header instanceof BlackPearlOperation op) {
            operation = op;
        } else {
            for (BlackPearlOperation candidate : BlackPearlOperation.values()) {
                if (candidate.name().equalsIgnoreCase(header.toString().trim())) {
                    operation = candidate;
                }
            }
        }
        if (operation == null) {
            throw invalid(source, header, "expected one of modify, get, list, cancel, truncate");
        }
        requireSupported(source, operation, resource);
        return operation;
    }

    /** The job id, required: validated so that it cannot change the request path. */
    String jobId() {
        Object header = exchange.getMessage().getHeader(BlackPearlConstants.JOB_ID);
        String value = header != null ? header.toString() : options.getJobId();
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("No job id: set the header " + BlackPearlConstants.JOB_ID
                    + " or the endpoint option jobId");
        }
        String reason = Ds3Paths.unsafeJobIdReason(value);
        if (reason != null) {
            throw invalid(source(BlackPearlConstants.JOB_ID, "jobId", header != null), Ds3Paths.printable(value), reason);
        }
        return value;
    }

    /** The priority to set or filter by, or null; reserved priorities only when allowed. */
    Priority priority(boolean forModify) {
        Object header = exchange.getMessage().getHeader(BlackPearlConstants.PRIORITY);
        Priority priority;
        if (header == null) {
            priority = options.getPriority();
        } else if (header instanceof Priority p) {
            priority = p;
        } else {
            String value = header.toString().trim();
            try {
                priority = Priority.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("header " + BlackPearlConstants.PRIORITY, value, "expected one of URGENT, HIGH, NORMAL, LOW");
            }
        }
        if (forModify) {
            requireSettable(source(BlackPearlConstants.PRIORITY, "priority", header != null), priority,
                    options.isAllowReservedPriorities());
        }
        return priority;
    }

    String name() {
        Object header = exchange.getMessage().getHeader(BlackPearlConstants.JOB_NAME);
        return header != null ? header.toString() : options.getName();
    }

    Boolean deadJobCleanupAllowed() {
        return bool(BlackPearlConstants.DEAD_JOB_CLEANUP_ALLOWED, options.getDeadJobCleanupAllowed());
    }

    Boolean protectedJob() {
        return bool(BlackPearlConstants.PROTECTED, options.getProtected());
    }

    private Boolean bool(String headerName, Boolean option) {
        Object header = exchange.getMessage().getHeader(headerName);
        if (header == null) {
            return option;
        }
        if (header instanceof Boolean b) {
            return b;
        }
        String value = header.toString().trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
        }
        throw invalid("header " + headerName, value, "expected true or false");
    }

    /** The creation time to set, or null. */
    Instant createdAt() {
        Object header = exchange.getMessage().getHeader(BlackPearlConstants.CREATED_AT);
        Object value = header != null ? header : options.getCreatedAt();
        if (value == null) {
            return null;
        }
        Instant instant = toInstant(value);
        if (instant == null) {
            throw invalid(source(BlackPearlConstants.CREATED_AT, "createdAt", header != null), value, CREATED_AT_FORMS);
        }
        return instant;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof Number number) {
            return epoch(number.longValue());
        }
        if (value instanceof CharSequence text) {
            String s = text.toString().trim();
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                try {
                    return epoch(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return ZonedDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Instant epoch(long n) {
        if (n < 0) {
            return null;
        }
        return n < EPOCH_SECONDS_LIMIT ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
    }

    // ---- the rules shared with BlackPearlComponent's endpoint validation ----------------------------

    static final String CREATED_AT_FORMS = "expected an Instant, Date, OffsetDateTime, ZonedDateTime, epoch seconds "
            + "(below 10^11) or milliseconds, or an ISO-8601 date-time with a zone such as 2026-01-01T00:00:00Z";

    /** "Invalid header X value 'v': why" or "Invalid option x value 'v': why". */
    static IllegalArgumentException invalid(String source, Object value, String why) {
        return new IllegalArgumentException("Invalid " + source + " value '" + value + "': " + why);
    }

    static void requireSupported(String source, BlackPearlOperation operation, BlackPearlResource resource) {
        if (!operation.supports(resource)) {
            throw invalid(source, operation, "blackpearl:" + resource + " has " + BlackPearlOperation.supportedOn(resource)
                    + (operation.supports(BlackPearlResource.activeJob) ? "; " + operation + " is on blackpearl:activeJob" : ""));
        }
    }

    /** CRITICAL and BACKGROUND are the appliance's (DS3 contract: not specifiable by user) unless explicitly allowed. */
    static void requireSettable(String source, Priority priority, boolean allowReserved) {
        if (priority != null && !priority.isUserSettable() && !allowReserved) {
            throw invalid(source, priority, "the DS3 contract reserves it for the appliance; "
                    + "set allowReservedPriorities=true to send it anyway");
        }
    }

    private static String source(String header, String option, boolean fromHeader) {
        return fromHeader ? "header " + header : "option " + option;
    }
}
