package io.camelblackpearl.benchmarks;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationPlanner;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.PolicyFile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Deciding one run over N active jobs with a three-rule policy (no HTTP). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EscalationPlannerBenchmark {

    @Param({"10000"})
    public int jobs;

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final EscalationPlanner planner = new EscalationPlanner();
    private EscalationPolicy policy;
    private List<ActiveJob> active;

    @Setup
    public void setUp() {
        policy = PolicyFile.parse("""
                maxEscalationsPerRun: 1000
                rules:
                  - id: restores
                    match: { requestType: GET, name: "restore-*", priority: [LOW, NORMAL] }
                    ladder: [ { after: 30m, priority: NORMAL }, { after: 2h, priority: HIGH }, { after: 6h, priority: URGENT } ]
                  - id: nightly
                    match: { name: "regex:nightly-(db|mail)-\\\\d+" }
                    ladder: [ { after: 8h, priority: HIGH } ]
                  - id: default
                    ladder: [ { after: 4h, priority: NORMAL }, { after: 24h, priority: HIGH } ]
                """, "benchmark", PolicyFile.NO_CONDITIONS);
        Random random = new Random(1);
        JobRequestType[] types = JobRequestType.values();
        Priority[] priorities = {Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT};
        active = new ArrayList<>(jobs);
        for (int i = 0; i < jobs; i++) {
            JobRequestType type = types[random.nextInt(types.length)];
            String name = (type == JobRequestType.GET ? "restore-" : "archive-") + i;
            active.add(new ActiveJob(false, UUID.randomUUID(), 0, "NONE", 0,
                    NOW.minus(Duration.ofMinutes(random.nextInt(4 * 24 * 60))), true, null, UUID.randomUUID(), false, false,
                    false, name, 1_000_000, priorities[random.nextInt(priorities.length)], false, null, false, type, "NO",
                    false, false, UUID.randomUUID(), false));
        }
    }

    @Benchmark
    public List<EscalationDecision> plan() {
        return planner.plan(active, policy, NOW, Double.NaN).decisions();
    }
}
