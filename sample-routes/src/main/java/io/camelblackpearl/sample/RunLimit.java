package io.camelblackpearl.sample;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.main.MainSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.quartz.SchedulerException;

/**
 * Counts escalation runs, successful or failed (an unreachable appliance fails the run inside the Kamelet, so
 * the sample's own steps never see it), and after {@code maxRuns} of them (0: no limit) stops the application,
 * so that a demo terminates by itself. A run is one firing of the escalation's Quartz trigger
 * ({@code quartz://blackpearl/escalation}) coming to its end. When the last run starts, the Quartz scheduler is put
 * in standby, so that no further firing starts while that run ends and the application stops: on a slow machine
 * a run can last longer than the schedule's period.
 */
public class RunLimit extends EventNotifierSupport {

    private static final String TRIGGER = "quartz://blackpearl/escalation";

    private final int maxRuns;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();

    public RunLimit(int maxRuns) {
        if (maxRuns < 0) {
            throw new IllegalArgumentException("escalation.max-runs must be 0 (run until stopped) or more, was " + maxRuns);
        }
        this.maxRuns = maxRuns;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(false);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return maxRuns > 0 && (event instanceof CamelEvent.ExchangeCreatedEvent || event instanceof CamelEvent.ExchangeCompletedEvent
                || event instanceof CamelEvent.ExchangeFailedEvent);
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (exchange.getFromEndpoint() == null || !exchange.getFromEndpoint().getEndpointUri().startsWith(TRIGGER)) {
            return;
        }
        if (event instanceof CamelEvent.ExchangeCreatedEvent) {
            if (started.incrementAndGet() == maxRuns) {
                standby(exchange.getContext());
            }
            return;
        }
        if (runs.incrementAndGet() == maxRuns) {
            try {
                DeadlineScore.Score score = DeadlineScore.read(exchange.getContext());
                if (score.met() + score.missed() + score.pending() > 0) { // nothing to say where no job has a deadline
                    System.out.println(score.line());
                }
            } catch (RuntimeException e) {
                System.out.println("Deadlines: not counted: " + e.getMessage());
            }
            System.out.println("Stopping after " + maxRuns + " escalation runs (escalation.max-runs).");
            exchange.getContext().getRegistry().lookupByNameAndType("sampleMain", MainSupport.class).completed();
        }
    }

    /** No further firing of this node's triggers: the last run is under way. */
    private static void standby(CamelContext context) {
        try {
            context.getComponent("quartz", QuartzComponent.class).getScheduler().standby();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot stop the escalation's schedule after its last run: " + e.getMessage(), e);
        }
    }
}
