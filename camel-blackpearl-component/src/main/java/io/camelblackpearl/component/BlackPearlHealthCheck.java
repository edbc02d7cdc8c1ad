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
        builder.detail("appliance", component.getConfiguration().getEndpoint()).detail("verdict", result.verdict().name())
                .message(result.message());
        if (result.reachable()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
