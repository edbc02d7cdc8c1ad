package io.camelblackpearl.sample;

import io.camelblackpearl.component.BlackPearlEndpoint;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * For the escalation's routes, Java or YAML DSL: a run that fails (appliance down, credentials refused) is
 * one WARN line naming the cause, not two stack traces per firing. Nothing is lost by handling it: every
 * firing lists and decides again from scratch. Job events are not handled here: a job-event route's failure
 * must reach its consumer, which delivers the event again at the next poll (docs/component.md, Delivery),
 * whether the route is the sample's own or one the user added.
 */
public class EscalationErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration().onException(Exception.class)
                .onWhen(exchange -> !(exchange.getFromEndpoint() instanceof BlackPearlEndpoint))
                .handled(true)
                .log(LoggingLevel.WARN, "io.camelblackpearl.sample.EscalationRoutes",
                        "Route ${routeId} failed: ${exception.message}. The next firing tries again.");
    }
}
