package io.camelblackpearl.component;

import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.RetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.apache.camel.CamelContext;

/** {@link ClientMeters} on Micrometer; loaded only when Micrometer is on the class path. */
final class MicrometerClientMeters {

    private static final String POOL = "blackpearl.client.connections";

    private MicrometerClientMeters() {
    }

    private static MeterRegistry registry(CamelContext context) {
        return context.getRegistry().findSingleByType(MeterRegistry.class);
    }

    static RetryListener retryListener(CamelContext context) {
        MeterRegistry meters = registry(context);
        if (meters == null) {
            return RetryListener.NONE;
        }
        return (method, path, reason, attempt, delay) -> Counter.builder("blackpearl.client.retries")
                .description("DS3 calls sent again, by what the failed attempt got (status or I/O failure)")
                .tag("reason", reason).tag("method", method)
                .register(meters).increment();
    }

    static void connectionPoolGauges(CamelContext context, HttpDs3Client client, String appliance) {
        MeterRegistry meters = registry(context);
        if (meters == null) {
            return;
        }
        gauge(meters, client, appliance, "leased", c -> c.connectionPool().leased());
        gauge(meters, client, appliance, "available", c -> c.connectionPool().idle());
        gauge(meters, client, appliance, "pending", c -> c.connectionPool().pending());
    }

    private static void gauge(MeterRegistry meters, HttpDs3Client client, String appliance, String state,
                              ToDoubleFunction<HttpDs3Client> value) {
        Gauge.builder(POOL, client, value)
                .description("Connections to the appliance: leased (in a call), available (idle, kept) or pending (a call waits for one)")
                .tag("appliance", appliance).tag("state", state)
                .strongReference(false).register(meters);
    }

    static void removeConnectionPoolGauges(CamelContext context, String appliance) {
        MeterRegistry meters = registry(context);
        if (meters != null) {
            meters.find(POOL).tag("appliance", appliance).meters().forEach(meters::remove);
        }
    }
}
