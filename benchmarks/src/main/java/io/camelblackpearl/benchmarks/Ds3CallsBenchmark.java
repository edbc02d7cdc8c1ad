package io.camelblackpearl.benchmarks;

import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.JobListFilter;
import io.camelblackpearl.ds3.JobListing;
import io.camelblackpearl.ds3.JobModification;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.MasterObjectList;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Round trips over loopback to the simulator: Modify Active Job through the DS3 client and through the
 * Camel producer (so the component's own cost shows as the difference), and listing 2,500 jobs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ds3CallsBenchmark {

    private Ds3Simulator simulator;
    private HttpDs3Client client;
    private CamelContext camel;
    private ProducerTemplate template;
    private String jobId;

    @Setup(Level.Trial)
    public void start() throws Exception {
        simulator = Ds3Simulator.builder().requestLogCapacity(1000).build().start().seed(SeedPlan.jobs(2500));
        jobId = simulator.appliance().activeJobs().get(0).id().toString();
        client = new HttpDs3Client(Ds3ClientSettings.of(simulator.endpoint(),
                new Ds3Credentials(simulator.accessKey(), simulator.secretKey())));
        camel = new DefaultCamelContext();
        BlackPearlComponent component = camel.getComponent("blackpearl", BlackPearlComponent.class);
        component.getConfiguration().setEndpoint(simulator.endpoint());
        component.getConfiguration().setAccessKey(simulator.accessKey());
        component.getConfiguration().setSecretKey(simulator.secretKey());
        camel.start();
        template = camel.createProducerTemplate();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        camel.close();
        client.close();
        simulator.close();
    }

    @Benchmark
    public MasterObjectList modifyActiveJobWithTheClient() {
        return client.modifyActiveJob(jobId, JobModification.ofPriority(Priority.HIGH), false).body();
    }

    @Benchmark
    public Object modifyActiveJobThroughTheCamelProducer() {
        return template.requestBodyAndHeader("blackpearl:activeJob?priority=HIGH&includeObjects=false", null,
                BlackPearlConstants.JOB_ID, jobId);
    }

    @Benchmark
    public JobListing<ActiveJob> listAllOf2500ActiveJobs() {
        return client.listActiveJobs(JobListFilter.ALL, 1000);
    }
}
