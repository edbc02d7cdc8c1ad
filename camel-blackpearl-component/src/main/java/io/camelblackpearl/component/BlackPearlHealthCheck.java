package io.camelblackpearl.component;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import io.camelblackpearl.ds3.Ds3Client;

/**
 * Readiness of the appliance a {@code blackpearl} component is configured for: one cheap signed call, no
 * retries, per check. DOWN says why (unreachable, TLS refused, credentials refused, clock skew, wrong
 * port) and which setting to fix. Not a liveness check: restarting the application would not bring the
 * appliance back.
 */
public class BlackPearlHealthCheck extends AbstractHealthCheck {

    private final BlackPearlComponent component;
    private Ds3Client client;

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
        BlackPearlConfiguration settings = component.getConfiguration();
        Ds3Client probe;
        try {
            probe = client(settings);
        } catch (RuntimeException e) {
            builder.down().message("The blackpearl component is not usable: " + e.getMessage()).error(e);
            return;
        }
        String url = settings.getEndpoint();
        ApplianceCheck.Result result = ApplianceCheck.run(probe, url == null ? "(an injected ds3Client)" : url);
        component.lastVerdict(result);
        builder.detail("appliance", url).detail("verdict", result.verdict().name()).message(result.message());
        if (result.reachable()) {
            builder.up();
        } else {
            builder.down();
        }
    }

    /** The component's client for its own settings: the one its endpoints share, taken once and kept. */
    private synchronized Ds3Client client(BlackPearlConfiguration settings) {
        if (settings.getDs3Client() != null) {
            return settings.getDs3Client();
        }
        if (client == null) {
            BlackPearlComponent.validate(settings, BlackPearlResource.activeJob);
            client = component.clients().acquire(settings, () -> component.sslContext(settings));
        }
        return client;
    }

    synchronized void releaseClient() {
        if (client != null) {
            component.clients().release(client);
            client = null;
        }
    }
}
