package io.camelblackpearl.ds3;

/** No answer: connection refused or reset, timeout, TLS failure. Always retryable. */
public class BlackPearlTransportException extends BlackPearlException {

    public BlackPearlTransportException(String method, String path, Throwable cause) {
        super(method, path, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
