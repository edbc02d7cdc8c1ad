package io.camelblackpearl.ds3;

import java.security.cert.CertificateException;

/**
 * No answer: connection refused or reset, timeout, TLS failure. Retryable, except when the appliance's
 * certificate was refused (not trusted, or issued to another host name): sending again cannot change that.
 */
public class BlackPearlTransportException extends BlackPearlException {

    public BlackPearlTransportException(String method, String path, Throwable cause) {
        super(method, path, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    @Override
    public boolean isRetryable() {
        return !isCertificateRefused();
    }

    /** Whether TLS failed because the appliance's certificate was refused: untrusted, expired, or for another host. */
    public boolean isCertificateRefused() {
        for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }
}
