package io.camelblackpearl.sample;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.main.MainSupport;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Lets {@code maxRuns} escalation runs through (0: no limit) and stops the application when the last
 * one is done, so a demo terminates by itself. Placed first in the route: a firing that arrives while
 * the application is shutting down does nothing.
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
