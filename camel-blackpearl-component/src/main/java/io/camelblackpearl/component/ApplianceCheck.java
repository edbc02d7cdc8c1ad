package io.camelblackpearl.component;

import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.BlackPearlResponseParseException;
import io.camelblackpearl.ds3.BlackPearlTransportException;
import io.camelblackpearl.ds3.Ds3Client;
import io.camelblackpearl.ds3.JobListFilter;
import io.camelblackpearl.ds3.RetryPolicy;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * One cheap signed call (the first active job, {@code GET /_rest_/active_job?page_length=1}) that tells
 * in plain words whether the appliance answers to these settings, and if not, which setting to fix. It
 * never throws: an operator reads the verdict, and the application carries on either way.
 */
public final class ApplianceCheck {

    /** What the check found; everything but {@link #REACHABLE} names the setting to look at. */
    public enum Verdict { REACHABLE, UNREACHABLE, TLS_REFUSED, CREDENTIALS_REFUSED, CLOCK_SKEW, WRONG_PORT, FAILED }

    /** The verdict and one sentence for the log, free of secrets. */
    public record Result(Verdict verdict, String message) {
        public boolean reachable() {
            return verdict == Verdict.REACHABLE;
        }
    }

    private ApplianceCheck() {
    }

    /** Calls the appliance once (no retries) through {@code client}; {@code endpoint} is only used in the message. */
    public static Result run(Ds3Client client, String endpoint) {
        Ds3Client once = client.withRetry(RetryPolicy.NONE);
        try {
            long total = once.listActiveJobsPage(JobListFilter.ALL, 0, 1).longHeader("Total-Result-Count").orElse(-1L);
            return new Result(Verdict.REACHABLE, "BlackPearl at " + endpoint + " is reachable and accepts the credentials"
                    + (total >= 0 ? " (" + total + " active jobs)" : ""));
        } catch (BlackPearlException e) {
            return classify(e, endpoint);
        } catch (RuntimeException e) {
            return new Result(Verdict.FAILED, "BlackPearl at " + endpoint + " could not be checked: " + e.getMessage());
        }
    }

    /** Maps a failed call to the verdict an operator can act on. */
    static Result classify(BlackPearlException e, String endpoint) {
        String at = "BlackPearl at " + endpoint;
        if (e instanceof BlackPearlTransportException) {
            Throwable tls = firstOf(e, SSLException.class);
            if (tls != null) {
                String message = String.valueOf(tls.getMessage());
                if (message.contains("No name matching") || message.contains("No subject alternative")) {
                    // JSSE's host name check: trusted or not, the certificate names another host
                    return new Result(Verdict.TLS_REFUSED, at + ": TLS refused (" + message + "): the certificate is not "
                            + "issued to the host name in camel.component.blackpearl.endpoint; use a name the certificate "
                            + "lists (its subject alternative names)");
                }
                return new Result(Verdict.TLS_REFUSED, at + ": TLS refused (" + message + "); check that the "
                        + "appliance's certificate is trusted (camel.component.blackpearl.ssl-context-parameters, "
                        + "useGlobalSslContextParameters or the JVM's trust store) and that "
                        + "camel.component.blackpearl.endpoint uses the right scheme");
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof UnknownHostException) {
                return new Result(Verdict.UNREACHABLE, at + " is unreachable: unknown host " + cause.getMessage()
                        + "; check camel.component.blackpearl.endpoint");
            }
            String how = cause instanceof ConnectException || cause instanceof NoRouteToHostException ? "connection refused"
                    : cause instanceof SocketTimeoutException ? "no answer in time" : cause.getClass().getSimpleName();
            return new Result(Verdict.UNREACHABLE, at + " is unreachable (" + how + "); check camel.component.blackpearl.endpoint "
                    + "(the data path's http(s)://host:port) and the network");
        }
        if (e.isClockSkew()) {
            return new Result(Verdict.CLOCK_SKEW, at + " refused the request's Date (403 clock skew): this host's clock is too "
                    + "far from the appliance's; synchronise it (NTP)");
        }
        if (e.isAuthorization()) {
            return new Result(Verdict.CREDENTIALS_REFUSED, at + " refused the credentials (" + e.getHttpStatus() + "); check "
                    + "camel.component.blackpearl.access-key and camel.component.blackpearl.secret-key");
        }
        if (e.isManagementPath()) {
            return new Result(Verdict.WRONG_PORT, at + " is the management port, not the data path; point "
                    + "camel.component.blackpearl.endpoint at the data path");
        }
        if (e instanceof BlackPearlResponseParseException) {
            return new Result(Verdict.FAILED, at + " answered something that is not DS3 (" + e.getMessage()
                    + "); check that camel.component.blackpearl.endpoint is a BlackPearl data path");
        }
        return new Result(Verdict.FAILED, at + " answered with an error: " + e.getMessage());
    }

    private static Throwable firstOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
