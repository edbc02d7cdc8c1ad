package io.camelblackpearl.sample;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The second route of the sample: {@code from("blackpearl:activeJob")} logs a line per job event and times
 * each job from creation to completion (see {@link JobEventLine}). Its poll delay, the events it reports and
 * an optional state file (so a restart misses and repeats nothing) are the {@code escalation.events.*}
 * settings; {@code escalation.events.enabled=false} leaves the route out.
 */
public class JobEventRoutes extends RouteBuilder {

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
        if (settings.events().stateFile() != null) {
            bindToRegistry("jobEventState", FileStateRepository.fileStateRepository(new File(settings.events().stateFile())));
            uri.append("&stateRepository=#jobEventState");
        }
        from(uri.toString()).routeId("job-events")
                .process(new JobEventLine(ledger, getContext().getRegistry().findSingleByType(MeterRegistry.class)));
    }
}
