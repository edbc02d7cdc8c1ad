package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.escalation.route.EscalationProcessor;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A user's Boot application with the starter and three properties: the component is configured from them, a
 * route of the application modifies a job on the simulator, another consumes job events (which ones set by a
 * Boot property), the appliance's health shows in the actuator, and the escalation, not enabled, has no route
 * and sends nothing.
 */
@SpringBootTest(classes = {TestApplication.class, BlackPearlStarterTest.Routes.class},
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlackPearlStarterTest {

    static final Ds3Simulator SIMULATOR = SimulatorForBoot.start();

    @DynamicPropertySource
    static void appliance(DynamicPropertyRegistry registry) {
        SimulatorForBoot.properties(SIMULATOR, registry);
        registry.add("camel.component.blackpearl.events", () -> "COMPLETED");
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder expedite() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:expedite").to("blackpearl:activeJob?priority=URGENT");
                    from("blackpearl:activeJob?delay=200&initialDelay=0").routeId("job-events").to("seda:job-events");
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    ConsumerTemplate consumer;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext spring;

    @Test
    void propertiesReachTheComponent() {
        BlackPearlComponent component = camelContext.getComponent("blackpearl", BlackPearlComponent.class);
        assertThat(component.getConfiguration().getEndpoint()).isEqualTo(SIMULATOR.endpoint());
        assertThat(component.getConfiguration().getAccessKey()).isEqualTo(SimulatorForBoot.ACCESS_KEY);
        assertThat(component.getConfiguration().getSecretKey()).isEqualTo("boot-secret-from-a-properties-file");
        assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(5);
        assertThat(component.getConfiguration().getResponseTimeout()).isEqualTo(30_000);
    }

    @Test
    void aRouteOfTheApplicationModifiesAJob() {
        SimulatedJob job = SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofHours(1));
        Object priority = template.requestBodyAndHeader("direct:expedite", null, BlackPearlConstants.JOB_ID, job.id().toString(),
                String.class);
        assertThat(SIMULATOR.appliance().job(job.id()).orElseThrow().priority()).isEqualTo("URGENT");
        assertThat(SIMULATOR.appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB))
                .anySatisfy(r -> assertThat(r.jobId()).isEqualTo(job.id().toString()));
        assertThat(priority).isNotNull();
    }

    @Test
    void aConsumerRouteReportsTheEventsChosenByABootProperty() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (SIMULATOR.appliance().count(Ds3Operation.LIST_CANCELED_JOBS) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // the consumer's first poll takes the snapshot
        }
        SimulatedJob job = SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofHours(3));
        SIMULATOR.appliance().complete(job.id()); // started and ended between polls: its ending is reported all the same
        Exchange event = consumer.receive("seda:job-events", 10_000);
        assertThat(event).as("an event within 10 s").isNotNull();
        assertThat(event.getMessage().getHeader(BlackPearlConstants.EVENT)).as("CREATED is not among the chosen events")
                .isEqualTo("COMPLETED");
        assertThat(event.getMessage().getHeader(BlackPearlConstants.JOB_ID)).isEqualTo(job.id().toString());
        assertThat(event.getMessage().getBody()).isInstanceOf(CompletedJob.class);
    }

    @Test
    void theAppliancesHealthShowsInTheActuator() {
        String health = http.getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"camelHealth\"", "\"blackpearl\":\"UP\"", "\"verdict\":\"REACHABLE\"")
                .doesNotContain("boot-secret");
    }

    @Test
    void escalationIsOffByDefault() {
        assertThat(camelContext.getRoute("escalation")).isNull();
        assertThat(spring.getBeanNamesForType(EscalationProcessor.class)).isEmpty();
        assertThat(camelContext.getRoutes()).as("no trigger and no escalation Kamelet")
                .noneMatch(route -> route.getEndpoint().getEndpointUri().startsWith("quartz:")
                        || route.getEndpoint().getEndpointUri().contains("blackpearl-escalation"));
        assertThat(HealthCheckHelper.invoke(camelContext)).extracting(HealthCheck.Result::getCheck).extracting(HealthCheck::getId)
                .as("no escalation health check").doesNotContain("blackpearl-escalation").contains("blackpearl");
    }

    @Test
    void theSecretFromAPropertiesFileIsMaskedInEnvAndConfigprops() {
        String env = http.getForObject("/actuator/env", String.class);
        String one = http.getForObject("/actuator/env/camel.component.blackpearl.secret-key", String.class);
        String configprops = http.getForObject("/actuator/configprops", String.class);
        assertThat(env).contains("camel.component.blackpearl.secret-key").doesNotContain("boot-secret-from-a-properties-file");
        assertThat(one).contains("******").doesNotContain("boot-secret-from-a-properties-file");
        assertThat(configprops).contains("camel.component.blackpearl").doesNotContain("boot-secret-from-a-properties-file");
        assertThat(env).as("values are shown, only the secret is masked").contains(SIMULATOR.endpoint());
    }
}
