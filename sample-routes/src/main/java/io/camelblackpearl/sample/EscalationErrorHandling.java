package io.camelblackpearl.sample;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * For every route of the sample, Java or YAML DSL: a run that fails (appliance down, credentials
 * refused) is one WARN line naming the cause, not two stack traces per firing. Nothing is lost by
 * handling it: every firing lists and decides again from scratch.
 */
public class EscalationErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration().onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "io.camelblackpearl.sample.EscalationRoutes",
                        "Route ${routeId} failed: ${exception.message}. The next firing tries again.");
    }
}
