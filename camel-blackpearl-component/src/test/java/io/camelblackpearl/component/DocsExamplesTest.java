package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.simulator.SimulatedJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** The YAML DSL examples of docs/component.md load as written and do what the docs say. */
class DocsExamplesTest extends BlackPearlTestSupport {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

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
            // The audit example polls every five minutes; here once is enough.
            blocks.add(m.group(1).replace("timer:audit?period=5m", "timer:audit?repeatCount=1"));
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < blocks.size(); i++) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("example-" + i + ".yaml", blocks.get(i)));
        }
        context.start();

        SimulatedJob job = seedJob("restore-7", "LOW", Duration.ofHours(2));
        Exchange status = template.request("direct:status", e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(status.getMessage().getBody(ActiveJob.class).name()).isEqualTo("restore-7");

        template.sendBodyAndHeader("direct:cancel", null, BlackPearlConstants.JOB_ID, job.id().toString());
        assertThat(current(job).status()).isEqualTo("CANCELED");
    }
}
