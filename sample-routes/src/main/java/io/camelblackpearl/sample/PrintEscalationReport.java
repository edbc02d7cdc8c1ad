package io.camelblackpearl.sample;

import io.camelblackpearl.escalation.EscalationReport;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Prints each run's decisions as a table on the console, then the run's summary audit line (node, slot,
 * counts): what the operator running the sample watches.
 */
public class PrintEscalationReport implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        EscalationReport report = exchange.getMessage().getMandatoryBody(EscalationReport.class);
        System.out.println();
        System.out.print(report.toTable());
        System.out.println(report.summaryLine());
        System.out.flush();
    }
}
