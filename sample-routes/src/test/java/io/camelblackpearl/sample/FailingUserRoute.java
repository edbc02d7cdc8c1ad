package io.camelblackpearl.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's own job-event route in the YAML DSL, as the jar tests load it into the packaged application: its
 * downstream fails the first delivery of each ending of a job whose name ends in an even digit (Camel's default
 * error handler does not handle it), a redelivery goes through and logs {@code delivered NAME EVENT}.
 */
final class FailingUserRoute {

    private static final Pattern DELIVERED = Pattern.compile("delivered (\\S+) (COMPLETED|CANCELED)");

    private FailingUserRoute() {
    }

    /** The route {@code my-job-events} on {@code blackpearl:activeJob} with these parameters (YAML lines, 8 spaces in). */
    static String yaml(String parameters) {
        return """
                - route:
                    id: my-job-events
                    from:
                      uri: blackpearl:activeJob
                      parameters:
                %s
                      steps:
                        - choice:
                            when:
                              - simple: "${header.CamelRedelivered} != true && ${header.CamelBlackPearlJobName} regex '.*[02468]'"
                                steps:
                                  - throwException:
                                      exceptionType: java.lang.IllegalStateException
                                      message: "the ticket system is down"
                        - log:
                            message: "delivered ${header.CamelBlackPearlJobName} ${header.CamelBlackPearlEvent}"
                            loggingLevel: WARN
                """.formatted(parameters.stripTrailing());
    }

    /** What the route delivered, in the order of the output, as "name EVENT". */
    static List<String> delivered(String output) {
        List<String> delivered = new ArrayList<>();
        Matcher m = DELIVERED.matcher(output);
        while (m.find()) {
            delivered.add(m.group(1) + " " + m.group(2));
        }
        return delivered;
    }
}
