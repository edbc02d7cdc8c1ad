package io.camelblackpearl.sample;

import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The sample's routes. {@code direct:escalateNow} modifies one job from headers; the demo route lists the
 * active jobs once, picks the oldest job below the target priority, raises it and prints the job before
 * and after.
 */
public class ExpediteOldestJobRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:escalateNow").routeId("escalate-now")
                .to("blackpearl:activeJob?includeObjects=false")
                .log("job ${header.CamelBlackPearlJobId} is now ${header.CamelBlackPearlPriority}");

        from("timer:demo?repeatCount=1").routeId("expedite-oldest-job")
                .to("blackpearl:activeJob?operation=list")
                .process(this::pickOldestBelowTarget)
                .choice()
                    .when(header(BlackPearlConstants.JOB_ID).isNull())
                        .log("No active job below {{sample.target-priority}}: nothing to do")
                    .otherwise()
                        .setHeader(BlackPearlConstants.PRIORITY, simple("{{sample.target-priority}}"))
                        .to("direct:escalateNow")
                        .setHeader(BlackPearlConstants.OPERATION, constant("get"))
                        .to("blackpearl:activeJob")
                        .process(this::printAfter)
                .end();
    }

    private void pickOldestBelowTarget(Exchange exchange) {
        Priority target = Priority.valueOf(exchange.getContext().resolvePropertyPlaceholders("{{sample.target-priority}}"));
        @SuppressWarnings("unchecked")
        List<ActiveJob> jobs = exchange.getMessage().getBody(List.class);
        System.out.printf("%nActive jobs: %d%n", jobs.size());
        jobs.stream()
                .filter(job -> job.priority() != null && target.isAbove(job.priority()))
                .min(Comparator.comparing(ActiveJob::createdAt))
                .ifPresent(job -> {
                    System.out.println("Before:");
                    printRow(job);
                    exchange.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString());
                });
    }

    private void printAfter(Exchange exchange) {
        System.out.println("After:");
        printRow(exchange.getMessage().getBody(ActiveJob.class));
        System.out.println();
    }

    private static void printRow(ActiveJob job) {
        Duration age = Duration.between(job.createdAt(), Instant.now());
        System.out.printf("  %-36s  %-14s  %-6s  %-8s  age %dh%02dm%n", job.id(), job.name(), job.requestType(),
                job.priority(), age.toHours(), age.toMinutesPart());
    }
}
