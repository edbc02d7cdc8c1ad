package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.ResolverHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The blackpearl dev console: appliance, last verdict, shared clients, consumers; found as Camel finds consoles; no secret. */
class DevConsoleTest {

    @Test
    void showsTheApplianceItsClientsAndItsConsumersButNoSecret() throws Exception {
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("Y29uc29sZQ==", "console-secret").build().start()
                .seed(SeedPlan.jobs(4));
             CamelContext context = BlackPearlTestSupport.contextFor(simulator.endpoint(), "Y29uc29sZQ==", "console-secret")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("blackpearl:activeJob?delay=100&initialDelay=0").routeId("events").to("log:events?level=OFF");
                }
            });
            context.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (simulator.appliance().count(Ds3Operation.LIST_CANCELED_JOBS) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // one completion after the snapshot moves the consumer's watermark
            UUID done = simulator.appliance().activeJobs().get(0).id();
            simulator.appliance().complete(done);
            long polls = simulator.appliance().count(Ds3Operation.LIST_CANCELED_JOBS);
            while (simulator.appliance().count(Ds3Operation.LIST_CANCELED_JOBS) < polls + 2 && System.nanoTime() < deadline + 10_000_000_000L) {
                Thread.sleep(20);
            }
            context.getComponent("blackpearl", BlackPearlComponent.class).checkAppliance();

            DevConsole console = (DevConsole) ResolverHelper.resolveService(context,
                    "META-INF/services/org/apache/camel/dev-console/", "blackpearl", DevConsole.class).orElseThrow();
            CamelContextAware.trySetCamelContext(console, context);
            String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
            assertThat(text).contains("Component blackpearl: " + simulator.endpoint() + " as Y29uc29sZQ==",
                    "last check: REACHABLE", "client " + simulator.endpoint() + ": 2 users (endpoints, health probe)", "consumer events: last poll 20",
                    "3 active jobs known, watermark: completions up to 20", "cancellations up to none", "state in memory")
                    .doesNotContain("console-secret");
            JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
            List<?> components = (List<?>) json.get("components");
            assertThat(components).hasSize(1);
            assertThat(json.toJson()).contains("\"verdict\"".replace("verdict", "lastVerdict"), "\"failedPolls\":0")
                    .doesNotContain("console-secret");
        }
    }
}
