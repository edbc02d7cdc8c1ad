package io.camelblackpearl.benchmarks.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.escalation.DeadlineMargin;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.escalation.route.SimpleConditions;
import io.camelblackpearl.simulator.work.Arrival;
import io.camelblackpearl.simulator.work.Arrivals;
import io.camelblackpearl.simulator.work.WorkSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The outcome benchmark on one workload: the oracle is a bound, the EDF relaxation schedules as EDF does. */
class OutcomeBenchmarkTest {

    @Test
    void onOneWorkloadTheOracleMissesNoMoreThanAnyPolicyAndDeadlinesBeatNoEscalation() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            EscalationPolicy ladder = PolicyFile.load(Path.of("../sample-routes/src/main/resources/escalation-policy.yaml"),
                    SimpleConditions.compiler(camel));
            EscalationPolicy deadline = PolicyFile.load(Path.of("../sample-routes/src/main/resources/deadline-policy.yaml"),
                    SimpleConditions.compiler(camel));
            OutcomeBenchmark.Point point = OutcomeBenchmark.point(WorkSettings.DEFAULTS, 0.9, 3, OutcomeBenchmark.MIXED, ladder, deadline,
                    OutcomeBenchmark.withDeadlineCeiling(deadline, Priority.URGENT, deadline.deadlineMargin()),
                    OutcomeBenchmark.withDeadlineCeiling(deadline, Priority.URGENT, new DeadlineMargin(0, null)), true);
            Outcome oracle = point.outcomes().get(OutcomeBenchmark.ORACLE);
            assertThat(point.outcomes()).hasSize(5).allSatisfy((name, outcome) -> {
                assertThat(oracle.misses()).as("oracle against %s", name).isLessThanOrEqualTo(outcome.misses());
                assertThat(outcome.mostUrgent()).as(name).isLessThanOrEqualTo(deadline.maxUrgentJobs());
                assertThat(outcome.deadlineJobs()).isEqualTo(oracle.deadlineJobs()).isPositive();
            });
            Outcome none = point.outcomes().get("no escalation");
            assertThat(none.misses()).as("the workload is one where deadlines are missed without escalation").isPositive();
            assertThat(point.outcomes().get(OutcomeBenchmark.DEADLINE).misses()).isLessThan(none.misses());
            assertThat(none.changes()).isZero();
            assertThat(none.urgentJobHours()).isZero();
        }
    }

    @Test
    void theRelaxationRunsTheEarliestDeadlineFirstAndPreemptsForIt() {
        // 1 byte a millisecond. A: 100 bytes from 0, due 150. B: 20 bytes from 10, due 40 (preempts A). C: 50 from 20, due 60.
        Arrivals arrivals = Arrivals.of(List.of(
                new Arrival(0, new UUID(0, 1), "a due=1970-01-01T00:00:00.150Z", "PUT", 100, "NORMAL", "b", "u"),
                new Arrival(10, new UUID(0, 2), "b due=1970-01-01T00:00:00.040Z", "GET", 20, "NORMAL", "b", "u"),
                new Arrival(20, new UUID(0, 3), "c due=1970-01-01T00:00:00.060Z", "GET", 50, "NORMAL", "b", "u"),
                new Arrival(25, new UUID(0, 4), "no deadline", "GET", 1000, "NORMAL", "b", "u")));
        EdfRelaxation.Result result = EdfRelaxation.run(arrivals, 1000);
        // B done at 30, C at 80 (late by 20 ms), A at 170 (late by 20 ms): the job without a deadline is left out.
        assertThat(result.misses()).isEqualTo(2);
        assertThat(result.missedBytes()).isEqualTo(150);
    }
}
