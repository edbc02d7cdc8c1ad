package io.camelblackpearl.sample;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.main.MainSupport;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Counts escalation runs and, after {@code maxRuns} of them (0: no limit), stops the application, so that a
 * demo terminates by itself. The last step of the route: a run that ends while the application is already
 * stopping goes no further.
 */
public class RunLimit implements Processor {

    private final int maxRuns;
    private final AtomicInteger runs = new AtomicInteger();

    public RunLimit(int maxRuns) {
        if (maxRuns < 0) {
            throw new IllegalArgumentException("escalation.max-runs must be 0 (run until stopped) or more, was " + maxRuns);
        }
        this.maxRuns = maxRuns;
    }

    @Override
    public void process(Exchange exchange) {
        if (maxRuns == 0) {
            return;
        }
        int run = runs.incrementAndGet();
        if (run > maxRuns) {
            exchange.setRouteStop(true);
            return;
        }
        if (run == maxRuns) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    System.out.println("Stopping after " + maxRuns + " escalation runs (escalation.max-runs).");
                    done.getContext().getRegistry().lookupByNameAndType("sampleMain", MainSupport.class).completed();
                }
            });
        }
    }
}
