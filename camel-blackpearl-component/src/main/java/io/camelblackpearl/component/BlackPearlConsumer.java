package io.camelblackpearl.component;

import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.Ds3Client;
import io.camelblackpearl.ds3.JobListFilter;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.trait.message.MessageTrait;
import org.apache.camel.trait.message.RedeliveryTraitPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("blackpearl:activeJob")}: each poll lists the active, completed and canceled jobs (every
 * page, with the endpoint's filters), compares them with what it saw before ({@link JobWatch}) and emits
 * one exchange per event, in time order, with Camel's batch properties. A poll that fails emits nothing
 * and keeps the previous snapshot, so the next one catches up; the outage is logged once, not per poll.
 * The state is saved to the stateRepository (if any) after every poll and read back before the next one
 * when it changed there (another node of a cluster polled meanwhile). An event counts as seen once its
 * exchange succeeded (or the route's error handler handled its failure): with {@code onFailure=retry}, the
 * default, a failed event and the later events of its job are found again and delivered by the next poll,
 * from this node or another, after a restart too; a shutdown in the middle of a batch leaves the rest to the
 * next run. Stopping saves nothing: a node's older state must never overwrite what another node saved since.
 */
public class BlackPearlConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BlackPearlConsumer.class);

    private final BlackPearlConfiguration configuration;
    private final Set<JobEventType> emitted;
    private final OnFailure onFailure;
    /** How often each event that is to be delivered again has failed, by {@link #redeliveryKey}; this JVM only. */
    private final Map<String, Integer> failedDeliveries = new HashMap<>();
    private final Duration waitingAfter;
    private final Clock clock = Clock.systemUTC();
    private JobWatch watch;
    private JobWatch.Poll currentPoll;
    private StateRepository<String, String> stateRepository;
    private boolean startedStateRepository;
    private String stateKey;
    private String lastSaved;
    private volatile int failedPolls;
    private volatile Instant outageSince;
    private volatile Instant lastPoll;
    private volatile Instant lastEventsAt;

    public BlackPearlConsumer(BlackPearlEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.emitted = eventTypes(configuration.getEvents());
        this.onFailure = OnFailure.of(configuration.getOnFailure());
        this.waitingAfter = Duration.ofMillis(configuration.getWaitingAfter());
        // Replaced by the endpoint's exceptionHandler or bridgeErrorHandler when the user sets one.
        setExceptionHandler(new OncePerOutage(new LoggingExceptionHandler(endpoint.getCamelContext(), getClass())));
    }

    /** When this node last started a poll; null before the first. */
    public Instant getLastPoll() {
        return lastPoll;
    }

    /** When a poll last delivered events; null before the first. */
    public Instant getLastEventsAt() {
        return lastEventsAt;
    }

    /** Polls failed in a row (0 when the appliance answers), and since when; for the dev console. */
    public int getFailedPolls() {
        return failedPolls;
    }

    public Instant getOutageSince() {
        return failedPolls > 0 ? outageSince : null;
    }

    /** Where the watermark is kept (none: in memory only) and under which key. */
    public String getStateRepositoryDescription() {
        return stateRepository == null ? "memory" : stateRepository.getClass().getSimpleName() + " key " + stateKey;
    }

    /** The watermark of completions: the newest completion this consumer's state holds (null before any). */
    public Instant getNewestCompletion() {
        JobWatch w = watch;
        return w == null ? null : w.newestCompletion();
    }

    /** The watermark of cancellations, as {@link #getNewestCompletion()}. */
    public Instant getNewestCancellation() {
        JobWatch w = watch;
        return w == null ? null : w.newestCancellation();
    }

    /** How many events wait to be delivered again after a failed exchange (this JVM's count). */
    public int getEventsToRedeliver() {
        return failedDeliveries.size();
    }

    /** How many active jobs the watermark knows (-1 before the first snapshot). */
    public int getKnownActiveJobs() {
        JobWatch w = watch;
        return w == null || !w.hasBaseline() ? -1 : w.activeJobCount();
    }

    @Override
    public BlackPearlEndpoint getEndpoint() {
        return (BlackPearlEndpoint) super.getEndpoint();
    }

    /** The event types an {@code events} option names; an unknown name fails naming the option and the value. */
    static Set<JobEventType> eventTypes(String events) {
        Set<JobEventType> types = EnumSet.noneOf(JobEventType.class);
        if (events == null || events.isBlank()) {
            throw ExchangeInputs.invalid("option events", events, "name at least one of " + List.of(JobEventType.values()));
        }
        for (String name : events.split(",")) {
            String trimmed = name.trim();
            try {
                types.add(JobEventType.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw ExchangeInputs.invalid("option events", events,
                        "'" + trimmed + "' is not one of " + List.of(JobEventType.values()));
            }
        }
        return types;
    }

    @Override
    protected void doStart() throws Exception {
        stateRepository = configuration.getStateRepository();
        stateKey = configuration.getStateKey() != null ? configuration.getStateKey()
                : getRouteId() != null ? "blackpearl-events-" + getRouteId() : "blackpearl-events";
        watch = new JobWatch(waitingAfter);
        if (stateRepository != null) {
            // a repository shared with others (the cluster's) is already started: only one this consumer starts, it stops
            startedStateRepository = !ServiceHelper.isStarted(stateRepository);
            ServiceHelper.startService(stateRepository);
            if (resumeFromRepository()) {
                LOG.info("Job events: resuming from the saved state under '{}' ({} active jobs known)", stateKey,
                        watch.activeJobCount());
            }
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (startedStateRepository) {
            ServiceHelper.stopService(stateRepository);
            startedStateRepository = false;
        }
    }

    /**
     * Takes the repository's state when it is not the one this consumer saved last: another node of a cluster
     * polled since (the repository is shared), or this is the start. True when a state was taken.
     */
    private boolean resumeFromRepository() {
        String saved = stateRepository.getState(stateKey);
        if (saved == null || saved.equals(lastSaved)) {
            return false;
        }
        try {
            watch = JobWatch.restore(saved, waitingAfter);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The job-event state under key '" + stateKey + "' in " + stateRepository
                    + " is " + e.getMessage() + ". Remove that entry to start from a new snapshot.", e);
        }
        lastSaved = saved;
        return true;
    }

    /**
     * Ready once this consumer has polled, or, when its polls are scheduled by a shared scheduler (the
     * clustered Quartz one, on which another node may run every poll) and its state is shared, once any node
     * has polled and saved a state: a standby node of a cluster is not DOWN for polls it is not given.
     */
    @Override
    public boolean isConsumerReady() {
        if (super.isConsumerReady()) {
            return true;
        }
        if (stateRepository == null || getScheduler() instanceof DefaultScheduledPollConsumerScheduler) {
            return false;
        }
        try {
            return stateRepository.getState(stateKey) != null;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    @Override
    protected int poll() throws Exception {
        if (stateRepository != null) {
            // In a cluster the previous poll may have run on another node: start from what it saved.
            resumeFromRepository();
        }
        Instant now = clock.instant();
        lastPoll = now;
        Ds3Client client = getEndpoint().getClient();
        JobListFilter filter = getEndpoint().listFilter(null, configuration.getName());
        int pageLength = configuration.getPageLength();
        List<ActiveJob> active;
        List<CompletedJob> completed;
        List<CanceledJob> canceled;
        try {
            // Active first: a job that ends while the lists are read is then on the ending list too, and the ending wins.
            active = client.listActiveJobs(filter, pageLength).jobs();
            completed = client.listCompletedJobs(filter, pageLength).jobs();
            canceled = client.listCanceledJobs(filter, pageLength).jobs();
        } catch (BlackPearlException e) {
            if (failedPolls++ == 0) {
                outageSince = now;
            }
            throw e;
        }
        if (failedPolls > 0) {
            LOG.info("Job events: the appliance answers again after {} failed polls since {}; catching up", failedPolls, outageSince);
            failedPolls = 0;
        }
        currentPoll = watch.compare(active, completed, canceled, now, configuration.isEmitExisting());
        int delivered = processBatch(new ArrayDeque<>(currentPoll.events()));
        if (delivered > 0) {
            lastEventsAt = now;
        }
        return delivered;
    }

    @Override
    public int processBatch(Queue<Object> events) throws Exception {
        int total = (int) events.stream().filter(e -> emitted.contains(((JobEvent) e).type())).count();
        int index = 0;
        boolean stopped = false;
        Set<String> seenKeys = new HashSet<>();
        for (Object item : events) {
            JobEvent event = (JobEvent) item;
            seenKeys.add(redeliveryKey(event));
            if (stopped || currentPoll.isHeld(event.job().id())) {
                // after a failure: this event waits for the next poll, in order behind what failed
                currentPoll.hold(event);
                continue;
            }
            if (!isBatchAllowed()) {
                stopped = true; // shutting down: the rest is found again by the next run
                currentPoll.hold(event);
                continue;
            }
            boolean delivered = true;
            if (emitted.contains(event.type())) {
                pendingExchanges = total - index - 1;
                delivered = deliver(event, index, total);
                index++;
            }
            if (delivered || onFailure == OnFailure.SKIP) {
                failedDeliveries.remove(redeliveryKey(event));
                watch.apply(event);
            } else {
                failedDeliveries.merge(redeliveryKey(event), 1, Integer::sum);
                currentPoll.hold(event);
                stopped = onFailure == OnFailure.STOP;
            }
        }
        pendingExchanges = 0;
        // an event that is no longer found (the job changed again, or left) is not delivered again
        failedDeliveries.keySet().retainAll(seenKeys);
        currentPoll.finish();
        save();
        return index;
    }

    /** An event's identity across polls: its type and job (a priority change also by the priority it reached). */
    private static String redeliveryKey(JobEvent event) {
        String key = event.type().name() + ':' + event.job().id();
        return event.type() == JobEventType.PRIORITY_CHANGED ? key + ':' + event.job().priority() : key;
    }

    /** Delivers one event; false when the exchange failed and the route's error handler did not handle it. */
    private boolean deliver(JobEvent event, int index, int total) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(event.job());
            message.setHeader(BlackPearlConstants.EVENT, event.type().name());
            message.setHeader(BlackPearlConstants.EVENT_TIME, event.at());
            message.setHeader(BlackPearlConstants.JOB_ID, String.valueOf(event.job().id()));
            message.setHeader(BlackPearlConstants.JOB_NAME, event.job().name());
            if (event.job().priority() != null) {
                message.setHeader(BlackPearlConstants.PRIORITY, event.job().priority().name());
            }
            if (event.previousPriority() != null) {
                message.setHeader(BlackPearlConstants.PREVIOUS_PRIORITY, event.previousPriority().name());
            }
            if (event.job().requestType() != null) {
                message.setHeader(BlackPearlConstants.REQUEST_TYPE, event.job().requestType().name());
            }
            Integer failures = failedDeliveries.get(redeliveryKey(event));
            if (failures != null) {
                // delivered again after an earlier poll's exchange failed: as a broker's redelivery looks in Camel
                message.setHeader(Exchange.REDELIVERED, Boolean.TRUE);
                message.setHeader(Exchange.REDELIVERY_COUNTER, failures);
                message.setPayloadForTrait(MessageTrait.REDELIVERY, RedeliveryTraitPayload.IS_REDELIVERY);
            }
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            boolean failed = exchange.getException() != null || exchange.isRollbackOnly();
            if (failed) {
                String what = "Error processing the job event " + event.type() + " of job " + event.job().id()
                        + (onFailure == OnFailure.SKIP ? "; skipped (onFailure=skip)"
                        : "; it is delivered again at the next poll (onFailure=" + onFailure.optionValue() + ")");
                Exception cause = exchange.getException() != null ? exchange.getException()
                        : new RollbackExchangeException("the route marked the exchange rollback-only", exchange);
                getExceptionHandler().handleException(what, exchange, cause);
            }
            return !failed;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void save() {
        if (stateRepository == null || watch == null || !watch.hasBaseline()) {
            return;
        }
        String state = watch.save();
        if (!state.equals(lastSaved)) {
            stateRepository.setState(stateKey, state);
            lastSaved = state;
        }
    }

    /**
     * Logs a failed poll once per outage (at WARN, with what each attempt got, no stack trace) and the polls
     * that fail after it at DEBUG; an event's failed exchange in one WARN line (Camel's error handler logged its
     * stack trace); everything else goes to Camel's logging handler as usual.
     */
    private final class OncePerOutage implements ExceptionHandler {
        private final ExceptionHandler delegate;

        OncePerOutage(ExceptionHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            if (exchange != null) {
                // the route's error handler logged the failure with its stack trace already: one line says what follows
                LOG.warn("{}: {}", message, exception.getMessage());
            } else if (!(exception instanceof BlackPearlException)) {
                delegate.handleException(message, exchange, exception);
            } else if (failedPolls <= 1) {
                LOG.warn("Job events: cannot poll the appliance, no event is emitted until it answers; trying again at "
                        + "every poll (further failures at DEBUG). {}", exception.getMessage());
            } else {
                LOG.debug("Job events: poll {} of this outage failed: {}", failedPolls, exception.getMessage());
            }
        }
    }
}
