package io.camelblackpearl.component;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the appliance a {@code blackpearl} component is configured for: one cheap signed call, no
 * retries, per check. DOWN says why (unreachable, TLS refused, credentials refused, clock skew, wrong
 * port) and which setting to fix. Not a liveness check: restarting the application would not bring the
 * appliance back.
 */
public class BlackPearlHealthCheck extends AbstractHealthCheck {

    private final BlackPearlComponent component;

    public BlackPearlHealthCheck(BlackPearlComponent component, String componentName) {
        super("camel", "blackpearl".equals(componentName) ? "blackpearl" : "blackpearl-" + componentName);
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ApplianceCheck.Result result;
        try {
            result = component.checkAppliance();
        } catch (RuntimeException e) {
            builder.down().message("The blackpearl component is not usable: " + e.getMessage()).error(e);
            return;
        }
        String endpoint = component.getConfiguration().getEndpoint();
        builder.detail("appliance", endpoint).detail("verdict", result.verdict().name())
                .message(withoutSlashes(result.message(), endpoint));
        if (result.reachable()) {
            builder.up();
        } else {
            builder.down();
        }
    }

    /**
     * The message without the endpoint's "//": Camel's management server JSON-escapes a check's message and
     * then serializes it again, so each '/' would reach operators as {@code \\/}. The URL is in the details.
     */
    static String withoutSlashes(String message, String endpoint) {
        String shown = message;
        if (endpoint != null) {
            int scheme = endpoint.indexOf("://");
            if (scheme > 0) {
                String hostPort = endpoint.substring(scheme + 3).replaceAll("/+$", "");
                shown = shown.replace(endpoint, hostPort + " (" + endpoint.substring(0, scheme) + ")");
            }
        }
        return shown.replace("http(s)://host:port", "scheme, host and port");
    }
}
