package io.camelblackpearl.benchmarks;

import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.JobListFilter;
import io.camelblackpearl.ds3.JobListing;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationPlanner;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.PolicyFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6: listing and planning 10,000 and 100,000 active jobs (simulator CLI in its own process): time and
 * retained heap should grow linearly with the number of jobs.
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.ScaleHarness
 *      blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar [small large]</pre>
 */
public final class ScaleHarness {

    private static final String POLICY = """
            maxEscalationsPerRun: 1000000
            maxUrgentJobs: 100
            rules:
              - id: restores
                match: { requestType: GET, name: "restore-*" }
                ladder: [ { after: 30m, priority: NORMAL }, { after: 2h, priority: HIGH }, { after: 6h, priority: URGENT } ]
              - id: default
                ladder: [ { after: 4h, priority: NORMAL }, { after: 24h, priority: HIGH } ]
            """;

    private ScaleHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path cli = Path.of(args.length > 0 ? args[0] : "blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar");
        EscalationPolicy policy = PolicyFile.parse(POLICY, "scale", PolicyFile.NO_CONDITIONS);
        int[] sizes = args.length > 2 ? new int[] {Integer.parseInt(args[1]), Integer.parseInt(args[2])} : new int[] {10_000, 100_000};
        for (int jobs : sizes) {
            Process simulator = SimulatorProcess.start(cli, "c2NhbGU=", "scale-secret", "--jobs", Integer.toString(jobs),
                    "--min-age", "1m", "--max-age", "3d");
            try (HttpDs3Client client = new HttpDs3Client(Ds3ClientSettings.of(SimulatorProcess.endpoint(simulator),
                    new Ds3Credentials("c2NhbGU=", "scale-secret")))) {
                long bestList = Long.MAX_VALUE;
                long bestPlan = Long.MAX_VALUE;
                long retained = 0;
                for (int round = 0; round < 4; round++) {
                    long before = usedAfterGc();
                    long t0 = System.nanoTime();
                    JobListing<ActiveJob> listing = client.listActiveJobs(JobListFilter.ALL, 1000);
                    long t1 = System.nanoTime();
                    List<EscalationDecision> plan = new EscalationPlanner().plan(listing.jobs(), policy, Instant.now(), Double.NaN).decisions();
                    long t2 = System.nanoTime();
                    retained = usedAfterGc() - before;
                    if (listing.jobs().size() != jobs || plan.isEmpty()) {
                        throw new IllegalStateException("listed " + listing.jobs().size() + " of " + jobs);
                    }
                    bestList = Math.min(bestList, t1 - t0);
                    bestPlan = Math.min(bestPlan, t2 - t1);
                }
                System.out.printf("%,7d jobs: listing %,6.0f ms, planning %,5.0f ms (best of 4), listing retained %,d KB (%.2f KB/job)%n",
                        jobs, bestList / 1e6, bestPlan / 1e6, retained >> 10, retained / 1024.0 / jobs);
            } finally {
                simulator.destroy();
                simulator.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Heap in use after a full collection; the listing and plan of the round are still referenced. */
    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
