package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.Ds3Error;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A DS3 call that failed: the appliance answered with an error status (and usually an {@code <Error>}
 * document), or — in the subclasses — the transport failed or the answer could not be read. It carries
 * the request's method and path, never its credentials or signature, and tells callers which kind of
 * failure it is, so routes can skip, fix or retry.
 */
public class BlackPearlException extends RuntimeException {

    private final String method;
    private final String path;
    private final int httpStatus;
    private final String code;
    private final String ds3Message;
    private final String resource;
    private final Long resourceId;
    private final Duration retryAfter;
    private final boolean managementPath;
    private List<String> attempts = List.of();
    private String gaveUpBecause;
    private String requestId;

    /** An error answer from the appliance. */
    public BlackPearlException(String method, String path, int httpStatus, Ds3Error error, Duration retryAfter,
                               boolean managementPath) {
        super(describe(method, path, httpStatus, error, managementPath));
        this.method = method;
        this.path = path;
        this.httpStatus = httpStatus;
        this.code = error == null ? null : error.code();
        this.ds3Message = error == null ? null : error.message();
        this.resource = error == null ? null : error.resource();
        this.resourceId = error == null ? null : error.resourceId();
        this.retryAfter = retryAfter;
        this.managementPath = managementPath;
    }

    /** A failure without an answer (see the subclasses). */
    protected BlackPearlException(String method, String path, String message, Throwable cause) {
        super(method + " " + path + " failed: " + message, cause);
        this.method = method;
        this.path = path;
        this.httpStatus = 0;
        this.code = null;
        this.ds3Message = null;
        this.resource = null;
        this.resourceId = null;
        this.retryAfter = null;
        this.managementPath = false;
    }

    private static String describe(String method, String path, int status, Ds3Error error, boolean managementPath) {
        StringBuilder s = new StringBuilder().append(method).append(' ').append(path)
                .append(" failed with HTTP ").append(status);
        if (error != null && error.code() != null) {
            s.append(' ').append(error.code());
        }
        if (error != null && error.message() != null && !error.message().isBlank()) {
            s.append(": ").append(error.message());
        }
        if (managementPath) {
            s.append(" (the request reached the management port; point the endpoint at the data path)");
        }
        return s.toString();
    }

    /** Set by the client when it gives up: what each attempt got, oldest first, and why it stopped early, if it did. */
    void recordAttempts(List<String> outcomes, String gaveUpBecause) {
        this.attempts = List.copyOf(outcomes);
        this.gaveUpBecause = gaveUpBecause;
    }

    /** Set by the client from the answer's {@code x-amz-request-id}. */
    void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    /**
     * The appliance's id of the request that failed ({@code x-amz-request-id}), which Spectra support asks
     * for; null when no answer came (a transport failure) or the answer carried none.
     */
    public String getRequestId() {
        return requestId;
    }

    /** What this attempt got, for messages and meters: the HTTP status, or the I/O failure's class name. */
    public String outcome() {
        if (httpStatus > 0) {
            return Integer.toString(httpStatus);
        }
        return getCause() != null ? getCause().getClass().getSimpleName() : getClass().getSimpleName();
    }

    /** How many attempts the call made before failing (1 when it was not retried). */
    public int getAttempts() {
        return Math.max(1, attempts.size());
    }

    /** What each attempt got, e.g. {@code [503, SocketTimeoutException, 503]}; one entry per attempt. */
    public List<String> getAttemptOutcomes() {
        return attempts;
    }

    /** The failure, and when the call was retried, how many attempts it made and what each got. */
    @Override
    public String getMessage() {
        String message = super.getMessage() + (requestId == null ? "" : " [request id " + requestId + "]");
        if (attempts.size() < 2 && gaveUpBecause == null) {
            return message;
        }
        return message + " (gave up after " + attempts.size() + (attempts.size() == 1 ? " attempt: " : " attempts: ")
                + String.join(", ", attempts) + (gaveUpBecause == null ? "" : "; " + gaveUpBecause) + ")";
    }

    public String getMethod() { return method; }

    /** The request path, percent-encoded as sent; no query string. */
    public String getPath() { return path; }

    /** The HTTP status, or 0 when no answer was received. */
    public int getHttpStatus() { return httpStatus; }

    /** The DS3 {@code Code}, e.g. {@code NotFound}; null when there was no {@code <Error>} document. */
    public String getCode() { return code; }

    /** The DS3 {@code Message}. */
    public String getDs3Message() { return ds3Message; }

    public String getResource() { return resource; }

    public Long getResourceId() { return resourceId; }

    /** The appliance's Retry-After, when it sent one (usually with 503). */
    public Optional<Duration> getRetryAfter() { return Optional.ofNullable(retryAfter); }

    /** 404: the job does not exist or is no longer active (finished or canceled meanwhile). */
    public boolean isNotFound() {
        return httpStatus == 404 && !managementPath;
    }

    /** 401 or 403 other than clock skew: wrong access id, secret key or permissions. */
    public boolean isAuthorization() {
        return (httpStatus == 401 || httpStatus == 403) && !isClockSkew();
    }

    /** 403 whose message contains "Client clock": this host's clock is too far from the appliance's. */
    public boolean isClockSkew() {
        return httpStatus == 403 && ds3Message != null
                && ds3Message.toLowerCase(Locale.ROOT).contains("client clock");
    }

    /** 409: the job's state does not allow the change. */
    public boolean isConflict() {
        return httpStatus == 409;
    }

    /** 400: a parameter was refused. */
    public boolean isBadRequest() {
        return httpStatus == 400;
    }

    /** The 404 came from the management port, not the data path: a configuration error. */
    public boolean isManagementPath() {
        return managementPath;
    }

    /** Worth sending again unchanged: 5xx, 307, 429 and I/O failures. 400/403/404/409 are not. */
    public boolean isRetryable() {
        return httpStatus >= 500 || httpStatus == 307 || httpStatus == 429;
    }
}
