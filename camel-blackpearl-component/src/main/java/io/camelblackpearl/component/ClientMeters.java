package io.camelblackpearl.component;

import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.RetryListener;
import org.apache.camel.CamelContext;

/**
 * The client's meters in the application's Micrometer registry (the one Camel's Micrometer integration or
 * Spring Boot keeps in the Camel registry): {@code blackpearl.client.retries} and the connection pool's
 * {@code blackpearl.client.connections{state=leased|available|pending}}. Nothing without Micrometer or
 * without a registry; Micrometer is an optional dependency, touched only when present.
 */
final class ClientMeters {

    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    private ClientMeters() {
    }

    static RetryListener retryListener(CamelContext context) {
        return MICROMETER ? MicrometerClientMeters.retryListener(context) : RetryListener.NONE;
    }

    static void connectionPoolGauges(CamelContext context, HttpDs3Client client, String appliance) {
        if (MICROMETER) {
            MicrometerClientMeters.connectionPoolGauges(context, client, appliance);
        }
    }

    static void removeConnectionPoolGauges(CamelContext context, String appliance) {
        if (MICROMETER) {
            MicrometerClientMeters.removeConnectionPoolGauges(context, appliance);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ClientMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
