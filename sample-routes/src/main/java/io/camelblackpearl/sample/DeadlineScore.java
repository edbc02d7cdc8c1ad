package io.camelblackpearl.sample;

import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.escalation.EscalationRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The demo's last line: of the jobs that carry a deadline in their name ({@code due=…}), how many completed in
 * time, how many missed it (completed late, or still running past it) and how many are not yet due. Read from the
 * appliance over the DS3 API (its completed-job and active-job lists, at its own time), not from the escalation's
 * own records.
 */
final class DeadlineScore {

    record Score(int met, int missed, int pending, List<String> missedNames) {
        String line() {
            return String.format("Deadlines: %d met, %d missed, %d not yet due (of %d jobs with a deadline in their name)%s",
                    met, missed, pending, met + missed + pending,
                    missedNames.isEmpty() ? "" : "; missed: " + String.join(", ", missedNames.subList(0, Math.min(5, missedNames.size())))
                            + (missedNames.size() > 5 ? ", …" : ""));
        }
    }

    private DeadlineScore() {
    }

    @SuppressWarnings("unchecked")
    static Score read(CamelContext context) {
        try (ProducerTemplate template = context.createProducerTemplate()) {
            List<CompletedJob> completed = template.requestBody("blackpearl:completedJob?operation=list", null, List.class);
            Exchange active = template.request("blackpearl:activeJob?operation=list", e -> { });
            if (active.getException() != null) {
                throw active.getException();
            }
            Instant now = active.getMessage().getHeader(BlackPearlConstants.APPLIANCE_DATE, Instant.class);
            return score(completed, active.getMessage().getBody(List.class), now == null ? Instant.now() : now);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the completed and active jobs: " + e.getMessage(), e);
        }
    }

    static Score score(List<CompletedJob> completed, List<ActiveJob> active, Instant now) {
        int met = 0;
        int pending = 0;
        List<String> missed = new ArrayList<>();
        for (CompletedJob job : completed) {
            Optional<Instant> due = EscalationRule.dueInName(job.name());
            if (due.isPresent()) {
                if (job.finishedAt() != null && !job.finishedAt().isAfter(due.get())) {
                    met++;
                } else {
                    missed.add(job.name());
                }
            }
        }
        for (ActiveJob job : active) {
            Optional<Instant> due = EscalationRule.dueInName(job.name());
            if (due.isPresent()) {
                if (due.get().isBefore(now)) {
                    missed.add(job.name());
                } else {
                    pending++;
                }
            }
        }
        return new Score(met, missed.size(), pending, missed);
    }
}
