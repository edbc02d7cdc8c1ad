package io.camelblackpearl.sample;

import io.camelblackpearl.cluster.ClusterPollScheduler;
import io.camelblackpearl.cluster.CronSchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The second route of the sample: {@code from("blackpearl:activeJob")} logs a line per job event and times
 * each job from creation to completion (see {@link JobEventLine}). Its poll delay, the events it reports and
 * an optional state file (so a restart misses and repeats nothing) are the {@code escalation.events.*}
 * settings; {@code escalation.events.enabled=false} leaves the route out. In a cluster one node polls at a
 * time, on the clustered Quartz schedule, with its state in the cluster's database (docs/clustering.md).
 */
public class JobEventRoutes extends RouteBuilder {

    /** The registry name of the cluster's shared state, bound in clustered mode only. */
    static final String CLUSTER_STATE = "blackpearlClusterState";

    @Override
    public void configure() throws Exception {
        SampleSettings settings = getContext().getRegistry().lookupByNameAndType("sampleSettings", SampleSettings.class);
        if (!settings.events().enabled()) {
            return;
        }
        EscalationLedger ledger = getContext().getRegistry().lookupByNameAndType("escalationLedger", EscalationLedger.class);
        if (ledger == null) {
            ledger = new EscalationLedger();
            bindToRegistry("escalationLedger", ledger);
        }
        StringBuilder uri = new StringBuilder("blackpearl:activeJob?delay=").append(settings.events().delay().toMillis())
                .append("&events=").append(settings.events().types());
        Object clusterState = getContext().getRegistry().lookupByName(CLUSTER_STATE);
        if (clusterState != null) {
            // One node polls at a time, on the clustered Quartz schedule; the watermark lives in the cluster's database.
            if (settings.events().stateFile() != null) {
                throw SampleSettings.invalid(SampleSettings.EVENTS_STATE_FILE, settings.events().stateFile(),
                        "in a cluster the job events' state lives in the cluster's database; remove this setting");
            }
            String cron;
            try {
                cron = CronSchedule.every(SampleSettings.EVENTS_DELAY, settings.events().delay());
            } catch (IllegalArgumentException e) {
                throw SampleSettings.invalid(SampleSettings.EVENTS_DELAY, settings.events().delayText(),
                        "in a cluster the polls follow a clock-aligned schedule: " + CronSchedule.EVERY_RULE);
            }
            bindToRegistry("jobEventScheduler", new ClusterPollScheduler("job-events", cron));
            uri.append("&scheduler=#jobEventScheduler&stateRepository=#").append(CLUSTER_STATE);
        } else if (settings.events().stateFile() != null) {
            bindToRegistry("jobEventState", FileStateRepository.fileStateRepository(new File(settings.events().stateFile())));
            uri.append("&stateRepository=#jobEventState");
        }
        from(uri.toString()).routeId("job-events")
                .process(new JobEventLine(ledger, getContext().getRegistry().findSingleByType(MeterRegistry.class)));
    }
}
