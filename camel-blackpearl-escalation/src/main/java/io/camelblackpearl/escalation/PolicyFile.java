package io.camelblackpearl.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.support.Durations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an escalation policy from YAML and validates all of it before anything runs. Every message
 * names the file, the rule and the field: unknown keys, unknown priorities, ladders that do not rise in
 * both age and priority, a ceiling below a step, bad durations, bad patterns, bad conditions and
 * duplicate ids are all refused.
 */
public final class PolicyFile {

    /** Turns a condition (Camel Simple, in practice) into a predicate; throws with the reason when invalid. */
    @FunctionalInterface
    public interface ConditionCompiler {
        Predicate<ActiveJob> compile(String condition);
    }

    /** For use without Camel: any condition is refused. */
    public static final ConditionCompiler NO_CONDITIONS = condition -> {
        throw new IllegalArgumentException("conditions need a Camel context to compile");
    };

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> POLICY_KEYS = Set.of("enabled", "dryRun", "maxEscalationsPerRun", "maxUrgentJobs", "parallelism", "rules",
            "deadlineMargin", "raiseUnreachable");
    private static final Set<String> RULE_KEYS = Set.of("id", "match", "ladder", "ceiling", "deadline", "deadlineFromName");
    private static final Set<String> MATCH_KEYS = Set.of("requestType", "name", "bucketId", "userId", "priority", "condition");
    private static final Set<String> STEP_KEYS = Set.of("after", "priority");

    private final String source;
    private final ConditionCompiler conditions;

    private PolicyFile(String source, ConditionCompiler conditions) {
        this.source = source;
        this.conditions = conditions;
    }

    public static EscalationPolicy load(Path file, ConditionCompiler conditions) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), conditions);
        } catch (IOException e) {
            throw new PolicyException("Escalation policy " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static EscalationPolicy parse(InputStream yaml, String source, ConditionCompiler conditions) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new PolicyException("Escalation policy " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        return new PolicyFile(source, conditions).policy(root);
    }

    public static EscalationPolicy parse(String yaml, String source, ConditionCompiler conditions) {
        return parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), source, conditions);
    }

    private EscalationPolicy policy(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fail(null, null, "the document must be a mapping with a 'rules' list");
        }
        onlyKeys(root, POLICY_KEYS, null, null);
        boolean enabled = bool(root, "enabled", true);
        boolean dryRun = bool(root, "dryRun", false);
        int maxEscalations = integer(root, "maxEscalationsPerRun", EscalationPolicy.DEFAULT_MAX_ESCALATIONS_PER_RUN, 1);
        int maxUrgent = integer(root, "maxUrgentJobs", EscalationPolicy.DEFAULT_MAX_URGENT_JOBS, 0);
        int parallelism = integer(root, "parallelism", EscalationPolicy.DEFAULT_PARALLELISM, 1);
        if (parallelism > EscalationPolicy.MAX_PARALLELISM) {
            throw fail(null, "parallelism", "expected at most " + EscalationPolicy.MAX_PARALLELISM + ", was '" + parallelism + "'");
        }
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw fail(null, "rules", "there must be at least one rule");
        }
        List<EscalationRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            EscalationRule rule = rule(rulesNode.get(i), i);
            if (!ids.add(rule.id())) {
                throw fail(rule.id(), "id", "duplicate rule id '" + rule.id() + "'");
            }
            rules.add(rule);
        }
        DeadlineMargin margin = DeadlineMargin.DEFAULT;
        if (root.hasNonNull("deadlineMargin")) {
            String text = root.get("deadlineMargin").asText();
            try {
                margin = DeadlineMargin.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail(null, "deadlineMargin", "expected a share such as 25% or a duration such as 30m, was '" + text + "'");
            }
        }
        boolean raiseUnreachable = bool(root, "raiseUnreachable", false);
        return new EscalationPolicy(enabled, dryRun, maxEscalations, maxUrgent, parallelism, rules, margin, raiseUnreachable);
    }

    private EscalationRule rule(JsonNode node, int index) {
        if (node == null || !node.isObject()) {
            throw fail("#" + (index + 1), null, "a rule must be a mapping with id and ladder");
        }
        JsonNode idNode = node.get("id");
        String id = idNode == null || !idNode.isValueNode() || idNode.asText().isBlank() ? null : idNode.asText();
        if (id == null) {
            throw fail("#" + (index + 1), "id", "every rule needs an id");
        }
        onlyKeys(node, RULE_KEYS, id, null);
        JobSelector match = selector(node.get("match"), id);
        Duration deadline = null;
        if (node.hasNonNull("deadline")) {
            deadline = duration(node.get("deadline").asText(), id, "deadline");
            if (deadline.isZero() || deadline.isNegative()) {
                throw fail(id, "deadline", "a deadline must be a positive duration after the job's creation, was '"
                        + node.get("deadline").asText() + "'");
            }
        }
        boolean fromName = bool(node, "deadlineFromName", false, id);
        boolean deadlines = deadline != null || fromName;
        List<LadderStep> ladder = deadlines && !node.has("ladder") ? List.of() : ladder(node.get("ladder"), id);
        // A deadline may need URGENT; a ladder alone stops at its last step unless a ceiling says otherwise.
        Priority ceiling = deadlines || ladder.isEmpty() ? Priority.URGENT : ladder.get(ladder.size() - 1).priority();
        if (node.hasNonNull("ceiling")) {
            ceiling = settablePriority(node.get("ceiling").asText(), id, "ceiling");
            for (int i = 0; i < ladder.size(); i++) {
                if (ladder.get(i).priority().isAbove(ceiling)) {
                    throw fail(id, "ceiling", "ceiling " + ceiling + " is below the " + ladder.get(i).priority()
                            + " of ladder step " + (i + 1));
                }
            }
        }
        return new EscalationRule(id, match, ladder, ceiling, deadline, fromName);
    }

    private JobSelector selector(JsonNode node, String id) {
        if (node == null || node.isNull()) {
            return JobSelector.ANY;
        }
        if (!node.isObject()) {
            throw fail(id, "match", "must be a mapping");
        }
        onlyKeys(node, MATCH_KEYS, id, "match.");
        JobRequestType requestType = null;
        if (node.hasNonNull("requestType")) {
            String value = node.get("requestType").asText().trim().toUpperCase(Locale.ROOT);
            try {
                requestType = JobRequestType.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw fail(id, "match.requestType", "unknown request type '" + node.get("requestType").asText()
                        + "'; expected PUT, GET or VERIFY");
            }
        }
        Pattern name = null;
        String nameSource = null;
        if (node.hasNonNull("name")) {
            nameSource = node.get("name").asText();
            try {
                name = JobSelector.namePattern(nameSource);
            } catch (PatternSyntaxException e) {
                throw fail(id, "match.name", "bad regular expression '" + nameSource + "': " + e.getDescription());
            }
        }
        UUID bucketId = uuid(node, "bucketId", id);
        UUID userId = uuid(node, "userId", id);
        Set<Priority> priorities = new LinkedHashSet<>();
        JsonNode priorityNode = node.get("priority");
        if (priorityNode != null && !priorityNode.isNull()) {
            Iterator<JsonNode> values = priorityNode.isArray() ? priorityNode.elements() : List.of(priorityNode).iterator();
            while (values.hasNext()) {
                priorities.add(priority(values.next().asText(), id, "match.priority"));
            }
        }
        Predicate<ActiveJob> condition = null;
        String conditionSource = null;
        if (node.hasNonNull("condition")) {
            conditionSource = node.get("condition").asText();
            try {
                condition = conditions.compile(conditionSource);
            } catch (RuntimeException e) {
                throw fail(id, "match.condition", "bad condition '" + conditionSource + "': " + e.getMessage());
            }
        }
        return new JobSelector(requestType, name, nameSource, bucketId, userId, priorities, condition, conditionSource);
    }

    private List<LadderStep> ladder(JsonNode node, String id) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw fail(id, "ladder", "there must be at least one step { after: <age>, priority: <priority> } (or a deadline)");
        }
        List<LadderStep> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode step = node.get(i);
            String field = "ladder[" + (i + 1) + "]";
            if (!step.isObject()) {
                throw fail(id, field, "a step must be { after: <age>, priority: <priority> }");
            }
            onlyKeys(step, STEP_KEYS, id, field + ".");
            if (!step.hasNonNull("after") || !step.hasNonNull("priority")) {
                throw fail(id, field, "a step needs both after and priority");
            }
            Duration after = duration(step.get("after").asText(), id, field + ".after");
            Priority priority = settablePriority(step.get("priority").asText(), id, field + ".priority");
            if (!steps.isEmpty()) {
                LadderStep previous = steps.get(steps.size() - 1);
                if (after.compareTo(previous.after()) <= 0) {
                    throw fail(id, field + ".after", "ladder must increase in time: " + step.get("after").asText()
                            + " is not after the previous step's " + PolicyFile.print(previous.after()));
                }
                if (!priority.isAbove(previous.priority())) {
                    throw fail(id, field + ".priority", "ladder must increase in priority: " + priority
                            + " is not above the previous step's " + previous.priority());
                }
            }
            steps.add(new LadderStep(after, priority));
        }
        return steps;
    }

    // ---- scalars ----------------------------------------------------------------------------------

    private Priority priority(String value, String id, String field) {
        try {
            return Priority.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(id, field, "unknown priority '" + value + "'; expected URGENT, HIGH, NORMAL or LOW");
        }
    }

    private Priority settablePriority(String value, String id, String field) {
        Priority priority = priority(value, id, field);
        if (!priority.isUserSettable()) {
            throw fail(id, field, priority + " is reserved for the appliance; escalation never sets CRITICAL or BACKGROUND");
        }
        return priority;
    }

    private UUID uuid(JsonNode node, String key, String id) {
        if (!node.hasNonNull(key)) {
            return null;
        }
        try {
            return UUID.fromString(node.get(key).asText().trim());
        } catch (IllegalArgumentException e) {
            throw fail(id, "match." + key, "'" + node.get(key).asText() + "' is not a UUID");
        }
    }

    private Duration duration(String value, String id, String field) {
        try {
            return parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw fail(id, field, "bad duration '" + value + "'; use e.g. 45m, 2h, 1d, 1h30m or ISO-8601 PT2H (" + e.getMessage() + ")");
        }
    }

    /** The product's duration syntax ({@link Durations}): {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, {@code 1h30m}, {@code PT2H}. */
    public static Duration parseDuration(String value) {
        return Durations.parse(value);
    }

    static String print(Duration d) {
        return EscalationPlanner.format(d);
    }

    private boolean bool(JsonNode node, String key, boolean defaultValue) {
        return bool(node, key, defaultValue, null);
    }

    private boolean bool(JsonNode node, String key, boolean defaultValue, String ruleId) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        throw fail(ruleId, key, "expected true or false, was '" + value.asText() + "'");
    }

    private int integer(JsonNode node, String key, int defaultValue, int min) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min) {
            throw fail(null, key, "expected a whole number of at least " + min + ", was '" + value.asText() + "'");
        }
        return value.intValue();
    }

    private void onlyKeys(JsonNode node, Set<String> allowed, String id, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw fail(id, (prefix == null ? "" : prefix) + name, "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private PolicyException fail(String ruleId, String field, String message) {
        StringBuilder s = new StringBuilder("Escalation policy ").append(source);
        if (ruleId != null) {
            s.append(", rule '").append(ruleId).append('\'');
        }
        if (field != null) {
            s.append(", field '").append(field).append('\'');
        }
        return new PolicyException(s.append(": ").append(message).toString());
    }
}
