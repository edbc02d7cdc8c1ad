package io.camelblackpearl.escalation.route;

import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationOutcome;
import io.camelblackpearl.escalation.EscalationPlanner;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.EscalationReport;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.escalation.ProgressHistory;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One escalation run per message: lists every active job through {@code blackpearl:activeJob?operation=list},
 * plans with the {@link EscalationPolicy}, modifies each chosen job through {@code blackpearl:activeJob}
 * (unless dry run), audits every decision and leaves an {@link EscalationReport} in the body.
 * <p>
 * A job that vanished before its modify (404) is SKIPPED_NOT_FOUND; any other failed modify is FAILED and
 * does not stop the others. Nothing is remembered between runs: the next run lists again and re-decides,
 * so a failed modify is retried then. A failed listing fails the exchange.
 * <p>
 * A bean with properties, so that a Kamelet, a route template or Spring can build it: {@code policyFile}
 * (or {@code policy}), {@code cron} (the schedule it runs on, for its health check), {@code dryRun},
 * {@code parallelism}, {@code healthPeriods}, {@code nodeId}, {@code clusterState} and {@code endpointUri}.
 * The Kamelet {@code blackpearl-escalation} (docs/escalation.md) is the usual way to run it.
 */
public class EscalationProcessor extends ServiceSupport implements Processor, CamelContextAware {

    /** One structured line per decision; route it to its own appender to keep an audit trail. */
    private static final Logger AUDIT = LoggerFactory.getLogger("io.camelblackpearl.escalation.audit");
    private static final Logger LOG = LoggerFactory.getLogger(EscalationProcessor.class);

    private EscalationPolicy policy;
    private String policyFile;
    private boolean forceDryRun;
    private String blackpearlUri = "blackpearl:activeJob";
    private String cron;
    private String clusterStateName;
    private String progressFile;
    /** Where the progress history lives between runs: the cluster's shared state, a file, or nowhere (memory only). */
    private StateRepository<String, String> progressState;
    private ProgressHistory history = new ProgressHistory();
    private EscalationPlanner planner;
    private Clock clock = Clock.systemUTC();
    private EscalationMeters meters = EscalationMeters.NONE;
    /** The last runs' reports, newest first, for the dev console. */
    private final Deque<EscalationReport> recentReports = new ConcurrentLinkedDeque<>();
    private static final int RECENT_REPORTS = 5;

    /** The escalations started in a context, for the dev console (bound in the registry under {@link #REGISTRY_NAME}). */
    public static final class Running {
        public static final String REGISTRY_NAME = "blackpearlEscalations";
        private final CopyOnWriteArrayList<EscalationProcessor> processors = new CopyOnWriteArrayList<>();

        public List<EscalationProcessor> all() {
            return List.copyOf(processors);
        }
    }
    private volatile Instant lastSuccess;
    private volatile Instant startedAt;
    private volatile String lastFailure;
    private volatile String nodeId = localHostName();
    private Integer parallelism;
    private ExecutorService modifiers;
    private Duration schedulePeriod;
    private int healthPeriods = 3;
    private EscalationHealthCheck healthCheck;
    /** In a cluster: where every node records and reads the cluster's last successful run. */
    private StateRepository<String, String> sharedState;
    private CamelContext camelContext;
    private ProducerTemplate template;
    /** Resolved once: a URI string would be normalised and looked up again for every one of thousands of calls. */
    private Endpoint listEndpoint;
    private Endpoint modifyEndpoint;

    /**
     * @param blackpearlUri the active-job endpoint to use, e.g. {@code blackpearl:activeJob} (options such as
     *                      {@code pageLength} may be appended; {@code operation} is set per call)
     */
    public EscalationProcessor(EscalationPolicy policy, String blackpearlUri, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.blackpearlUri = Objects.requireNonNull(blackpearlUri, "blackpearlUri");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public EscalationProcessor(EscalationPolicy policy) {
        this(policy, "blackpearl:activeJob", Clock.systemUTC());
    }

    /** A processor configured through its properties; {@code policyFile} (or {@code policy}) is required. */
    public EscalationProcessor() {
    }

    /** Loads and validates the policy file now, compiling its conditions as Camel Simple predicates. */
    public static EscalationProcessor fromFile(CamelContext context, Path policyFile) {
        return new EscalationProcessor(PolicyFile.load(policyFile, SimpleConditions.compiler(context)));
    }

    /** The policy in effect (with {@code dryRun} applied); loaded from {@code policyFile} when the processor is initialised. */
    public EscalationPolicy getPolicy() {
        return policy == null || !forceDryRun ? policy : policy.withDryRun(true);
    }

    public void setPolicy(EscalationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The policy to load when the processor is initialised: {@code classpath:…}, {@code file:…} or a file path.
     * A bad policy fails the initialisation (hence the route's start) with the policy's own message.
     */
    public void setPolicyFile(String policyFile) {
        this.policyFile = KameletValues.decoded(policyFile);
    }

    public String getPolicyFile() {
        return policyFile;
    }

    /**
     * {@code true}: decide and audit, send nothing, whatever the policy says. {@code false} (the default)
     * leaves it to the policy's own {@code dryRun}: a policy that says dry run stays a dry run, so that
     * applying decisions is always a change of the policy file.
     */
    public void setDryRun(boolean dryRun) {
        this.forceDryRun = dryRun;
    }

    /** The active-job endpoint to use (default {@code blackpearl:activeJob}); {@code operation} is set per call. */
    public void setEndpointUri(String endpointUri) {
        this.blackpearlUri = KameletValues.decoded(Objects.requireNonNull(endpointUri, "endpointUri"));
    }

    /**
     * The Quartz cron the route runs this processor on. Its period (the time between its next two firings)
     * is what the health check {@code blackpearl-escalation} expects a successful run within; a cron that
     * fires only once more gives no period and no health check.
     */
    public void setCron(String cron) {
        this.cron = KameletValues.decoded(cron);
    }

    /** The registry name of the cluster's shared {@link org.apache.camel.spi.StateRepository}; blank for none. */
    public void setClusterState(String registryName) {
        this.clusterStateName = registryName == null || registryName.isBlank() ? null : KameletValues.decoded(registryName.trim());
    }

    /**
     * A file that keeps the deadline projections' progress history across restarts on one node (in a cluster the
     * cluster's shared state keeps it). Without either it lives in memory, and a restart measures the appliance's
     * rate afresh over two runs.
     */
    public void setProgressFile(String progressFile) {
        this.progressFile = progressFile == null || progressFile.isBlank() ? null : KameletValues.decoded(progressFile.trim());
    }

    public String getProgressFile() {
        return progressFile;
    }

    /** The key of the progress history in the shared state or progress file. */
    public static final String PROGRESS_KEY = "blackpearl-escalation-progress";

    /** The appliance's rate the last run measured, bytes a second; NaN before it is known. */
    public double getApplianceRate() {
        return history.rate().orElse(Double.NaN);
    }

    /** The clock runs are timed by, and jobs aged by when the appliance sends no Date (a test's fixed clock). */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The time between two firings of the route that runs this processor. When set, a health check
     * {@code blackpearl-escalation} is registered in Camel's health registry (see {@link EscalationHealthCheck}).
     */
    public void setSchedulePeriod(Duration schedulePeriod) {
        this.schedulePeriod = schedulePeriod;
    }

    /**
     * The node named in every audit line ({@code node=}); default the host name. In a cluster, the Quartz
     * scheduler's instance id, so that the audit says which node ran which slot.
     */
    public void setNodeId(String nodeId) {
        this.nodeId = nodeId == null || nodeId.isBlank() ? localHostName() : KameletValues.decoded(nodeId.trim());
    }

    public String getNodeId() {
        return nodeId;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * How many modifies of a run are in flight at once, overriding the policy's {@code parallelism} (1 to 64).
     * The decisions, their order (URGENT first, then oldest first), the caps and the audit order stay the same.
     */
    public void setParallelism(int parallelism) {
        // 0: the policy's (a Kamelet's default)
        this.parallelism = parallelism == 0 ? null : EscalationPolicy.requireParallelism(parallelism);
    }

    /** The parallelism in effect: this processor's, else the policy's. */
    public int getParallelism() {
        return parallelism != null ? parallelism : policy.parallelism();
    }

    /** How many schedule periods may pass without a successful run before the health check is DOWN (default 3). */
    public void setHealthPeriods(int healthPeriods) {
        if (healthPeriods < 1) {
            throw new IllegalArgumentException("Invalid healthPeriods: '" + healthPeriods + "': expected 1 or more schedule periods");
        }
        this.healthPeriods = healthPeriods;
    }

    /** The end of the last run whose listing and every modify went through; null before the first. */
    public Instant getLastSuccess() {
        return lastSuccess;
    }

    /**
     * In a cluster, where each slot runs on one node: a state repository shared by every node (the cluster's
     * database) in which each successful run is recorded under {@value #SHARED_LAST_SUCCESS}, so that the
     * health check of every node judges the cluster's last success, not its own.
     */
    public void setSharedState(StateRepository<String, String> sharedState) {
        this.sharedState = sharedState;
    }

    /** The key of the cluster's last successful run in the shared state. */
    public static final String SHARED_LAST_SUCCESS = "blackpearl-escalation-last-success";

    /**
     * The last success the health check judges: the later of this node's and, in a cluster, the cluster's.
     * Throws when the cluster's record cannot be read (its database is unreachable).
     */
    public Instant getLastSuccessForHealth() {
        Instant local = lastSuccess;
        if (sharedState == null) {
            return local;
        }
        String shared = sharedState.getState(SHARED_LAST_SUCCESS);
        Instant cluster = shared == null ? null : Instant.parse(shared);
        return local == null ? cluster : cluster == null || local.isAfter(cluster) ? local : cluster;
    }

    /** Whether the health check judges the cluster's runs rather than this node's. */
    public boolean isClustered() {
        return sharedState != null;
    }

    /** When this processor was started: the health check counts quiet time from here until a first success. */
    public Instant getStartedAt() {
        return startedAt;
    }

    /** Why the last unsuccessful run was unsuccessful; null when the last run succeeded. */
    public String getLastFailure() {
        return lastFailure;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** Loads the policy (when given as a file), reads the cron and finds the cluster's state: every mistake named now. */
    @Override
    protected void doInit() throws Exception {
        Objects.requireNonNull(camelContext, "camelContext");
        if (policy == null) {
            if (policyFile == null || policyFile.isBlank()) {
                throw new IllegalArgumentException("Missing policyFile: the escalation policy, classpath:..., file:... or a file path");
            }
            policy = loadPolicy(camelContext, policyFile.trim());
        }
        if (cron != null && !cron.isBlank()) {
            CronPeriod.of("cron", cron.trim()).ifPresent(this::setSchedulePeriod);
        }
        if (clusterStateName != null) {
            sharedState = camelContext.getRegistry().lookupByNameAndType(clusterStateName, StateRepository.class);
            if (sharedState == null) {
                throw new IllegalArgumentException("Invalid clusterState: '" + clusterStateName
                        + "': no StateRepository of that name in the registry");
            }
        }
        planner = new EscalationPlanner();
        if (sharedState != null) {
            progressState = sharedState;
        } else if (progressFile != null) {
            // Camel's file store appends each state and rewrites the file once it passes its maximum (1 MB by
            // default): kept at that default, the file stays about one history long instead of growing run by run.
            progressState = FileStateRepository.fileStateRepository(new File(progressFile));
        }
    }

    /** {@code classpath:…}, {@code file:…} or a plain file path; conditions compiled as Camel Simple. */
    public static EscalationPolicy loadPolicy(CamelContext context, String location) throws IOException {
        InputStream found = open(context, location);
        if (found == null) {
            throw new IllegalArgumentException("Invalid policyFile: '" + location + "': no such file or resource");
        }
        try (InputStream in = found) {
            return PolicyFile.parse(in, location, SimpleConditions.compiler(context));
        }
    }

    private static InputStream open(CamelContext context, String location) throws IOException {
        String uri = ResourceHelper.hasScheme(location) ? location : "file:" + location;
        try {
            return ResourceHelper.resolveMandatoryResourceAsInputStream(context, uri);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    @Override
    protected void doStart() throws Exception {
        if (progressState != null && progressState != sharedState) {
            try {
                ServiceHelper.startService(progressState);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid progressFile: '" + progressFile + "': " + e.getMessage(), e);
            }
        }
        template = camelContext.createProducerTemplate();
        template.start();
        listEndpoint = camelContext.getEndpoint(blackpearlUri);
        // Escalation needs only the answer's summary: a job of millions of objects must not be read whole.
        modifyEndpoint = camelContext.getEndpoint(blackpearlUri + (blackpearlUri.contains("?") ? "&" : "?") + "includeObjects=false");
        if (getParallelism() > 1) {
            // A queue that never fills: a full (or, in Camel, a zero/negative-size hand-over) queue rejects, and the
            // caller then runs the task itself, one more modify in flight than asked. maxEscalationsPerRun bounds it.
            modifiers = camelContext.getExecutorServiceManager().newThreadPool(this, "BlackPearlEscalation",
                    new ThreadPoolProfileBuilder("BlackPearlEscalation").poolSize(getParallelism())
                            .maxPoolSize(getParallelism()).maxQueueSize(Integer.MAX_VALUE).build());
        }
        if (startedAt == null) {
            startedAt = clock.instant();
        }
        meters = EscalationMeters.of(camelContext);
        running().processors.addIfAbsent(this);
        if (schedulePeriod != null) {
            if (camelContext.isStarted()) {
                registerHealthCheck();
            } else {
                // A Kamelet's bean starts while the context is still being set up; Spring Boot puts its health
                // registry in place later: register once the context is up.
                camelContext.addStartupListener(new ExtendedStartupListener() {
                    @Override
                    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                        // wait for fully started
                    }

                    @Override
                    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                        if (isStarted() || isStarting()) {
                            registerHealthCheck();
                        }
                    }
                });
            }
        }
    }

    private synchronized void registerHealthCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        if (registry != null && healthCheck == null) {
            healthCheck = new EscalationHealthCheck("blackpearl-escalation", this, schedulePeriod, healthPeriods, clock);
            healthCheck.setCamelContext(camelContext);
            if (!registry.register(healthCheck)) {
                // Camel's registry finds route checks by route id too: a route named blackpearl-escalation hides this check
                LOG.warn("The health check blackpearl-escalation was not registered: the health registry already has a check "
                        + "of that id (a route with the id blackpearl-escalation?). Give the route another id.");
                healthCheck = null;
            }
        }
    }

    private Running running() {
        synchronized (camelContext) {
            Running running = camelContext.getRegistry().lookupByNameAndType(Running.REGISTRY_NAME, Running.class);
            if (running == null) {
                running = new Running();
                camelContext.getRegistry().bind(Running.REGISTRY_NAME, running);
            }
            return running;
        }
    }

    /** The last runs (up to 5), newest first. */
    public List<EscalationReport> getRecentReports() {
        return List.copyOf(recentReports);
    }

    @Override
    protected void doStop() throws Exception {
        if (progressState != null && progressState != sharedState) {
            ServiceHelper.stopService(progressState);
        }
        running().processors.remove(this);
        ServiceHelper.stopService(template);
        template = null;
        if (modifiers != null) {
            camelContext.getExecutorServiceManager().shutdown(modifiers);
            modifiers = null;
        }
        synchronized (this) {
            unregisterHealthCheck();
        }
    }

    private void unregisterHealthCheck() throws Exception {
        if (healthCheck != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
            if (registry != null) {
                registry.unregister(healthCheck);
            }
            healthCheck = null;
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (!isStarted()) {
            // Used outside a route (called directly), or shared with a route that was stopped: start on use.
            synchronized (this) {
                if (camelContext == null) {
                    setCamelContext(exchange.getContext());
                }
                start();
            }
        }
        Instant startedAt = clock.instant();
        Instant fire = scheduledSlot(exchange, startedAt);
        String node = nodeId;
        Exchange listed = listActiveJobs(node, fire);
        @SuppressWarnings("unchecked")
        List<ActiveJob> jobs = listed.getMessage().getBody(List.class);
        // Ages and projections on the appliance's clock: this host's may be off, or the appliance time-scaled.
        Instant now = listed.getMessage().getHeader(BlackPearlConstants.APPLIANCE_DATE, Instant.class);
        if (now == null) {
            now = clock.instant();
        }
        List<EscalationDecision> decisions = new ArrayList<>();
        // Up to `parallelism` modifies in flight, sent in the planned order (URGENT first, then oldest first);
        // each decision is audited in that same order as soon as it and all before it are done.
        List<Callable<EscalationDecision>> outcomes = new ArrayList<>();
        EscalationPolicy policy = getPolicy();
        double rate = policy.hasDeadlines() ? measureProgress(now, jobs) : Double.NaN;
        EscalationPlanner.Plan plan = planner.plan(jobs, policy, now, rate);
        for (EscalationDecision decision : plan.decisions()) {
            if (policy.dryRun() || !decision.toSend()) {
                outcomes.add(() -> decision);
            } else if (modifiers == null) {
                outcomes.add(() -> apply(decision));
            } else {
                outcomes.add(modifiers.submit(() -> apply(decision))::get);
            }
        }
        for (Callable<EscalationDecision> outcome : outcomes) {
            EscalationDecision done = outcome.call();
            audit(done, node, fire);
            decisions.add(done);
        }
        EscalationReport report = new EscalationReport(startedAt, jobs.size(), policy.dryRun(), decisions, node, fire,
                plan.deadlineJobs(), plan.atRisk(), listed.getMessage().getHeader(BlackPearlConstants.APPLIANCE_DATE, Instant.class),
                rate > 0);
        meters.deadlines(plan.deadlineJobs(), plan.atRisk(), plan.leastSlack());
        AUDIT.info("{}", report.summaryLine());
        recentReports.addFirst(report);
        while (recentReports.size() > RECENT_REPORTS) {
            recentReports.pollLast();
        }
        meters.run(report.succeeded());
        if (report.succeeded()) {
            lastSuccess = clock.instant();
            meters.lastSuccess(lastSuccess);
            lastFailure = null;
            recordSharedSuccess(lastSuccess);
        } else {
            lastFailure = report.count(EscalationOutcome.FAILED) + " modifies failed";
        }
        exchange.getMessage().setBody(report);
    }

    private void recordSharedSuccess(Instant success) {
        if (sharedState == null) {
            return;
        }
        try {
            sharedState.setState(SHARED_LAST_SUCCESS, success.toString());
        } catch (RuntimeException e) {
            // The run itself succeeded; only the other nodes' health verdict misses it until the next run records one.
            LOG.warn("Could not record this successful run for the cluster's health check: {}", e.getMessage());
        }
    }

    /** Quartz puts the original slot of a job it recovers for a dead node in the recovery trigger's data. */
    private static final String RECOVERED_SLOT = Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS;

    /**
     * The schedule slot this run is for, from camel-quartz's headers: the trigger's scheduled fire time, or,
     * when a node re-runs the slot of a node that died, that slot's original time; the start of the run when
     * it was not fired by Quartz.
     */
    private static Instant scheduledSlot(Exchange exchange, Instant startedAt) {
        Object data = exchange.getMessage().getHeader("mergedJobDataMap");
        if (data instanceof Map<?, ?> map && map.get(RECOVERED_SLOT) != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(map.get(RECOVERED_SLOT).toString()));
            } catch (NumberFormatException e) {
                // fall back to the recovery trigger's own time
            }
        }
        Date scheduled = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
        return scheduled != null ? scheduled.toInstant() : startedAt;
    }

    /**
     * Adds this listing to the progress history and returns the appliance's measured rate (NaN while unknown).
     * In a cluster the history is read from and written back to the shared state each run, so the node that
     * runs the next slot continues it; a history that cannot be read or written costs one run's measurement,
     * never the run.
     */
    private synchronized double measureProgress(Instant now, List<ActiveJob> jobs) {
        if (progressState != null) {
            try {
                String stored = progressState.getState(PROGRESS_KEY);
                if (stored != null) {
                    history = ProgressHistory.decode(stored, ProgressHistory.DEFAULT_WINDOW);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not read the escalation's progress history; measuring from this run: {}", e.getMessage());
            }
        }
        history.observe(now, jobs);
        if (progressState != null) {
            try {
                progressState.setState(PROGRESS_KEY, history.encode());
            } catch (RuntimeException e) {
                LOG.warn("Could not keep the escalation's progress history for the next run: {}", e.getMessage());
            }
        }
        return history.rate().orElse(Double.NaN);
    }

    private Exchange listActiveJobs(String node, Instant fire) {
        Exchange listed = template.send(listEndpoint, e -> e.getMessage().setHeader(BlackPearlConstants.OPERATION, "list"));
        if (listed.getException() != null) {
            meters.run(false);
            lastFailure = "listing failed: " + listed.getException().getMessage();
            AUDIT.info("escalation run node={} fire={} result=failure reason=\"{}\"", node, fire, lastFailure);
            throw new IllegalStateException("Escalation run could not list the active jobs: "
                    + listed.getException().getMessage(), listed.getException());
        }
        return listed;
    }

    private EscalationDecision apply(EscalationDecision decision) {
        Exchange modified = template.send(modifyEndpoint, e -> {
            e.getMessage().setHeader(BlackPearlConstants.OPERATION, "modify");
            e.getMessage().setHeader(BlackPearlConstants.JOB_ID, decision.jobId().toString());
            e.getMessage().setHeader(BlackPearlConstants.PRIORITY, decision.to().name());
        });
        Exception failure = modified.getException();
        if (failure == null) {
            return decision.withOutcome(EscalationOutcome.APPLIED, decision.reason());
        }
        BlackPearlException ds3 = modified.getException(BlackPearlException.class);
        if (ds3 != null && ds3.isNotFound()) {
            return decision.withOutcome(EscalationOutcome.SKIPPED_NOT_FOUND, "the job is no longer active");
        }
        LOG.warn("Escalation of job {} to {} failed; the next run tries again: {}", decision.jobId(), decision.to(),
                failure.getMessage());
        return decision.withOutcome(EscalationOutcome.FAILED, failure.getMessage());
    }

    private void audit(EscalationDecision d, String node, Instant fire) {
        if (d.deadline() != null) {
            AUDIT.info("escalation job={} name=\"{}\" from={} to={} rule={} age={} deadline={} projected={} slack={} node={} fire={} "
                            + "outcome={} reason=\"{}\"", d.jobId(), d.jobName(), d.from(), d.to(), d.ruleId(),
                    d.age() == null ? "" : EscalationPlanner.format(d.age()), d.deadline(),
                    d.projectedFinish() == null ? "" : d.projectedFinish(), d.slack() == null ? "" : EscalationPlanner.format(d.slack()),
                    node, fire, d.outcome(), d.reason());
        } else {
            AUDIT.info("escalation job={} name=\"{}\" from={} to={} rule={} age={} node={} fire={} outcome={} reason=\"{}\"",
                    d.jobId(), d.jobName(), d.from(), d.to(), d.ruleId(),
                    d.age() == null ? "" : EscalationPlanner.format(d.age()), node, fire, d.outcome(), d.reason());
        }
        meters.decision(d.ruleId() == null ? "none" : d.ruleId(), d.outcome());
    }
}
