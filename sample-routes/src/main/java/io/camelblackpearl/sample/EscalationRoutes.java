package io.camelblackpearl.sample;

import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.component.EscalationProcessor;
import io.camelblackpearl.component.SimpleConditions;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.PolicyFile;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ResourceHelper;

/**
 * The sample's routes in Java DSL: the Quartz-triggered escalation (unless {@code escalation.dsl=yaml},
 * which uses routes/escalation.yaml instead) and {@code direct:escalateNow}, which raises one job named by
 * the {@code CamelBlackPearlJobId} and {@code CamelBlackPearlPriority} headers for callers inside this JVM
 * (a {@code ProducerTemplate}, another route). It also loads the escalation policy, so a bad policy
 * stops the application at start-up.
 */
public class EscalationRoutes extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        SampleSettings settings = getContext().getRegistry().lookupByNameAndType("sampleSettings", SampleSettings.class);
        EscalationPolicy policy = loadPolicy(settings.policyFile());
        bindToRegistry("escalationProcessor", new EscalationProcessor(policy));
        bindToRegistry("printEscalationReport", new PrintEscalationReport());
        bindToRegistry("escalationRunLimit", new RunLimit(settings.maxRuns()));
        if (getContext().getRegistry().lookupByName("escalationLedger") == null) {
            bindToRegistry("escalationLedger", new EscalationLedger());
        }

        if (settings.dsl().equals("java")) {
            // RAW(): a cron expression has spaces, which must reach Quartz unencoded. stateful: one run at a time;
            // recoverableJob: a slot whose node died is run again (in a cluster); misfire 2 (do nothing): after a
            // stop, the next slot runs, not a catch-up of every missed one.
            from("quartz:blackpearl/escalation?cron=RAW(" + settings.cron() + ")&stateful=true&recoverableJob=true"
                    + "&trigger.misfireInstruction=2").routeId("escalation")
                    .process("escalationRunLimit")
                    .process("escalationProcessor")
                    .process("escalationLedger")
                    .process("printEscalationReport");
        }

        from("direct:escalateNow").routeId("escalate-now")
                .to("blackpearl:activeJob?includeObjects=false")
                .log("job ${header." + BlackPearlConstants.JOB_ID + "} is now ${header." + BlackPearlConstants.PRIORITY + "}");
    }

    /** {@code classpath:…} or a file path; the policy is validated here, conditions compiled as Camel Simple. */
    private EscalationPolicy loadPolicy(String location) throws Exception {
        PolicyFile.ConditionCompiler conditions = SimpleConditions.compiler(getContext());
        if (location.startsWith("classpath:")) {
            try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(getContext(), location)) {
                return PolicyFile.parse(in, location, conditions);
            }
        }
        return PolicyFile.load(Path.of(location), conditions);
    }
}
