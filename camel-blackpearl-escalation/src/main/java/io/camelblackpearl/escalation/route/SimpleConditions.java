package io.camelblackpearl.escalation.route;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.escalation.PolicyFile;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.spi.Language;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the {@code condition} of an escalation rule as a Camel Simple predicate over the job (the job
 * is the message body, so {@code ${body.originalSizeInBytes} > 1000000000} works). Each condition is
 * tried once on a sample job at load time, so a misspelt property fails at start-up, not at 3 a.m.
 */
public final class SimpleConditions {

    private static final Logger LOG = LoggerFactory.getLogger(SimpleConditions.class);

    private static final ActiveJob SAMPLE = new ActiveJob(false, UUID.randomUUID(), 0, "NONE", 0, Instant.EPOCH, true, null,
            UUID.randomUUID(), false, false, false, "sample", 0, Priority.NORMAL, false, null,
            false, JobRequestType.PUT, "NO", false, false, UUID.randomUUID(), false);

    private SimpleConditions() {
    }

    public static PolicyFile.ConditionCompiler compiler(CamelContext context) {
        Language simple = context.resolveLanguage("simple");
        return text -> {
            Predicate predicate = simple.createPredicate(text);
            predicate.init(context);
            java.util.function.Predicate<ActiveJob> condition = job -> {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(job);
                return predicate.matches(exchange);
            };
            condition.test(SAMPLE);
            // At run time one odd job must not stop the escalation of all the others.
            return job -> {
                try {
                    return condition.test(job);
                } catch (RuntimeException e) {
                    LOG.warn("Condition '{}' failed on job {}; the rule does not apply to it in this run: {}",
                            text, job.id(), e.getMessage());
                    return false;
                }
            };
        };
    }
}
