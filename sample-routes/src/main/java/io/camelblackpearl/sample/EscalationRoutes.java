package io.camelblackpearl.sample;

import io.camelblackpearl.component.BlackPearlConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The sample's routes in Java DSL: the escalation, which is the Kamelet {@code blackpearl-escalation} on the
 * sample's cron and policy followed by the sample's own steps (unless {@code escalation.dsl=yaml}, which uses
 * routes/escalation.yaml instead, the same route in YAML), and {@code direct:escalateNow}, which raises one
 * job named by the {@code CamelBlackPearlJobId} and {@code CamelBlackPearlPriority} headers for callers inside
 * this JVM (a {@code ProducerTemplate}, another route).
 */
public class EscalationRoutes extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        SampleSettings settings = getContext().getRegistry().lookupByNameAndType("sampleSettings", SampleSettings.class);
        bindToRegistry("printEscalationReport", new PrintEscalationReport());
        getContext().getManagementStrategy().addEventNotifier(new RunLimit(settings.maxRuns()));
        if (getContext().getRegistry().lookupByName("escalationLedger") == null) {
            bindToRegistry("escalationLedger", new EscalationLedger());
        }

        if (settings.dsl().equals("java")) {
            // The Kamelet's parameters are the sample's settings (SampleStartup puts the cluster's in place);
            // RAW(): a cron has spaces and a policy path may have any character.
            from("kamelet:blackpearl-escalation?cron=RAW({{escalation.cron}})&policyFile=RAW({{escalation.policy-file}})"
                    + "&healthPeriods={{escalation.health-periods}}&nodeId={{?escalation.node-id}}"
                    + "&clusterState={{?escalation.cluster-state}}&progressFile=RAW({{?escalation.progress-file}})").routeId("escalation")
                    .process("escalationLedger")
                    .process("printEscalationReport");
        }

        from("direct:escalateNow").routeId("escalate-now")
                .to("blackpearl:activeJob?includeObjects=false")
                .log("job ${header." + BlackPearlConstants.JOB_ID + "} is now ${header." + BlackPearlConstants.PRIORITY + "}");
    }
}
