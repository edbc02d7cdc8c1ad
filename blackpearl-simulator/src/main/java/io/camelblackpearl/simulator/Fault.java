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

    /** Answer 200 with the real document cut in half. */
    record TruncatedBody() implements Fault {
    }

    /** Close the connection without answering. */
    record DropConnection() implements Fault {
    }

    /** The job is gone (finished or canceled elsewhere) just before this request is served: it answers 404. */
    record JobVanishes() implements Fault {
    }

    /** Wait, then answer normally. */
    record Delay(Duration delay) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
        }
    }
}
