package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.component.BlackPearlTestSupport;
import io.camelblackpearl.escalation.EscalationReport;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.SimulatedJob;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three Kamelets, loaded by camel-kamelet from the jar's kamelets/ folder and run against the simulator. */
class KameletsTest extends BlackPearlTestSupport {

    /** Each test adds only the route it runs: a Kamelet's own route starts with the context, whatever its caller's autoStartup. */
    private void route(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    @Test
    void theEscalationKameletRunsOnItsCronAndSendsEachReportOn() throws Exception {
        SimulatedJob old = seedJob("archive-old", "LOW", Duration.ofHours(30));
        SimulatedJob young = seedJob("archive-young", "LOW", Duration.ofMinutes(5));
        MockEndpoint reports = getMockEndpoint("mock:reports");
        reports.expectedMinimumMessageCount(2);
        route("kamelet:blackpearl-escalation?cron=RAW(0/1 * * * * ?)&policyFile=classpath:escalation/run-policy.yaml"
                + "&triggerName=kamelet-test&nodeId=test-node", "mock:reports");
        reports.assertIsSatisfied(15_000);

        EscalationReport first = reports.getExchanges().get(0).getMessage().getBody(EscalationReport.class);
        assertThat(first.node()).isEqualTo("test-node");
        assertThat(first.decisions()).anySatisfy(d -> assertThat(d.jobId()).isEqualTo(old.id()));
        assertThat(current(old).priority()).as("24h and older: HIGH by the default rule").isEqualTo("HIGH");
        assertThat(current(young).priority()).isEqualTo("LOW");
        assertThat(reports.getExchanges().get(0).getMessage().getHeader("scheduledFireTime")).as("fired by Quartz").isNotNull();
        // The Kamelet's cron gives the health check its period.
        HealthCheck.Result health = HealthCheckHelper.invoke(context, c -> Map.of(), c -> !c.isReadiness(), "full").stream()
                .filter(r -> r.getCheck().getId().equals("blackpearl-escalation")).findFirst().orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("schedule.period", "PT1S");
    }

    /** The YAML DSL with the parameters as a map, as Kaoto and most users write it (Camel passes them URL-encoded). */
    @Test
    void theEscalationKameletTakesItsParametersFromAYamlMap() throws Exception {
        SimulatedJob old = seedJob("archive-yaml", "LOW", Duration.ofHours(30));
        MockEndpoint reports = getMockEndpoint("mock:yaml");
        reports.expectedMinimumMessageCount(1);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(
                "yaml-map.yaml", """
                - route:
                    from:
                      uri: kamelet:blackpearl-escalation
                      parameters:
                        cron: "0/1 * * * * ?"
                        policyFile: "classpath:escalation/run-policy.yaml"
                        triggerName: yaml-map
                        endpointUri: "blackpearl:activeJob?pageLength=7"
                        nodeId: "yaml-node"
                      steps:
                        - to: mock:yaml
                """));
        reports.assertIsSatisfied(15_000);
        assertThat(current(old).priority()).isEqualTo("HIGH");
        assertThat(reports.getExchanges().get(0).getMessage().getBody(EscalationReport.class).node()).isEqualTo("yaml-node");
        assertThat(appliance().requests(Ds3Operation.LIST_ACTIVE_JOBS)).as("listed through the given endpoint URI")
                .anySatisfy(r -> assertThat(r.param("page_length")).contains("7"));
    }

    /** dryRun forces a dry run over the policy's own setting; parallelism and healthPeriods reach the processor. */
    @Test
    void theDryRunParallelismAndHealthPeriodsParametersApply() throws Exception {
        SimulatedJob old = seedJob("archive-dry", "LOW", Duration.ofHours(30));
        MockEndpoint reports = getMockEndpoint("mock:dry");
        reports.expectedMinimumMessageCount(1);
        route("kamelet:blackpearl-escalation?cron=RAW(0/1 * * * * ?)&policyFile=classpath:escalation/run-policy.yaml"
                + "&triggerName=dry&dryRun=true&parallelism=3&healthPeriods=7", "mock:dry");
        reports.assertIsSatisfied(15_000);
        EscalationReport report = reports.getExchanges().get(0).getMessage().getBody(EscalationReport.class);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.decisions()).anySatisfy(d -> assertThat(d.jobId()).isEqualTo(old.id()));
        assertThat(current(old).priority()).as("nothing sent").isEqualTo("LOW");
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isZero();
        EscalationProcessor processor = context.getRegistry().lookupByNameAndType(EscalationProcessor.Running.REGISTRY_NAME,
                EscalationProcessor.Running.class).all().get(0);
        assertThat(processor.getParallelism()).isEqualTo(3);
        HealthCheck.Result health = HealthCheckHelper.invoke(context, c -> Map.of(), c -> !c.isReadiness(), "full").stream()
                .filter(r -> r.getCheck().getId().equals("blackpearl-escalation")).findFirst().orElseThrow();
        assertThat(health.getDetails()).containsEntry("allowed.periods", 7);
    }

    @Test
    void theJobEventsKameletReportsWhatTheApplianceDid() throws Exception {
        SimulatedJob job = seedJob("archive-done", "NORMAL", Duration.ofMinutes(3));
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        long before = appliance().count(Ds3Operation.LIST_CANCELED_JOBS);
        route("kamelet:blackpearl-job-events-source?events=COMPLETED&delay=200", "mock:events");
        long deadline = System.nanoTime() + 10_000_000_000L;
        // the first poll (its last list is the canceled jobs) takes the snapshot the events are seen against
        while (appliance().count(Ds3Operation.LIST_CANCELED_JOBS) == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        appliance().complete(job.id());
        events.assertIsSatisfied(10_000);
        Exchange event = events.getExchanges().get(0);
        assertThat(event.getMessage().getHeader(BlackPearlConstants.EVENT, String.class)).isEqualTo("COMPLETED");
        assertThat(event.getMessage().getHeader(BlackPearlConstants.JOB_NAME, String.class)).isEqualTo("archive-done");
    }

    @Test
    void theSetPriorityKameletRaisesTheJobOfTheHeader() throws Exception {
        route("direct:expedite", "kamelet:blackpearl-set-priority-action?priority=URGENT");
        SimulatedJob job = seedJob("restore-now", "LOW", Duration.ofMinutes(1));
        template.sendBodyAndHeader("direct:expedite", null, BlackPearlConstants.JOB_ID, job.id().toString());
        assertThat(current(job).priority()).isEqualTo("URGENT");
    }

    @Test
    void aMissingRequiredParameterIsNamedWhenTheRouteIsAdded() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:blackpearl-escalation?cron=RAW(0 0 * * * ?)").routeId("no-policy").to("log:x");
            }
        })).hasStackTraceContaining("policyFile");
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:blackpearl-escalation?cron=RAW(0 0 * * * ?)&policyFile=classpath:no/such-policy.yaml")
                        .routeId("bad-policy").to("log:x");
            }
        })).hasStackTraceContaining("Invalid policyFile: 'classpath:no/such-policy.yaml'");
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z]+)}}");

    /**
     * Every parameter the template uses is declared, with a default unless required or used as optional
     * ({@code {{?name}}}: Camel refuses an empty default), and every declared one is used.
     */
    @ParameterizedTest
    @ValueSource(strings = {"blackpearl-escalation", "blackpearl-job-events-source", "blackpearl-set-priority-action"})
    void eachKameletDeclaresWhatItsTemplateUses(String name) throws Exception {
        JsonNode kamelet;
        try (InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            kamelet = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(kamelet.at("/metadata/name").asText()).isEqualTo(name);
        assertThat(kamelet.at("/metadata/labels/camel.apache.org~1kamelet.type").asText())
                .isEqualTo(name.endsWith("-action") ? "action" : "source");
        JsonNode properties = kamelet.at("/spec/definition/properties");
        Set<String> required = new TreeSet<>();
        kamelet.at("/spec/definition/required").forEach(r -> required.add(r.asText()));
        Set<String> declared = new TreeSet<>();
        properties.fieldNames().forEachRemaining(declared::add);
        Set<String> used = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(kamelet.at("/spec/template").toString());
        while (m.find()) {
            used.add(m.group(2));
            if (!m.group(1).isEmpty()) {
                optional.add(m.group(2));
            }
        }
        Set<String> beans = new TreeSet<>();
        kamelet.at("/spec/template/beans").forEach(b -> beans.add(b.get("name").asText()));
        used.removeAll(beans);
        assertThat(used).as("parameters used by the template").isEqualTo(declared);
        List<String> undocumented = new ArrayList<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            JsonNode property = properties.get(p);
            if (!property.has("title") || !property.has("description") || !property.has("type")) {
                undocumented.add(p);
            }
            assertThat(required.contains(p) || property.has("default") || optional.contains(p))
                    .as(p + " is required, has a default or is used as optional ({{?" + p + "}})").isTrue();
        }
        assertThat(undocumented).as("properties without title, description and type").isEmpty();
    }
}
