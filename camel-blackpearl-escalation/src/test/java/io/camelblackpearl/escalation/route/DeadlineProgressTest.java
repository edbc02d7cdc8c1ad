package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.BlackPearlTestSupport;
import io.camelblackpearl.escalation.EscalationOutcome;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.EscalationReport;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.ManualClock;
import io.camelblackpearl.simulator.SimulatedJob;
import io.camelblackpearl.simulator.work.Arrivals;
import io.camelblackpearl.simulator.work.WorkModel;
import io.camelblackpearl.simulator.work.WorkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress history outlives its process: a run that starts on another node (sharing the cluster's state), or
 * after a restart (with a progress file), continues the measured rate instead of starting over, so its very first
 * run can already raise a job projected to miss its deadline. The appliance is a simulator doing its work on a
 * clock the test moves; its answers' Date (the appliance's time) is what the escalation goes by.
 */
class DeadlineProgressTest {

    private static final String POLICY = """
            rules:
              - id: named-deadlines
                match: { name: "*due=*" }
                deadlineFromName: true
            """;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private Ds3Simulator simulator;
    private SimulatedJob restore;

    @BeforeEach
    void appliance() {
        // The appliance's time is the test's to move; requests stay signed by the wall clock.
        simulator = Ds3Simulator.builder().clock(clock).clockSkewTolerance(Duration.ofDays(3)).build().start();
        WorkSettings oneDrive = new WorkSettings(1, WorkSettings.GB, 64 * WorkSettings.GB, 2 * WorkSettings.TB, 0.15);
        simulator.appliance().workModel(new WorkModel(oneDrive, Arrivals.NONE, clock.millis()));
        Instant now = clock.instant();
        simulator.appliance().put(SimulatedJob.builder(UUID.randomUUID()).name("archive-big").requestType("PUT").priority("NORMAL")
                .createdAt(now.minusSeconds(60)).originalSizeInBytes(30 * WorkSettings.TB).build());
        restore = SimulatedJob.builder(UUID.randomUUID()).requestType("GET").priority("NORMAL").createdAt(now)
                .name("restore-1 due=" + now.plus(Duration.ofHours(2))).originalSizeInBytes(60 * WorkSettings.GB).build();
        simulator.appliance().put(restore);
    }

    @AfterEach
    void close() {
        simulator.close();
    }

    private EscalationReport runOn(CamelContext context, EscalationProcessor processor) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        processor.process(exchange);
        return exchange.getMessage().getBody(EscalationReport.class);
    }

    private EscalationProcessor processor(CamelContext context, StateRepository<String, String> shared, String progressFile) {
        EscalationPolicy policy = PolicyFile.parse(POLICY, "test", PolicyFile.NO_CONDITIONS);
        EscalationProcessor processor = new EscalationProcessor(policy);
        processor.setCamelContext(context);
        if (shared != null) {
            context.getRegistry().bind("clusterState", shared);
            processor.setClusterState("clusterState");
        }
        processor.setProgressFile(progressFile);
        return processor;
    }

    private CamelContext context() throws Exception {
        CamelContext context = BlackPearlTestSupport.contextFor(simulator.endpoint(), simulator.accessKey(), simulator.secretKey());
        context.start();
        return context;
    }

    @Test
    void anotherNodeContinuesTheClustersProgressHistory() throws Exception {
        StateRepository<String, String> shared = new MemoryStateRepository();
        try (CamelContext first = context(); CamelContext second = context(); CamelContext alone = context()) {
            EscalationReport before = runOn(first, processor(first, shared, null));
            assertThat(before.deadlineJobs()).isEqualTo(1);
            assertThat(before.decisions()).as("one look measures no rate yet").isEmpty();
            clock.advance(Duration.ofMinutes(10));

            EscalationReport fresh = runOn(alone, processor(alone, null, null));
            assertThat(fresh.decisions()).as("a node without the cluster's history knows no rate yet").isEmpty();
            EscalationReport next = runOn(second, processor(second, shared, null));
            assertThat(next.decisions()).as("the other node's first run continues the history").singleElement().satisfies(d -> {
                assertThat(d.jobId()).isEqualTo(restore.id());
                assertThat(d.to()).hasToString("HIGH");
                assertThat(d.outcome()).isEqualTo(EscalationOutcome.APPLIED);
                assertThat(d.projectedFinish()).as("on the appliance's clock").isBefore(d.deadline()).isAfter(clock.instant());
            });
            assertThat(simulator.appliance().job(restore.id()).orElseThrow().priority()).isEqualTo("HIGH");
            assertThat(next.applianceTime()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
            assertThat(next.toTable()).as("the appliance is ten minutes ahead of this host")
                    .contains("on the appliance's clock: ", "1 job with a deadline, 0 projected to miss", "DEADLINE", "SLACK");
        }
    }

    @Test
    void aProgressFileThatCannotBeWrittenStopsTheStartNamingIt() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        String file = notADirectory.resolve("progress.state").toString();
        try (CamelContext context = context()) {
            EscalationProcessor processor = processor(context, null, file);
            Assertions.assertThatThrownBy(processor::start)
                    .hasMessageContaining("Invalid progressFile: '" + file + "'");
        }
    }

    @Test
    void aRestartContinuesFromTheProgressFile() throws Exception {
        String file = dir.resolve("progress.state").toString();
        try (CamelContext before = context()) {
            EscalationProcessor processor = processor(before, null, file);
            processor.start();
            assertThat(runOn(before, processor).decisions()).isEmpty();
            processor.stop();
        }
        clock.advance(Duration.ofMinutes(10));
        try (CamelContext after = context()) {
            EscalationProcessor processor = processor(after, null, file);
            processor.start();
            assertThat(runOn(after, processor).decisions()).singleElement()
                    .satisfies(d -> assertThat(d.outcome()).isEqualTo(EscalationOutcome.APPLIED));
            assertThat(processor.getApplianceRate()).as("1 GB/s, measured across the restart").isBetween(0.9e9, 1.1e9);
            processor.stop();
        }
    }
}
