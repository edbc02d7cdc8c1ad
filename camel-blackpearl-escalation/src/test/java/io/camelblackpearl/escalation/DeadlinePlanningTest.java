package io.camelblackpearl.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Deadlines: projections at the appliance's measured rate, raises to the lowest priority that meets the deadline
 * with the margin, the URGENT budget, and jobs that cannot make it.
 */
class DeadlinePlanningTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final EscalationPlanner PLANNER = new EscalationPlanner();
    /** 1 GB/s: a job's bytes in GB are its seconds. */
    private static final double RATE = 1e9;
    private static final long GB = 1_000_000_000L;

    private static final String POLICY = """
            maxUrgentJobs: 1
            deadlineMargin: 10%
            rules:
              - id: named
                match: { name: "*due=*" }
                deadlineFromName: true
              - id: restores
                match: { requestType: GET }
                deadline: 2h
            """;

    private static ActiveJob job(String name, JobRequestType type, Priority priority, Duration age, long gb) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        return new ActiveJob(false, id, 0, "NONE", 0, NOW.minus(age), true, null, id, false, false, false, name, gb * GB, priority,
                false, null, false, type, "NO", false, false, id, false);
    }

    private static EscalationPlanner.Plan plan(List<ActiveJob> jobs, String policy) {
        return PLANNER.plan(jobs, PolicyFile.parse(policy, "test", PolicyFile.NO_CONDITIONS), NOW, RATE);
    }

    private static List<ActiveJob> backlog() {
        List<ActiveJob> jobs = new ArrayList<>();
        // an hour of NORMAL work and half an hour of HIGH work ahead of everything new
        jobs.add(job("archive-normal", JobRequestType.PUT, Priority.NORMAL, Duration.ofHours(5), 3600));
        jobs.add(job("archive-high", JobRequestType.PUT, Priority.HIGH, Duration.ofHours(5), 1800));
        return jobs;
    }

    @Test
    void aJobProjectedToMissIsRaisedToTheLowestPriorityThatMeetsItsDeadline() {
        List<ActiveJob> jobs = backlog();
        // at NORMAL: 1800 + 3600 + 600 s = 1h40m, after its deadline in 1h; at HIGH: 1800 + 600 s = 40m, in time
        jobs.add(job("restore-7 due=2026-12-03T13:00Z", JobRequestType.GET, Priority.NORMAL, Duration.ofMinutes(1), 600));
        EscalationPlanner.Plan plan = plan(jobs, POLICY);
        assertThat(plan.decisions()).singleElement().satisfies(d -> {
            assertThat(d.to()).isEqualTo(Priority.HIGH);
            assertThat(d.ruleId()).isEqualTo("named");
            assertThat(d.deadline()).isEqualTo(Instant.parse("2026-12-03T13:00:00Z"));
            assertThat(d.projectedFinish()).isEqualTo(NOW.plusSeconds(2400));
            assertThat(d.slack()).isEqualTo(Duration.ofMinutes(20));
            assertThat(d.reason()).contains("projected to finish 2026-12-03T12:40:00Z at HIGH");
        });
        assertThat(plan.deadlineJobs()).isEqualTo(1);
        assertThat(plan.atRisk()).isZero();
    }

    @Test
    void aJobThatMakesItAtItsPriorityIsLeftAlone() {
        List<ActiveJob> jobs = backlog();
        jobs.add(job("restore-8 due=2026-12-03T14:00Z", JobRequestType.GET, Priority.NORMAL, Duration.ofMinutes(1), 600));
        assertThat(plan(jobs, POLICY).decisions()).isEmpty();
    }

    @Test
    void aRuleDeadlineCountsFromTheJobsCreation() {
        List<ActiveJob> jobs = backlog();
        // created 1h30m ago with a 2h deadline: 30 minutes left, 1h40m of work ahead at NORMAL, 40m at HIGH, 10m at URGENT
        jobs.add(job("restore-9", JobRequestType.GET, Priority.NORMAL, Duration.ofMinutes(90), 600));
        assertThat(plan(jobs, POLICY).decisions()).singleElement()
                .satisfies(d -> assertThat(d.to()).isEqualTo(Priority.URGENT));
    }

    @Test
    void aJobThatCannotMakeItEvenAtUrgentIsReportedAndNotRaisedUnlessThePolicySaysSo() {
        List<ActiveJob> jobs = backlog();
        jobs.add(job("restore-10 due=2026-12-03T12:05Z", JobRequestType.GET, Priority.NORMAL, Duration.ofMinutes(1), 600));
        EscalationPlanner.Plan plan = plan(jobs, POLICY);
        assertThat(plan.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(EscalationOutcome.SKIPPED_DEADLINE_UNREACHABLE);
            assertThat(d.toSend()).isFalse();
            assertThat(d.projectedFinish()).isEqualTo(NOW.plusSeconds(600));
        });
        assertThat(plan.atRisk()).isEqualTo(1);
        EscalationPlanner.Plan raised = plan(jobs, "raiseUnreachable: true\n" + POLICY);
        assertThat(raised.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(EscalationOutcome.PLANNED);
            assertThat(d.to()).isEqualTo(Priority.URGENT);
        });
    }

    @Test
    void urgentGoesToTheEarliestDeadlineWithinMaxUrgentJobs() {
        List<ActiveJob> jobs = backlog();
        jobs.add(job("restore-a due=2026-12-03T12:20Z", JobRequestType.GET, Priority.NORMAL, Duration.ofMinutes(2), 300));
        jobs.add(job("restore-b due=2026-12-03T12:15Z", JobRequestType.GET, Priority.NORMAL, Duration.ofMinutes(1), 300));
        EscalationPlanner.Plan plan = plan(jobs, POLICY);
        assertThat(plan.decisions()).extracting(EscalationDecision::jobName, EscalationDecision::to, EscalationDecision::outcome)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("restore-b due=2026-12-03T12:15Z", Priority.URGENT, EscalationOutcome.PLANNED),
                        Tuple.tuple("restore-a due=2026-12-03T12:20Z", Priority.URGENT,
                                EscalationOutcome.SKIPPED_DEADLINE_UNREACHABLE));
        assertThat(plan.decisions()).filteredOn(d -> d.jobName().startsWith("restore-a")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("even at HIGH (URGENT is full)"));
        assertThat(plan.atRisk()).as("restore-a is late even at HIGH, with URGENT full").isEqualTo(1);
    }

    @Test
    void withoutAMeasuredRateNoDeadlineRaisesAJob() {
        List<ActiveJob> jobs = backlog();
        jobs.add(job("restore-7 due=2026-12-03T13:00Z", JobRequestType.GET, Priority.NORMAL, Duration.ofMinutes(1), 600));
        assertThat(PLANNER.plan(jobs, PolicyFile.parse(POLICY, "test", PolicyFile.NO_CONDITIONS), NOW, Double.NaN).decisions()).isEmpty();
    }

    @Test
    void aDeadlineInTheNameIsAnIsoTimeWithItsOffset() {
        assertThat(EscalationRule.dueInName("restore-1 due=2026-12-03T18:00Z")).contains(Instant.parse("2026-12-03T18:00:00Z"));
        assertThat(EscalationRule.dueInName("restore-1_due=2026-12-03T19:00:30+01:00 (finance)"))
                .contains(Instant.parse("2026-12-03T18:00:30Z"));
        assertThat(EscalationRule.dueInName("restore-1 due=tomorrow")).isEmpty();
        assertThat(EscalationRule.dueInName("overdue=2026-12-03T18:00Z")).isEmpty();
        assertThat(EscalationRule.dueInName(null)).isEmpty();
    }

    @Test
    void badDeadlineSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> PolicyFile.parse("rules: [{id: r, deadline: soon}]", "p.yaml", PolicyFile.NO_CONDITIONS))
                .hasMessageContaining("rule 'r', field 'deadline'").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> PolicyFile.parse("deadlineMargin: lots\nrules: [{id: r, deadline: 6h}]", "p.yaml", PolicyFile.NO_CONDITIONS))
                .hasMessageContaining("field 'deadlineMargin'").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> PolicyFile.parse("rules: [{id: r, deadlineFromName: maybe}]", "p.yaml", PolicyFile.NO_CONDITIONS))
                .hasMessageContaining("rule 'r', field 'deadlineFromName'");
        assertThatThrownBy(() -> PolicyFile.parse("rules: [{id: r}]", "p.yaml", PolicyFile.NO_CONDITIONS))
                .hasMessageContaining("field 'ladder'").hasMessageContaining("(or a deadline)");
        EscalationPolicy ok = PolicyFile.parse("deadlineMargin: 30m\nrules: [{id: r, deadline: 6h}]", "p.yaml", PolicyFile.NO_CONDITIONS);
        assertThat(ok.deadlineMargin().fixed()).isEqualTo(Duration.ofMinutes(30));
        assertThat(ok.rules().get(0).ceiling()).as("a deadline may need URGENT").isEqualTo(Priority.URGENT);
        assertThat(ok.hasDeadlines()).isTrue();
    }
}
