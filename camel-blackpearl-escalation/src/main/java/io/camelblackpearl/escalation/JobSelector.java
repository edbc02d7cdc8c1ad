package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which jobs a rule applies to. Every criterion that is set must match; an unset one matches all.
 *
 * @param requestType   PUT, GET or VERIFY
 * @param name          a compiled glob or regular expression over the whole job name
 * @param nameSource    the name pattern as written, for audit and messages
 * @param bucketId      the job's bucket
 * @param userId        the job's owner
 * @param priorities    the current priorities the rule applies to
 * @param condition     a predicate over the job (a compiled Camel Simple condition)
 * @param conditionSource the condition as written
 */
public record JobSelector(
        JobRequestType requestType,
        Pattern name,
        String nameSource,
        UUID bucketId,
        UUID userId,
        Set<Priority> priorities,
        Predicate<ActiveJob> condition,
        String conditionSource) {

    public static final JobSelector ANY = new JobSelector(null, null, null, null, null, Set.of(), null, null);

    public JobSelector {
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
    }

    public boolean matches(ActiveJob job) {
        return (requestType == null || requestType == job.requestType())
                && (name == null || (job.name() != null && name.matcher(job.name()).matches()))
                && (bucketId == null || bucketId.equals(job.bucketId()))
                && (userId == null || userId.equals(job.userId()))
                && (priorities.isEmpty() || priorities.contains(job.priority()))
                && (condition == null || condition.test(job));
    }

    /**
     * A name pattern: {@code regex:} followed by a regular expression, or else a glob where {@code *}
     * matches any run of characters and {@code ?} any one.
     */
    public static Pattern namePattern(String source) {
        if (source.startsWith("regex:")) {
            return Pattern.compile(source.substring("regex:".length()));
        }
        StringBuilder regex = new StringBuilder();
        for (char c : source.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
