package io.camelblackpearl.escalation.route;

import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationReport;
import java.util.List;
import java.util.Map;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code blackpearl-escalation} developer console: each escalation of the context (its policy, schedule,
 * node, health inputs) and its last runs with their decisions, newest first. Next to the component's
 * {@code blackpearl} console, which knows nothing of the escalation (the layers point one way).
 */
@org.apache.camel.spi.annotations.DevConsole(name = "blackpearl-escalation", displayName = "BlackPearl escalation",
                                            description = "Escalation runs and their decisions")
public class EscalationDevConsole extends AbstractDevConsole {

    public EscalationDevConsole() {
        super("camel", "blackpearl-escalation", "BlackPearl escalation", "Escalation runs and their decisions");
    }

    private List<EscalationProcessor> escalations() {
        EscalationProcessor.Running running = getCamelContext().getRegistry()
                .lookupByNameAndType(EscalationProcessor.Running.REGISTRY_NAME, EscalationProcessor.Running.class);
        return running == null ? List.of() : running.all();
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (EscalationProcessor escalation : escalations()) {
            text.append("Escalation ").append(escalation.getPolicyFile() == null ? "(policy object)" : escalation.getPolicyFile())
                    .append(" on node ").append(escalation.getNodeId())
                    .append(escalation.getPolicy().dryRun() ? ", DRY RUN" : "")
                    .append(", last success ").append(escalation.getLastSuccess() == null ? "none yet" : escalation.getLastSuccess())
                    .append(escalation.getLastFailure() == null ? "" : ", last failure: " + escalation.getLastFailure()).append('\n');
            for (EscalationReport report : escalation.getRecentReports()) {
                text.append("  ").append(report.summaryLine()).append('\n');
                for (EscalationDecision d : report.decisions()) {
                    text.append("    ").append(d.jobName()).append(' ').append(d.from()).append(" -> ").append(d.to())
                            .append(" rule ").append(d.ruleId()).append(' ').append(d.outcome()).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray list = new JsonArray();
        for (EscalationProcessor escalation : escalations()) {
            JsonObject json = new JsonObject();
            json.put("policyFile", escalation.getPolicyFile());
            json.put("node", escalation.getNodeId());
            json.put("dryRun", escalation.getPolicy().dryRun());
            json.put("clustered", escalation.isClustered());
            json.put("lastSuccess", escalation.getLastSuccess() == null ? null : escalation.getLastSuccess().toString());
            json.put("lastFailure", escalation.getLastFailure());
            JsonArray runs = new JsonArray();
            for (EscalationReport report : escalation.getRecentReports()) {
                JsonObject run = new JsonObject();
                run.put("summary", report.summaryLine());
                run.put("fire", String.valueOf(report.fire()));
                JsonArray decisions = new JsonArray();
                for (EscalationDecision d : report.decisions()) {
                    JsonObject decision = new JsonObject();
                    decision.put("job", String.valueOf(d.jobId()));
                    decision.put("name", d.jobName());
                    decision.put("from", String.valueOf(d.from()));
                    decision.put("to", String.valueOf(d.to()));
                    decision.put("rule", d.ruleId());
                    decision.put("outcome", d.outcome().name());
                    decision.put("reason", d.reason());
                    decisions.add(decision);
                }
                run.put("decisions", decisions);
                runs.add(run);
            }
            json.put("runs", runs);
            list.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("escalations", list);
        return root;
    }
}
