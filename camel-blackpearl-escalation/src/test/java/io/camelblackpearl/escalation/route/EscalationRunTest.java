package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.LogCapture;
import io.camelblackpearl.component.BlackPearlTestSupport;
import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationOutcome;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.EscalationReport;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Fault;
import io.camelblackpearl.simulator.RecordedRequest;
import io.camelblackpearl.simulator.SimulatedJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole escalation run against 2,500 active jobs on the simulator (three pages), with ages and names
 * chosen so that every job's fate under the documented example policy is known in advance.
 */
class EscalationRunTest extends BlackPearlTestSupport {


    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    /** job id -> the priority it must have after one run. */
    private final Map<UUID, String> expected = new HashMap<>();
    private final List<SimulatedJob> seeded = new ArrayList<>();
    private int expectedModifies;

    private EscalationPolicy policy(boolean dryRun) {
        return PolicyFile.parse(getClass().getResourceAsStream("/escalation/run-policy.yaml"), "run-policy.yaml",
                SimpleConditions.compiler(context)).withDryRun(dryRun);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:escalate").process(new EscalationProcessor(policy(false)));
                from("direct:dryRun").process(new EscalationProcessor(policy(true)));
                for (int parallelism : new int[] {1, 16}) {
                    EscalationProcessor processor = new EscalationProcessor(policy(false));
                    processor.setParallelism(parallelism);
                    from("direct:parallelism-" + parallelism).process(processor);
                }
            }
        };
    }

    private void group(int count, String prefix, String type, String priority, Duration age, String expectedPriority, long size) {
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            SimulatedJob job = SimulatedJob.builder(UUID.randomUUID()).name(prefix + "-" + seeded.size()).requestType(type)
                    .priority(priority).createdAt(now.minus(age).minusSeconds(i)).originalSizeInBytes(size).build();
            seeded.add(job);
            expected.put(job.id(), expectedPriority);
            if (!expectedPriority.equals(priority)) {
                expectedModifies++;
            }
        }
    }

    @BeforeEach
    void seed() {
        group(300, "restore", "GET", "LOW", Duration.ofMinutes(45), "NORMAL", 1_000);
        group(300, "restore", "GET", "LOW", Duration.ofHours(3), "HIGH", 1_000);
        group(2, "archive", "PUT", "URGENT", Duration.ofMinutes(10), "URGENT", 1_000);
        // 12 restores due for URGENT, room for 8 (10 minus the 2 above): the 8 oldest get it, 4 get HIGH.
        group(4, "restore", "GET", "NORMAL", Duration.ofHours(7), "HIGH", 1_000);
        group(8, "restore", "GET", "NORMAL", Duration.ofHours(9), "URGENT", 1_000);
        group(500, "archive", "PUT", "LOW", Duration.ofHours(5), "NORMAL", 1_000);
        group(400, "archive", "PUT", "LOW", Duration.ofHours(25), "HIGH", 1_000);
        group(50, "archive", "PUT", "LOW", Duration.ofHours(2), "HIGH", 2_000_000_000_000L);
        group(300, "archive", "PUT", "LOW", Duration.ofHours(1), "LOW", 1_000);
        group(300, "restore", "GET", "HIGH", Duration.ofHours(1), "HIGH", 1_000);
        group(336, "verify", "VERIFY", "NORMAL", Duration.ofHours(10), "NORMAL", 1_000);
        assertThat(seeded).hasSize(2500);
        appliance().putAll(seeded);
    }

    private EscalationReport run(String uri) {
        return template.requestBody(uri, null, EscalationReport.class);
    }

    private Map<UUID, String> priorities() {
        return appliance().allJobs().stream().collect(Collectors.toMap(SimulatedJob::id, SimulatedJob::priority));
    }

    @Test
    void oneRunSendsExactlyTheDuePutsAndASecondRunNone() {
        EscalationReport report = run("direct:escalate");

        assertThat(appliance().count(Ds3Operation.LIST_ACTIVE_JOBS)).as("pages of 1000").isEqualTo(3);
        List<RecordedRequest> puts = appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB);
        assertThat(puts).hasSize(expectedModifies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        Map<UUID, String> sent = puts.stream().collect(Collectors.toMap(r -> UUID.fromString(r.jobId()), r -> r.param("priority").orElseThrow()));
        Map<UUID, String> due = expected.entrySet().stream()
                .filter(e -> !e.getValue().equals(seeded.stream().filter(j -> j.id().equals(e.getKey())).findFirst().orElseThrow().priority()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(sent).isEqualTo(due);
        assertThat(priorities()).isEqualTo(expected);
        assertThat(priorities().values().stream().filter("URGENT"::equals).count()).as("URGENT cap").isEqualTo(10);

        assertThat(report.activeJobs()).isEqualTo(2500);
        assertThat(report.count(EscalationOutcome.APPLIED)).isEqualTo(expectedModifies);
        assertThat(report.decisions()).filteredOn(d -> d.jobName().startsWith("archive") && d.to().name().equals("HIGH")
                && d.age().compareTo(Duration.ofHours(3)) < 0).allSatisfy(d -> assertThat(d.ruleId()).isEqualTo("big-archives"));
        assertThat(meters.counter("blackpearl.escalation.decisions", "rule", "restores", "outcome", "APPLIED").count())
                .isEqualTo(600 + 12);
        assertThat(meters.get("blackpearl.escalation.last.success").gauge().value()).isPositive();

        appliance().resetRequests();
        EscalationReport second = run("direct:escalate");
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).as("a second firing changes nothing").isZero();
        assertThat(second.decisions()).isEmpty();
        assertThat(priorities()).isEqualTo(expected);
    }

    @Test
    void dryRunDecidesTheSameButSendsNothing() {
        Map<UUID, String> before = priorities();
        EscalationReport report = run("direct:dryRun");
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isZero();
        assertThat(appliance().count(Ds3Operation.LIST_ACTIVE_JOBS)).isEqualTo(3);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.count(EscalationOutcome.PLANNED)).isEqualTo(expectedModifies);
        assertThat(report.decisions()).extracting(EscalationDecision::outcome).containsOnly(EscalationOutcome.PLANNED);
        assertThat(priorities()).isEqualTo(before);
    }

    @Test
    void jobsThatVanishMidRunAreSkippedNotFailed() {
        List<SimulatedJob> vanishing = seeded.stream().filter(j -> j.name().startsWith("archive") && expected.get(j.id()).equals("NORMAL"))
                .limit(3).toList();
        vanishing.forEach(j -> appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, j.id().toString(), 1, new Fault.JobVanishes()));

        EscalationReport report = run("direct:escalate");

        assertThat(report.count(EscalationOutcome.SKIPPED_NOT_FOUND)).isEqualTo(3);
        assertThat(report.count(EscalationOutcome.FAILED)).isZero();
        assertThat(report.count(EscalationOutcome.APPLIED)).isEqualTo(expectedModifies - 3);
        assertThat(report.decisions()).filteredOn(d -> d.outcome() == EscalationOutcome.SKIPPED_NOT_FOUND)
                .extracting(EscalationDecision::jobId).containsExactlyInAnyOrderElementsOf(vanishing.stream().map(SimulatedJob::id).toList());
        assertThat(meters.get("blackpearl.escalation.last.success").gauge().value()).isPositive();
    }

    @Test
    void aFailedPutDoesNotStopTheOthersAndIsEscalatedAtTheNextFiring() {
        SimulatedJob unlucky = seeded.stream().filter(j -> expected.get(j.id()).equals("HIGH") && j.priority().equals("LOW")).findFirst().orElseThrow();
        // The first attempt and all 3 retries of the client fail.
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, unlucky.id().toString(), 4,
                new Fault.ErrorResponse(503, "ServiceUnavailable", "busy", 0));

        EscalationReport first;
        try (LogCapture audit = LogCapture.of("io.camelblackpearl.escalation.audit", Level.INFO)) {
            first = run("direct:escalate");
            // The failed decision's audit line names the appliance's id of the refused request, for support.
            assertThat(audit.lines()).filteredOn(l -> l.contains("outcome=FAILED")).singleElement()
                    .satisfies(l -> assertThat(l).contains("job=" + unlucky.id()).containsPattern("\\[request id \\d+\\]"));
        }
        assertThat(first.count(EscalationOutcome.FAILED)).isEqualTo(1);
        assertThat(first.count(EscalationOutcome.APPLIED)).isEqualTo(expectedModifies - 1);
        assertThat(first.succeeded()).isFalse();
        assertThat(current(unlucky).priority()).isEqualTo("LOW");
        assertThat(meters.counter("blackpearl.escalation.runs", "result", "failure").count()).isEqualTo(1);

        appliance().resetRequests();
        EscalationReport second = run("direct:escalate");
        assertThat(appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB)).singleElement()
                .satisfies(r -> assertThat(r.jobId()).isEqualTo(unlucky.id().toString()));
        assertThat(second.count(EscalationOutcome.APPLIED)).isEqualTo(1);
        assertThat(priorities()).isEqualTo(expected);
    }

    @Test
    void aFailedListingFailsTheRunAndSendsNothing() {
        appliance().faults().failNext(Ds3Operation.LIST_ACTIVE_JOBS, 4, 503); // the first attempt and 3 retries
        Exchange exchange = template.request("direct:escalate", e -> { });
        assertThat(exchange.getException()).hasMessageContaining("could not list the active jobs");
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isZero();
    }

    /** Page 1 of 3 arrives, page 2 fails through every retry: nothing is sent, and the run fails saying why. */
    @Test
    void aListingThatFailsPartWaySendsNothing() {
        appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, 1, new Fault.Delay(Duration.ZERO));
        appliance().faults().failNext(Ds3Operation.LIST_ACTIVE_JOBS, 10, 503);
        Exchange exchange = template.request("direct:escalate", e -> { });
        assertThat(exchange.getException()).hasMessageContaining("could not list the active jobs")
                .hasMessageContaining("GET /_rest_/active_job failed with HTTP 503")
                .hasMessageContaining("gave up after 4 attempts: 503, 503, 503, 503");
        assertThat(appliance().requests(Ds3Operation.LIST_ACTIVE_JOBS)).extracting("status").containsExactly(200, 503, 503, 503, 503);
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isZero();
    }

    /**
     * Parallel modifies change nothing but the speed: the same jobs end at the same priorities, the decisions
     * come in the planned order (URGENT first, then oldest first) as the dry run lists them, and no more than
     * `parallelism` modifies are ever in flight at the appliance.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "parallelism {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 16})
    void parallelModifiesKeepTheSemantics(int parallelism) {
        List<UUID> planned = run("direct:dryRun").decisions().stream().map(EscalationDecision::jobId).toList();
        appliance().resetRequests();
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 1.0, new Fault.Delay(Duration.ofMillis(2)));

        EscalationReport report = run("direct:parallelism-" + parallelism);

        assertThat(priorities()).isEqualTo(expected);
        assertThat(report.count(EscalationOutcome.APPLIED)).isEqualTo(expectedModifies);
        assertThat(report.decisions()).extracting(EscalationDecision::jobId).containsExactlyElementsOf(planned);
        int concurrent = appliance().maxConcurrentRequests();
        if (parallelism == 1) {
            assertThat(concurrent).isEqualTo(1);
        } else {
            assertThat(concurrent).as("modifies in flight at once").isBetween(2, parallelism);
        }
    }
}
