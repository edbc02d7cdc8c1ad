package io.camelblackpearl.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulator does instead of (or before) answering normally, for the requests a
 * {@link FaultPlan} rule matches.
 */
public sealed interface Fault {

    /** Answer with this status and an {@code <Error>} document; {@code retryAfterSeconds} &gt; 0 adds Retry-After. */
    record ErrorResponse(int status, String code, String message, int retryAfterSeconds) implements Fault {
        public ErrorResponse {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Answer 307 Temporary Redirect to the same URL, as an appliance does when the client should send again. */
    record Redirect() implements Fault {
    }

    /** Answer 200 with a body that is not XML. */
    record MalformedBody() implements Fault {
    }

    /** Answer 200 with the real document cut in half (the connection stays healthy: the length says half). */
    record TruncatedBody() implements Fault {
    }

    /** Close the connection without answering. */
    record DropConnection() implements Fault {
    }

    /** Send the headers and half of the real body, then reset the connection (TCP RST). */
    record ResetMidBody() implements Fault {
    }

    /**
     * Send the headers and the first bytes of the body, then nothing more for {@code duration} (or until the
     * client hangs up or the simulator closes): what a hung appliance or proxy looks like to a client.
     */
    record Stall(Duration duration) implements Fault {
        public Stall {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Answer {@code status} with an HTML page, as a reverse proxy in front of the appliance does. */
    record ProxyHtmlError(int status) implements Fault {
    }

    /** Answer 200 with a plain-text body and {@code Content-Type: text/plain}: not DS3 at all. */
    record NotXml() implements Fault {
    }

    /** The job is gone (finished or canceled elsewhere) just before this request is served: it answers 404. */
    record JobVanishes() implements Fault {
    }

    /** Wait between {@code min} and {@code max} (uniformly, from the plan's seeded random), then answer normally. */
    record Delay(Duration min, Duration max) implements Fault {
        public Delay {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("delay range " + min + ".." + max + " runs backwards");
            }
        }

        public Delay(Duration delay) {
            this(delay, delay);
        }
    }
}
