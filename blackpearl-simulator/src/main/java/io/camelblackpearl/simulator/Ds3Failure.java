package io.camelblackpearl.simulator;

/** Thrown while serving a request to answer with an {@code <Error>} document. */
final class Ds3Failure extends RuntimeException {

    final int status;
    final String code;
    final int retryAfterSeconds;

    Ds3Failure(int status, String code, String message) {
        this(status, code, message, 0);
    }

    Ds3Failure(int status, String code, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
