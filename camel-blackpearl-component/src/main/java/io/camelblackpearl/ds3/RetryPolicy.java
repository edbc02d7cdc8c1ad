package io.camelblackpearl.ds3;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed DS3 call is sent again. Only what is safe and likely to pass is retried: no answer at all
 * (connect refused, reset, cut-off body, timeout) and 502, 503, 504 and 429. Every call this client makes
 * is idempotent (GET, a PUT of absolute values, DELETE), so sending it again cannot do harm.
 *
 * @param maxRetries    retries after the first attempt; 0 turns retrying off (a route's redelivery then decides)
 * @param initialDelay  the first backoff's upper bound; each retry doubles it, up to {@code maxDelay}
 * @param maxDelay      the longest wait between attempts, also the cap on an appliance's Retry-After
 * @param callTimeout   one deadline for the whole call with its retries; no attempt starts after it (zero: none)
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration callTimeout) {

    /** 3 retries, backoff from 200 ms up to 10 s, 2 minutes per call. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(2));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("retry delays and callTimeout must not be negative");
        }
    }

    /**
     * How long to wait before sending a failed call again, or null when it must not be sent again: it got
     * an answer that would come again (4xx but 429, 500, a bad 200), or the retries are used up. An
     * appliance's Retry-After is honoured up to {@code maxDelay}; otherwise the wait is {@link #backoff}.
     *
     * @param retriesSoFar  how many retries this call has had
     * @param random        a number in [0, 1)
     */
    public Duration delayBefore(BlackPearlException failure, int retriesSoFar, double random) {
        if (retriesSoFar >= maxRetries || !worthRetrying(failure)) {
            return null;
        }
        return failure.getRetryAfter().map(this::capped).orElseGet(() -> backoff(retriesSoFar, random));
    }

    /** No answer at all (but for a refused certificate), or an answer that says "try again": 502, 503, 504, 429. */
    private static boolean worthRetrying(BlackPearlException failure) {
        if (failure instanceof BlackPearlTransportException transport) {
            return transport.isRetryable();
        }
        int status = failure.getHttpStatus();
        return status == 502 || status == 503 || status == 504 || status == 429;
    }

    /**
     * "Full jitter" exponential backoff: a uniform wait between zero and min(maxDelay, initialDelay x 2^retry),
     * so that many clients failing together do not retry together.
     *
     * @param retry   0 for the first retry
     * @param random  a number in [0, 1)
     */
    public Duration backoff(int retry, double random) {
        long cap = initialDelay.toMillis() << Math.min(retry, 30);
        if (cap < 0 || cap > maxDelay.toMillis()) {
            cap = maxDelay.toMillis();
        }
        return Duration.ofMillis((long) (cap * random));
    }

    /** The appliance's Retry-After, but never longer than {@code maxDelay}. */
    public Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
}
