package io.camelblackpearl.sample;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.main.MainSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts escalation runs, successful or failed (an unreachable appliance fails the run inside the Kamelet, so
 * the sample's own steps never see it), and after {@code maxRuns} of them (0: no limit) stops the application,
 * so that a demo terminates by itself. A run is one firing of the escalation's Quartz trigger
 * ({@code quartz://blackpearl/escalation}) coming to its end.
 */
public class RunLimit extends EventNotifierSupport {

    private static final String TRIGGER = "quartz://blackpearl/escalation";

    private final int maxRuns;
    private final AtomicInteger runs = new AtomicInteger();

    public RunLimit(int maxRuns) {
        if (maxRuns < 0) {
            throw new IllegalArgumentException("escalation.max-runs must be 0 (run until stopped) or more, was " + maxRuns);
        }
        this.maxRuns = maxRuns;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return maxRuns > 0 && (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent);
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (exchange.getFromEndpoint() == null || !exchange.getFromEndpoint().getEndpointUri().startsWith(TRIGGER)) {
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
}
