package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.escalation.PolicyException;
import io.camelblackpearl.escalation.PolicyFile;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.ExpressionIllegalSyntaxException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Rule conditions are Camel Simple predicates over the job, checked at load and safe at run time. */
class SimpleConditionsTest {

    private static ActiveJob job(String name, long size) {
        return new ActiveJob(false, UUID.randomUUID(), 0, "NONE", 0, Instant.now(), true, null, UUID.randomUUID(), false, false,
                false, name, size, Priority.LOW, false, null, false, JobRequestType.PUT, "NO", false, false, UUID.randomUUID(), false);
    }

    @Test
    void evaluatesOgnlOverTheJobRecord() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Predicate<ActiveJob> big = SimpleConditions.compiler(context).compile("${body.originalSizeInBytes} > 1000000000");
            assertThat(big.test(job("a", 2_000_000_000L))).isTrue();
            assertThat(big.test(job("a", 5))).isFalse();
            Predicate<ActiveJob> named = SimpleConditions.compiler(context).compile("${body.name} starts with 'nightly-'");
            assertThat(named.test(job("nightly-db", 1))).isTrue();
        }
    }

    @Test
    void aMisspeltPropertyFailsAtLoad() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            // Camel's own errors, naming what is wrong: not whatever exception happens to escape (an NPE would pass isNotNull)
            assertThatThrownBy(() -> SimpleConditions.compiler(context).compile("${body.originalSize} > 1"))
                    .isInstanceOf(RuntimeCamelException.class)
                    .hasStackTraceContaining("originalSize");
            assertThatThrownBy(() -> SimpleConditions.compiler(context).compile("${body.name} =="))
                    .isInstanceOf(ExpressionIllegalSyntaxException.class)
                    .hasMessageContaining("${body.name} ==");
        }
    }

    @Test
    void aPolicyWithABadSimpleConditionIsRefusedNamingRuleAndField() throws Exception {
        String policy = """
                rules:
                  - id: big
                    match: { condition: "${body.originalSizeInBytez} > 1" }
                    ladder: [ { after: 1h, priority: HIGH } ]
                """;
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> PolicyFile.parse(policy, "policy.yaml", SimpleConditions.compiler(context)))
                    .isInstanceOf(PolicyException.class)
                    .hasMessageContainingAll("policy.yaml", "rule 'big'", "field 'match.condition'", "originalSizeInBytez");
        }
    }

    @Test
    void aConditionThatThrowsOnOneJobDoesNotMatchItInsteadOfFailing() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Predicate<ActiveJob> condition = SimpleConditions.compiler(context).compile("${body.name.substring(4)} == 'le'");
            assertThat(condition.test(job("abc", 1))).isFalse();
            assertThat(condition.test(job("sample", 1))).isTrue();
        }
    }
}
