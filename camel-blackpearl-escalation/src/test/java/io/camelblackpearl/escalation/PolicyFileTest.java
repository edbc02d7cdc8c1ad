package io.camelblackpearl.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy format of the escalation issue, and every way it can be wrong, refused with rule and field. */
class PolicyFileTest {

    /** The policy format exactly as the escalation issue gives it. */
    static final String EXAMPLE = resource("/escalation/example-policy.yaml");

    static String resource(String name) {
        try (InputStream in = PolicyFileTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheDocumentedFormat() {
        EscalationPolicy policy = PolicyFile.parse(EXAMPLE, "example.yaml", PolicyFile.NO_CONDITIONS);
        assertThat(policy.enabled()).isTrue();
        assertThat(policy.dryRun()).isFalse();
        assertThat(policy.maxEscalationsPerRun()).isEqualTo(100);
        assertThat(policy.maxUrgentJobs()).isEqualTo(10);
        assertThat(policy.rules()).extracting(EscalationRule::id).containsExactly("restores", "default");
        EscalationRule restores = policy.rules().get(0);
        assertThat(restores.match().requestType()).isEqualTo(JobRequestType.GET);
        assertThat(restores.match().priorities()).isEqualTo(Set.of(Priority.LOW, Priority.NORMAL));
        assertThat(restores.match().name().matcher("restore-00042").matches()).isTrue();
        assertThat(restores.match().name().matcher("archive-00042").matches()).isFalse();
        assertThat(restores.ladder()).containsExactly(new LadderStep(Duration.ofMinutes(30), Priority.NORMAL),
                new LadderStep(Duration.ofHours(2), Priority.HIGH), new LadderStep(Duration.ofHours(6), Priority.URGENT));
        assertThat(restores.ceiling()).isEqualTo(Priority.URGENT);
        assertThat(policy.rules().get(1).ceiling()).as("default ceiling: the top step").isEqualTo(Priority.HIGH);
        assertThat(policy.rules().get(1).match()).isEqualTo(JobSelector.ANY);
    }

    @Test
    void theDocumentedExamplesAreValidPolicies() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "escalation.md"));
        Matcher blocks = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(docs);
        assertThat(blocks.find()).isTrue();
        EscalationPolicy format = PolicyFile.parse(blocks.group(1), "docs/escalation.md", condition -> job -> true);
        assertThat(format.rules()).extracting(EscalationRule::id).containsExactly("restores", "default");
        StringBuilder examples = new StringBuilder();
        EscalationPolicy deadlines = null;
        while (blocks.find()) {
            String block = blocks.group(1);
            if (block.startsWith("deadlineMargin:")) {
                deadlines = PolicyFile.parse(block, "docs/escalation.md", condition -> job -> true);
            } else if (block.contains("ladder:") && !block.contains("- route:")) {
                examples.append(block.startsWith("rules:") ? block.substring("rules:\n".length()) : block);
            }
        }
        EscalationPolicy all = PolicyFile.parse("rules:\n" + examples, "docs/escalation.md", condition -> job -> true);
        assertThat(all.rules()).extracting(EscalationRule::id)
                .containsExactly("restores", "big-archives", "finance-sla", "nightly", "default");
        assertThat(deadlines).as("the Deadlines example").isNotNull();
        assertThat(deadlines.deadlineMargin().share()).isEqualTo(0.25);
        assertThat(deadlines.rules()).extracting(EscalationRule::id, EscalationRule::deadlineFromName, EscalationRule::deadline,
                EscalationRule::ceiling).containsExactly(
                Tuple.tuple("named-deadlines", true, null, Priority.HIGH),
                Tuple.tuple("restores", false, Duration.ofHours(6), Priority.URGENT));
    }

    @Test
    void defaultsWhenGuardsAreLeftOut() {
        EscalationPolicy policy = PolicyFile.parse("rules: [ { id: a, ladder: [ { after: 1h, priority: HIGH } ] } ]", "x", PolicyFile.NO_CONDITIONS);
        assertThat(policy.enabled()).isTrue();
        assertThat(policy.dryRun()).isFalse();
        assertThat(policy.maxEscalationsPerRun()).isEqualTo(100);
        assertThat(policy.maxUrgentJobs()).isEqualTo(10);
    }

    @Test
    void nameIsAGlobOrARegularExpression() {
        assertThat(JobSelector.namePattern("restore-*").matcher("restore-1").matches()).isTrue();
        assertThat(JobSelector.namePattern("job-?").matcher("job-12").matches()).isFalse();
        assertThat(JobSelector.namePattern("a.b*").matcher("axb").matches()).as("dots are literal in globs").isFalse();
        assertThat(JobSelector.namePattern("regex:(restore|verify)-\\d+").matcher("verify-7").matches()).isTrue();
    }

    @Test
    void durationsInEveryAcceptedSpelling() {
        assertThat(PolicyFile.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PolicyFile.parseDuration("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(PolicyFile.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PolicyFile.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(PolicyFile.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    static Stream<Arguments> invalidPolicies() {
        String rule = "rules:\n  - id: r1\n    ladder:\n      - { after: 1h, priority: NORMAL }\n      - { after: 2h, priority: HIGH }\n";
        return Stream.of(
                Arguments.of(rule.replace("NORMAL", "MEDIUM"), List.of("rule 'r1'", "ladder[1].priority", "MEDIUM")),
                Arguments.of(rule.replace("HIGH", "CRITICAL"), List.of("rule 'r1'", "ladder[2].priority", "CRITICAL")),
                Arguments.of(rule.replace("2h", "30m"), List.of("rule 'r1'", "ladder[2].after", "increase in time")),
                Arguments.of(rule.replace("HIGH", "LOW"), List.of("rule 'r1'", "ladder[2].priority", "increase in priority")),
                Arguments.of(rule.replace("HIGH", "NORMAL"), List.of("rule 'r1'", "ladder[2].priority", "increase in priority")),
                Arguments.of(rule + "    ceiling: NORMAL\n", List.of("rule 'r1'", "ceiling", "below the HIGH")),
                Arguments.of(rule + "    ceiling: BACKGROUND\n", List.of("rule 'r1'", "ceiling", "BACKGROUND")),
                Arguments.of(rule.replace("2h", "2 hours"), List.of("rule 'r1'", "ladder[2].after", "bad duration '2 hours'")),
                Arguments.of(rule.replace("1h", "-1h"), List.of("rule 'r1'", "ladder[1].after", "bad duration")),
                Arguments.of(rule + rule.substring("rules:\n".length()), List.of("rule 'r1'", "duplicate rule id")),
                Arguments.of(rule + "    match: { condition: \"${body.name} ==\" }\n", List.of("rule 'r1'", "match.condition")),
                Arguments.of(rule + "    match: { name: \"regex:([a-z\" }\n", List.of("rule 'r1'", "match.name", "regular expression")),
                Arguments.of(rule + "    match: { requestType: DELETE }\n", List.of("rule 'r1'", "match.requestType", "DELETE")),
                Arguments.of(rule + "    match: { bucketId: media }\n", List.of("rule 'r1'", "match.bucketId", "not a UUID")),
                Arguments.of(rule + "    match: { priority: [LOW, SUPER] }\n", List.of("rule 'r1'", "match.priority", "SUPER")),
                Arguments.of(rule + "    match: { reqestType: GET }\n", List.of("rule 'r1'", "match.reqestType", "unknown field")),
                Arguments.of(rule + "    ladders: []\n", List.of("rule 'r1'", "ladders", "unknown field")),
                Arguments.of("maxUrgentJobs: -1\n" + rule, List.of("maxUrgentJobs", "-1")),
                Arguments.of("maxEscalationsPerRun: 0\n" + rule, List.of("maxEscalationsPerRun", "'0'")),
                Arguments.of("parallelism: 0\n" + rule, List.of("parallelism", "'0'")),
                Arguments.of("parallelism: 65\n" + rule, List.of("parallelism", "at most 64", "'65'")),
                Arguments.of("dryRun: maybe\n" + rule, List.of("dryRun", "maybe")),
                Arguments.of("rules: []\n", List.of("rules", "at least one rule")),
                Arguments.of("rules:\n  - ladder: [ { after: 1h, priority: HIGH } ]\n", List.of("rule '#1'", "id")),
                Arguments.of("rules:\n  - id: empty\n", List.of("rule 'empty'", "ladder")),
                Arguments.of("rules: [ {id: x, ladder: [ { after: 1h } ] } ]", List.of("rule 'x'", "ladder[1]", "both")),
                Arguments.of(": : :", List.of("not valid YAML")));
    }

    @ParameterizedTest
    @MethodSource("invalidPolicies")
    void invalidPoliciesAreRefusedNamingRuleAndField(String yaml, List<String> mentions) {
        PolicyFile.ConditionCompiler refuseIncomplete = c -> {
            if (c.endsWith("==")) {
                throw new IllegalArgumentException("incomplete expression");
            }
            return job -> true;
        };
        assertThatThrownBy(() -> PolicyFile.parse(yaml, "policy.yaml", refuseIncomplete))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("Escalation policy policy.yaml")
                .hasMessageContainingAll(mentions.toArray(String[]::new));
    }
}
