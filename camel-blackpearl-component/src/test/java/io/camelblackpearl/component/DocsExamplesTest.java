package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.SimulatedJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML DSL examples of docs/component.md load as written and do what the docs say. */
class DocsExamplesTest extends BlackPearlTestSupport {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void yamlExamplesRun() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "component.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(docs);
        while (m.find()) {
            // The audit example fires every five minutes; here once (a Quartz simple trigger) is enough.
            blocks.add(m.group(1).replace("cron: \"0 */5 * * * ?\"", "trigger.repeatCount: 0")
                    .replace("blackpearl:activeJob?delay=1m", "blackpearl:activeJob?delay=100&initialDelay=0")
                    .replace("'data/job-events.state'", "'" + dir.resolve("job-events.state") + "'"));
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < blocks.size(); i++) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("example-" + i + ".yaml", blocks.get(i)));
        }
        context.start();
        // The restore-alerts consumer has taken its first snapshot once it listed the canceled jobs.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (appliance().count(Ds3Operation.LIST_CANCELED_JOBS) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        NotifyBuilder restoreEnded = new NotifyBuilder(context).fromRoute("restore-alerts").whenDone(1).create();

        SimulatedJob job = seedJob("restore-7", "LOW", Duration.ofHours(2));
        appliance().update(job.id(), j -> j.toBuilder().requestType("GET").build());
        Exchange status = template.request("direct:status", e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(status.getMessage().getBody(ActiveJob.class).name()).isEqualTo("restore-7");

        template.sendBodyAndHeader("direct:cancel", null, BlackPearlConstants.JOB_ID, job.id().toString());
        assertThat(current(job).status()).isEqualTo("CANCELED");
        assertThat(restoreEnded.matches(10, TimeUnit.SECONDS))
                .as("the YAML consumer reported the canceled restore").isTrue();
        assertThat(Files.readString(dir.resolve("job-events.state"))).as("its state in the file the bean names").isNotBlank();
    }
}
