package io.camelblackpearl.ds3;

import java.time.Duration;

/** Told about each retry before its wait, e.g. to count retries by reason. */
@FunctionalInterface
public interface RetryListener {

    RetryListener NONE = (method, path, reason, attempt, delay) -> { };

    /**
     * @param reason   what the failed attempt got: {@code 503}, {@code 502}, or the I/O failure's class,
     *                 e.g. {@code SocketTimeoutException}
     * @param attempt  the attempt that failed, from 1
     * @param delay    how long the client waits before the next attempt
     */
    void retrying(String method, String path, String reason, int attempt, Duration delay);
}
