package io.camelblackpearl.component;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Readiness of the appliance a {@code blackpearl} component is configured for: one cheap signed call, no
 * retries, per check. DOWN says why (unreachable, TLS refused, credentials refused, clock skew, wrong
 * port) and which setting to fix. Not a liveness check: restarting the application would not bring the
 * appliance back.
 */
public class BlackPearlHealthCheck extends AbstractHealthCheck {

    private final BlackPearlComponent component;
    private final String componentName;

    public BlackPearlHealthCheck(BlackPearlComponent component, String componentName) {
        super("camel", "blackpearl".equals(componentName) ? "blackpearl" : "blackpearl-" + componentName);
        this.component = component;
        this.componentName = componentName;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        BlackPearlEndpoint endpoint;
        try {
            endpoint = component.getCamelContext().getEndpoint(componentName + ":activeJob?operation=list", BlackPearlEndpoint.class);
            ServiceHelper.startService(endpoint);
        } catch (RuntimeException e) {
            builder.down().message("The blackpearl component is not usable: " + e.getMessage()).error(e);
            return;
        }
        String url = component.getConfiguration().getEndpoint();
        ApplianceCheck.Result result = ApplianceCheck.run(endpoint.getClient(), url == null ? "(an injected ds3Client)" : url);
        builder.detail("appliance", url).detail("verdict", result.verdict().name()).message(result.message());
        if (result.reachable()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
