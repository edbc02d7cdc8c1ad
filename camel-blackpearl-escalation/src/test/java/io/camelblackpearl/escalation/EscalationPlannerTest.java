package io.camelblackpearl.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decisions are a pure function of (job, now, policy): a fixed clock makes each rule a table row. */
class EscalationPlannerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final AtNow PLANNER = new AtNow();

    /** The planner at {@link #NOW}, ladders only (no rate measured). */
    private static final class AtNow {
        List<EscalationDecision> plan(List<ActiveJob> jobs, EscalationPolicy policy) {
            return new EscalationPlanner().plan(jobs, policy, NOW, Double.NaN).decisions();
        }
    }
    private static final EscalationPolicy EXAMPLE = PolicyFile.parse(PolicyFileTest.EXAMPLE, "example", PolicyFile.NO_CONDITIONS);

    static ActiveJob job(String name, JobRequestType type, Priority priority, Duration age) {
        return job(name, type, priority, age, 1_000L);
    }

    static ActiveJob job(String name, JobRequestType type, Priority priority, Duration age, long size) {
        UUID id = UUID.nameUUIDFromBytes((name + age).getBytes());
        return new ActiveJob(false, UUID.nameUUIDFromBytes("bucket".getBytes()), 0, "NONE", 0, NOW.minus(age), true, null, id,
                false, false, false, name, size, priority, false, null, false, type, "NO", false, false,
                UUID.nameUUIDFromBytes("user".getBytes()), false);
    }

    @ParameterizedTest(name = "{0} {1} at {2}, {3} old -> {4} by {5}")
    @CsvSource(nullValues = "-", value = {
        // restores climb the restores ladder
        "restore-1, GET,    LOW,    10m,  -,      -",
        "restore-1, GET,    LOW,    30m,  NORMAL, restores",
        "restore-1, GET,    LOW,    3h,   HIGH,   restores",
        "restore-1, GET,    NORMAL, 7h,   URGENT, restores",
        "restore-1, GET,    HIGH,   1h,   -,      -",          // never downgrade: the ladder says NORMAL
        // a HIGH restore is not selected by 'restores' (priority LOW, NORMAL): the default rule applies
        "restore-1, GET,    HIGH,   30h,  -,      -",
        "restore-1, GET,    URGENT, 30h,  -,      -",
        // anything else follows the default ladder
        "archive-1, PUT,    LOW,    3h,   -,      -",
        "archive-1, PUT,    LOW,    5h,   NORMAL, default",
        "archive-1, PUT,    LOW,    2d,   HIGH,   default",
        "archive-1, PUT,    NORMAL, 5h,   -,      -",
        "verify-1,  VERIFY, LOW,    25h,  HIGH,   default",
        // a GET not named restore-* is not a restore
        "fetch-1,   GET,    LOW,    7h,   NORMAL, default",
        // the appliance's own priorities are left alone
        "archive-1, PUT,    BACKGROUND, 9d, -,    -",
        "archive-1, PUT,    CRITICAL,   9d, -,    -",
    })
    void decidesByFirstMatchingRuleAndAgeLadder(String name, JobRequestType type, Priority current, String age,
                                                Priority expected, String rule) {
        List<EscalationDecision> decisions = PLANNER.plan(List.of(job(name, type, current, PolicyFile.parseDuration(age))), EXAMPLE);
        if (expected == null) {
            assertThat(decisions).isEmpty();
        } else {
            assertThat(decisions).singleElement().satisfies(d -> {
                assertThat(d.from()).isEqualTo(current);
                assertThat(d.to()).isEqualTo(expected);
                assertThat(d.ruleId()).isEqualTo(rule);
                assertThat(d.outcome()).isEqualTo(EscalationOutcome.PLANNED);
                assertThat(d.age()).isEqualTo(PolicyFile.parseDuration(age));
            });
        }
    }

    @Test
    void theCeilingCapsTheLadder() {
        EscalationPolicy capped = PolicyFile.parse("""
                rules:
                  - id: capped
                    ladder: [ { after: 1h, priority: NORMAL }, { after: 2h, priority: HIGH } ]
                    ceiling: URGENT
                  """, "x", PolicyFile.NO_CONDITIONS);
        assertThat(capped.rules().get(0).target(Duration.ofDays(9))).contains(Priority.HIGH);
        EscalationRule low = new EscalationRule("low", JobSelector.ANY,
                List.of(new LadderStep(Duration.ofHours(1), Priority.NORMAL), new LadderStep(Duration.ofHours(2), Priority.URGENT)),
                Priority.HIGH);
        assertThat(low.target(Duration.ofHours(3))).contains(Priority.HIGH);
    }

    @Test
    void neverDowngradesWhateverTheLadderSays() {
        List<EscalationDecision> all = new ArrayList<>();
        for (Priority current : List.of(Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW)) {
            for (String age : List.of("1m", "31m", "3h", "7h", "5h", "2d")) {
                List<EscalationDecision> decisions = PLANNER.plan(List.of(
                        job("restore-x", JobRequestType.GET, current, PolicyFile.parseDuration(age)),
                        job("archive-x", JobRequestType.PUT, current, PolicyFile.parseDuration(age))), EXAMPLE);
                if (current == Priority.URGENT) {
                    assertThat(decisions).as("nothing is above URGENT, and nothing is lowered from it (age %s)", age).isEmpty();
                }
                all.addAll(decisions);
            }
        }
        // The loop below must have something to check: low jobs of two days are raised, at least.
        assertThat(all).as("decisions over every priority and age").hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy(d -> assertThat(d.from()).isEqualTo(Priority.LOW));
        for (EscalationDecision d : all) {
            assertThat(d.to().isAbove(d.from())).as("%s -> %s", d.from(), d.to()).isTrue();
            assertThat(d.to().isUserSettable()).isTrue();
        }
    }

    @Test
    void urgentGoesToTheOldestWhileThereIsRoomAndTheOthersGetTheirBestStepBelow() {
        EscalationPolicy policy = new EscalationPolicy(true, false, 100, 3, EXAMPLE.rules());
        List<ActiveJob> jobs = new ArrayList<>();
        jobs.add(job("already-urgent", JobRequestType.PUT, Priority.URGENT, Duration.ofHours(1)));
        for (int i = 1; i <= 5; i++) {
            jobs.add(job("restore-" + i, JobRequestType.GET, i == 5 ? Priority.HIGH : Priority.LOW, Duration.ofHours(6 + i)));
        }
        List<EscalationDecision> decisions = PLANNER.plan(jobs, policy);
        // restore-5 is HIGH and so not selected by the restores rule; restore-1..4 are due for URGENT,
        // and there is room for 2 (3 minus the one already there): the two oldest, restore-4 and restore-3.
        assertThat(decisions).filteredOn(d -> d.to() == Priority.URGENT && d.outcome() == EscalationOutcome.PLANNED)
                .extracting(EscalationDecision::jobName).containsExactly("restore-4", "restore-3");
        assertThat(decisions).filteredOn(d -> d.to() == Priority.HIGH)
                .extracting(EscalationDecision::jobName).containsExactlyInAnyOrder("restore-2", "restore-1");
        assertThat(decisions).filteredOn(d -> d.to() == Priority.HIGH)
                .allSatisfy(d -> assertThat(d.reason()).contains("URGENT is full"));
    }

    @Test
    void aJobWithNothingBelowUrgentAboveItIsSkippedWhenUrgentIsFull() {
        EscalationPolicy policy = new EscalationPolicy(true, false, 100, 0, EXAMPLE.rules());
        List<EscalationDecision> decisions = PLANNER.plan(List.of(
                job("restore-1", JobRequestType.GET, Priority.NORMAL, Duration.ofHours(7))), policy);
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.to()).isEqualTo(Priority.HIGH);
            assertThat(d.outcome()).isEqualTo(EscalationOutcome.PLANNED);
        });
        EscalationRule onlyUrgent = new EscalationRule("u", JobSelector.ANY,
                List.of(new LadderStep(Duration.ofHours(1), Priority.URGENT)), Priority.URGENT);
        assertThat(PLANNER.plan(List.of(job("a", JobRequestType.PUT, Priority.HIGH, Duration.ofHours(2))),
                new EscalationPolicy(true, false, 100, 0, List.of(onlyUrgent))))
                .singleElement().extracting(EscalationDecision::outcome).isEqualTo(EscalationOutcome.SKIPPED_URGENT_CAP);
    }

    @Test
    void maxEscalationsPerRunKeepsTheMostUrgentAndOldestAndSkipsTheRest() {
        EscalationPolicy policy = new EscalationPolicy(true, false, 2, 10, EXAMPLE.rules());
        List<EscalationDecision> decisions = PLANNER.plan(List.of(
                job("archive-1", JobRequestType.PUT, Priority.LOW, Duration.ofHours(5)),
                job("archive-2", JobRequestType.PUT, Priority.LOW, Duration.ofHours(6)),
                job("restore-3", JobRequestType.GET, Priority.LOW, Duration.ofHours(7))), policy);
        assertThat(decisions).filteredOn(d -> d.outcome() == EscalationOutcome.PLANNED)
                .extracting(EscalationDecision::jobName).containsExactly("restore-3", "archive-2");
        assertThat(decisions).filteredOn(d -> d.outcome() == EscalationOutcome.SKIPPED_RUN_LIMIT)
                .extracting(EscalationDecision::jobName).containsExactly("archive-1");
    }

    @Test
    void theKillSwitchDecidesNothing() {
        EscalationPolicy off = new EscalationPolicy(false, false, 100, 10, EXAMPLE.rules());
        assertThat(PLANNER.plan(List.of(job("restore-1", JobRequestType.GET, Priority.LOW, Duration.ofDays(3))), off)).isEmpty();
    }

    @Test
    void conditionsSelectJobs() {
        EscalationRule big = new EscalationRule("big", new JobSelector(null, null, null, null, null, null,
                j -> j.originalSizeInBytes() > 1_000_000_000L, "size > 1e9"),
                List.of(new LadderStep(Duration.ZERO, Priority.HIGH)), Priority.HIGH);
        EscalationPolicy policy = new EscalationPolicy(true, false, 100, 10, List.of(big));
        List<EscalationDecision> decisions = PLANNER.plan(List.of(
                job("small", JobRequestType.PUT, Priority.LOW, Duration.ofMinutes(1), 10),
                job("large", JobRequestType.PUT, Priority.LOW, Duration.ofMinutes(1), 5_000_000_000L)), policy);
        assertThat(decisions).extracting(EscalationDecision::jobName).containsExactly("large");
    }

    @Test
    void ageIsPrintedAsOperatorsReadIt() {
        assertThat(EscalationPlanner.format(Duration.ofMinutes(130))).isEqualTo("2h10m");
        assertThat(EscalationPlanner.format(Duration.ofHours(76))).isEqualTo("3d4h");
        assertThat(EscalationPlanner.format(Duration.ofSeconds(95))).isEqualTo("1m35s");
        assertThat(EscalationPlanner.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(EscalationPlanner.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(EscalationPlanner.format(Duration.ofDays(2))).isEqualTo("2d");
        assertThat(EscalationPlanner.format(Duration.ofSeconds(7))).isEqualTo("7s");
        assertThat(EscalationPlanner.format(Duration.ofMinutes(125))).isEqualTo("2h05m");
        assertThat(EscalationPlanner.format(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(EscalationPlanner.format(Duration.ofSeconds(3599))).isEqualTo("59m59s");
        assertThat(EscalationPlanner.format(Duration.ofSeconds(-65))).isEqualTo("-1m05s");
    }
}
