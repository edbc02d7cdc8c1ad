package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.LogCapture;
import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.component.BlackPearlEndpoint;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationOutcome;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.EscalationReport;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.Fault;
import io.camelblackpearl.simulator.SeedPlan;
import io.camelblackpearl.simulator.SimulatedJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * The escalation route, fired by Quartz, against a simulator where a fifth of the modifies fail (503,
 * connection reset, stall until the response timeout) and listings come late: after ten firings and one
 * without faults, every job has the priority a fault-free run gives it; no job was ever lowered; every
 * failed decision has its audit line; retries and failures show in the meters; and nothing leaks.
 */
class EscalationUnderFaultsTest {

    private static final String POLICY = """
            maxEscalationsPerRun: 1000
            maxUrgentJobs: 1000
            rules:
              - id: restores
                match: { requestType: GET }
                ladder:
                  - { after: 1h, priority: HIGH }
                  - { after: 1d, priority: URGENT }
              - id: default
                ladder:
                  - { after: 12h, priority: NORMAL }
                  - { after: 2d,  priority: HIGH }
            """;
    private static final List<String> RANKS = List.of("BACKGROUND", "LOW", "NORMAL", "HIGH", "URGENT", "CRITICAL");

    private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    private final EscalationPolicy policy = PolicyFile.parse(POLICY, "test", PolicyFile.NO_CONDITIONS);

    @Test
    void convergesToTheFaultFreeResultAndLosesNothing() throws Exception {
        try (Ds3Simulator faulty = Ds3Simulator.builder().build().start();
             Ds3Simulator clean = Ds3Simulator.builder().build().start()) {
            faulty.seed(SeedPlan.jobs(300).seed(11).ages(Duration.ofMinutes(1), Duration.ofDays(3))
                    .priorities("LOW", "LOW", "NORMAL", "HIGH").requestTypes("PUT", "GET", "VERIFY"));
            faulty.appliance().activeJobs().forEach(clean.appliance()::put);
            Map<UUID, String> expected = faultFreeRun(clean);
            assertThat(expected).isNotEqualTo(priorities(faulty));

            faulty.appliance().faults().seed(2026)
                    .inject(Ds3Operation.MODIFY_ACTIVE_JOB, 0.07, new Fault.ErrorResponse(503, "ServiceUnavailable", "busy", 0))
                    .inject(Ds3Operation.MODIFY_ACTIVE_JOB, 0.07, new Fault.ResetMidBody())
                    .inject(Ds3Operation.MODIFY_ACTIVE_JOB, 0.07, new Fault.Stall(Duration.ofMinutes(10)))
                    .inject(Ds3Operation.LIST_ACTIVE_JOBS, 1.0, new Fault.Delay(Duration.ZERO, Duration.ofMillis(80)));

            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            MeterRegistry meters = new SimpleMeterRegistry();
            List<EscalationReport> reports = new CopyOnWriteArrayList<>();
            List<String> lowered = new CopyOnWriteArrayList<>();
            Map<UUID, String> seen = new HashMap<>(priorities(faulty));
            CountDownLatch tenFirings = new CountDownLatch(10);

            try (LogCapture audit = LogCapture.of("io.camelblackpearl.escalation.audit", Level.INFO)) {
                CamelContext context = new DefaultCamelContext();
                context.getRegistry().bind("meters", meters);
                configure(context, faulty);
                String uri = "blackpearl:activeJob?responseTimeout=300ms&maxRetries=1&retryInitialDelay=10ms&retryMaxDelay=50ms";
                EscalationProcessor escalation = new EscalationProcessor(policy, uri, clock);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("quartz:test/escalation?trigger.repeatInterval=100&stateful=true").routeId("escalation")
                                .process(escalation)
                                .process(e -> {
                                    reports.add(e.getMessage().getBody(EscalationReport.class));
                                    checkNeverLowered(faulty, seen, lowered);
                                    tenFirings.countDown();
                                });
                        from("direct:escalate").process(escalation);
                    }
                });
                context.start();
                assertThat(tenFirings.await(120, TimeUnit.SECONDS)).as("ten firings").isTrue();
                context.getRouteController().stopRoute("escalation");

                faulty.appliance().faults().clear();
                Exchange last = context.createProducerTemplate().request("direct:escalate", e -> { });
                assertThat(last.getException()).as("the fault-free firing").isNull();
                reports.add(last.getMessage().getBody(EscalationReport.class));
                checkNeverLowered(faulty, seen, lowered);

                for (Endpoint endpoint : context.getEndpoints()) {
                    if (endpoint instanceof BlackPearlEndpoint blackpearl) {
                        HttpDs3Client client = (HttpDs3Client) blackpearl.getClient();
                        assertThat(client.connectionPool().leased()).as("connections leased after the runs").isZero();
                    }
                }
                context.stop();

                List<EscalationDecision> failed = reports.stream().flatMap(r -> r.decisions().stream())
                        .filter(d -> d.outcome() == EscalationOutcome.FAILED).toList();
                List<String> failedLines = audit.lines().stream().filter(l -> l.contains("outcome=FAILED")).toList();
                assertThat(failed).as("some modifies failed for good").isNotEmpty();
                assertThat(failedLines).hasSameSizeAs(failed);
                for (EscalationDecision d : failed) {
                    assertThat(failedLines).anySatisfy(l -> assertThat(l).contains("job=" + d.jobId()));
                }

                assertThat(meters.counter("blackpearl.escalation.decisions", "rule", "restores", "outcome", "FAILED").count()
                        + meters.counter("blackpearl.escalation.decisions", "rule", "default", "outcome", "FAILED").count())
                        .isEqualTo(failed.size());
                assertThat(meters.counter("blackpearl.escalation.runs", "result", "failure").count()).isPositive();
                Map<String, Double> retries = meters.find("blackpearl.client.retries").counters().stream()
                        .collect(Collectors.toMap(c -> c.getId().getTag("reason"), Counter::count, Double::sum));
                assertThat(retries).containsKeys("503", "SocketException", "SocketTimeoutException");
            }

            assertThat(lowered).as("jobs ever lowered").isEmpty();
            assertThat(reports.get(reports.size() - 1).succeeded()).isTrue();
            assertThat(priorities(faulty)).isEqualTo(expected);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (ManagementFactory.getThreadMXBean().getThreadCount() > threadsBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).as("threads after the runs")
                    .isLessThanOrEqualTo(threadsBefore);
        }
    }

    private static void configure(CamelContext context, Ds3Simulator simulator) {
        BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
        component.getConfiguration().setEndpoint(simulator.endpoint());
        component.getConfiguration().setAccessKey(simulator.accessKey());
        component.getConfiguration().setSecretKey(simulator.secretKey());
    }

    private Map<UUID, String> faultFreeRun(Ds3Simulator clean) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            configure(context, clean);
            context.start();
            EscalationProcessor escalation = new EscalationProcessor(policy, "blackpearl:activeJob", clock);
            escalation.setCamelContext(context);
            Exchange exchange = new DefaultExchange(context);
            escalation.process(exchange);
            assertThat(exchange.getMessage().getBody(EscalationReport.class).succeeded()).isTrue();
            escalation.stop();
        }
        return priorities(clean);
    }

    private static Map<UUID, String> priorities(Ds3Simulator simulator) {
        Map<UUID, String> map = new HashMap<>();
        for (SimulatedJob job : simulator.appliance().activeJobs()) {
            map.put(job.id(), job.priority());
        }
        return map;
    }

    private static void checkNeverLowered(Ds3Simulator simulator, Map<UUID, String> seen, List<String> lowered) {
        for (Map.Entry<UUID, String> now : priorities(simulator).entrySet()) {
            String before = seen.put(now.getKey(), now.getValue());
            if (before != null && RANKS.indexOf(now.getValue()) < RANKS.indexOf(before)) {
                lowered.add(now.getKey() + " " + before + " -> " + now.getValue());
            }
        }
    }
}
