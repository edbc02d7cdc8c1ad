package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.LogCapture;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Fault;
import io.camelblackpearl.simulator.FaultPlan;
import io.camelblackpearl.simulator.SimulatedJob;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code from("blackpearl:activeJob")} against the simulator over loopback. Polls are driven one at a time
 * ({@code startScheduler=false}, then {@code run()}) so each test knows exactly what happened in between.
 */
class JobEventsConsumerTest extends BlackPearlTestSupport {

    /** What a route received: the event's headers, body and batch properties. */
    record Received(String event, String jobId, String name, String priority, String previousPriority, Instant at,
                    Object body, int batchIndex, int batchSize, boolean batchComplete) {
        String brief() {
            return event + " " + name;
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private BlackPearlConsumer route(String id, String uri) throws Exception {
        return route(context, id, uri);
    }

    private BlackPearlConsumer route(CamelContext context, String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).process(exchange -> received.add(new Received(
                        exchange.getMessage().getHeader(BlackPearlConstants.EVENT, String.class),
                        exchange.getMessage().getHeader(BlackPearlConstants.JOB_ID, String.class),
                        exchange.getMessage().getHeader(BlackPearlConstants.JOB_NAME, String.class),
                        exchange.getMessage().getHeader(BlackPearlConstants.PRIORITY, String.class),
                        exchange.getMessage().getHeader(BlackPearlConstants.PREVIOUS_PRIORITY, String.class),
                        exchange.getMessage().getHeader(BlackPearlConstants.EVENT_TIME, Instant.class),
                        exchange.getMessage().getBody(),
                        exchange.getProperty(Exchange.BATCH_INDEX, Integer.class),
                        exchange.getProperty(Exchange.BATCH_SIZE, Integer.class),
                        exchange.getProperty(Exchange.BATCH_COMPLETE, Boolean.class))));
            }
        });
        return (BlackPearlConsumer) context.getRoute(id).getConsumer();
    }

    private List<String> poll(BlackPearlConsumer consumer) {
        received.clear();
        consumer.run();
        return received.stream().map(Received::brief).toList();
    }

    private static SimulatedJob job(String name, String priority, String requestType, Instant createdAt) {
        SimulatedJob job = SimulatedJob.builder(UUID.randomUUID()).name(name).priority(priority).requestType(requestType)
                .createdAt(createdAt).build();
        appliance().put(job);
        return job;
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(15); // endings are dated to the millisecond: keep them apart so their order is known
    }

    @Test
    void emitsEveryKindOfEventOnceInTimeOrderWithItsHeadersAndBatchProperties() throws Exception {
        Instant t0 = Instant.now();
        SimulatedJob a = job("archive-a", "LOW", "PUT", t0.minus(Duration.ofHours(1)));
        SimulatedJob b = job("restore-b", "NORMAL", "GET", t0.minus(Duration.ofHours(2)));
        SimulatedJob c = job("verify-c", "NORMAL", "VERIFY", t0.minus(Duration.ofHours(10)));
        SimulatedJob d = job("archive-d", "NORMAL", "PUT", t0.minus(Duration.ofHours(5)).plusSeconds(2));
        BlackPearlConsumer consumer = route("events", "blackpearl:activeJob?startScheduler=false&waitingAfter=5h");

        assertThat(poll(consumer)).as("the first poll takes the snapshot: c is already waiting, nothing is emitted").isEmpty();

        job("restore-e", "HIGH", "GET", t0.minus(Duration.ofMinutes(30)));
        SimulatedJob f = job("archive-f", "NORMAL", "PUT", t0.minus(Duration.ofMinutes(20)));
        appliance().complete(b.id());
        pause();
        appliance().cancel(c.id());
        pause();
        appliance().cancel(f.id());
        appliance().update(a.id(), j -> j.toBuilder().priority("HIGH").build());
        waitUntil(() -> Instant.now().isAfter(t0.plusMillis(2500)));

        assertThat(poll(consumer)).containsExactly("CREATED restore-e", "CREATED archive-f", "COMPLETED restore-b",
                "CANCELED verify-c", "CANCELED archive-f", "WAITING archive-d", "PRIORITY_CHANGED archive-a");
        List<Received> events = new ArrayList<>(received);
        assertThat(events).extracting(Received::at).isSorted();
        assertThat(events).extracting(Received::batchIndex).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(events).allSatisfy(e -> assertThat(e.batchSize()).isEqualTo(7));
        assertThat(events).extracting(Received::batchComplete).containsExactly(false, false, false, false, false, false, true);

        Received changed = events.get(6);
        assertThat(changed.jobId()).isEqualTo(a.id().toString());
        assertThat(changed.priority()).isEqualTo("HIGH");
        assertThat(changed.previousPriority()).isEqualTo("LOW");
        assertThat(changed.body()).isInstanceOf(ActiveJob.class);
        assertThat(events.get(2).body()).isInstanceOfSatisfying(CompletedJob.class,
                job -> assertThat(job.dateCompleted()).isEqualTo(events.get(2).at()));
        assertThat(events.get(3).body()).isInstanceOf(CanceledJob.class);
        assertThat(events.get(1).body()).as("started and ended between polls: CREATED carries the canceled job")
                .isInstanceOf(CanceledJob.class);
        assertThat(events.get(5).at()).isEqualTo(d.createdAt().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS));
        assertThat(events).filteredOn(e -> !e.event().equals("PRIORITY_CHANGED")).allSatisfy(e -> assertThat(e.previousPriority()).isNull());

        assertThat(poll(consumer)).as("nothing changed, nothing is emitted again").isEmpty();
    }

    @Test
    void filtersByRequestTypeAndEmitsOnlyTheChosenEvents() throws Exception {
        Instant now = Instant.now();
        SimulatedJob restore = job("restore-1", "LOW", "GET", now.minusSeconds(60));
        SimulatedJob archive = job("archive-1", "LOW", "PUT", now.minusSeconds(60));
        BlackPearlConsumer consumer = route("restores", "blackpearl:activeJob?startScheduler=false&requestType=GET"
                + "&events=COMPLETED,PRIORITY_CHANGED");
        poll(consumer);
        appliance().update(restore.id(), j -> j.toBuilder().priority("URGENT").build());
        appliance().update(archive.id(), j -> j.toBuilder().priority("URGENT").build());
        job("restore-2", "LOW", "GET", now);
        appliance().complete(archive.id());
        assertThat(poll(consumer)).containsExactly("PRIORITY_CHANGED restore-1");
        assertThat(appliance().requests(Ds3Operation.LIST_COMPLETED_JOBS)).allSatisfy(r -> assertThat(r.rawQuery()).contains("request_type=GET"));

        appliance().complete(restore.id());
        appliance().update(appliance().activeJobs().stream().filter(j -> j.name().equals("restore-2")).findFirst().orElseThrow().id(),
                j -> j.toBuilder().priority("HIGH").build());
        assertThat(poll(consumer)).as("restore-2's CREATED was not emitted, but it was tracked")
                .containsExactlyInAnyOrder("COMPLETED restore-1", "PRIORITY_CHANGED restore-2");
    }

    @Test
    void everyListOfAPollCarriesTheBucketUserAndNameFilters() throws Exception {
        UUID bucket = SimulatedJob.nameUuid("media");
        UUID user = SimulatedJob.nameUuid("alice");
        BlackPearlConsumer consumer = route("filtered", "blackpearl:activeJob?startScheduler=false&bucketId=" + bucket
                + "&userId=" + user + "&name=restore-7");
        poll(consumer);
        for (Ds3Operation list : List.of(Ds3Operation.LIST_ACTIVE_JOBS, Ds3Operation.LIST_COMPLETED_JOBS,
                Ds3Operation.LIST_CANCELED_JOBS)) {
            assertThat(appliance().requests(list)).singleElement().satisfies(request -> {
                assertThat(request.param("bucket_id")).hasValue(bucket.toString());
                assertThat(request.param("user_id")).hasValue(user.toString());
                assertThat(request.param("name")).hasValue("restore-7");
            });
        }
    }

    @Test
    void emitExistingReportsTheJobsAlreadyActiveButNotTheHistory() throws Exception {
        Instant now = Instant.now();
        job("archive-old", "LOW", "PUT", now.minus(Duration.ofDays(2)));
        job("archive-new", "LOW", "PUT", now.minus(Duration.ofMinutes(5)));
        SimulatedJob done = job("archive-done", "LOW", "PUT", now.minus(Duration.ofDays(3)));
        appliance().complete(done.id());
        BlackPearlConsumer consumer = route("existing", "blackpearl:activeJob?startScheduler=false&emitExisting=true&waitingAfter=1d");
        assertThat(poll(consumer)).containsExactly("CREATED archive-old", "WAITING archive-old", "CREATED archive-new");
        assertThat(poll(consumer)).isEmpty();
    }

    @Test
    void aRestartWithAFileStateRepositoryLosesAndRepeatsNothing(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        SimulatedJob kept = job("archive-kept", "LOW", "PUT", now.minusSeconds(600));
        SimulatedJob finishing = job("restore-finishing", "NORMAL", "GET", now.minusSeconds(500));
        SimulatedJob early = job("archive-early", "NORMAL", "PUT", now.minusSeconds(400));
        FileStateRepository first = FileStateRepository.fileStateRepository(dir.resolve("events.state").toFile());
        context.getRegistry().bind("eventState", first);
        BlackPearlConsumer consumer = route("watch", "blackpearl:activeJob?startScheduler=false&stateRepository=#eventState");
        poll(consumer);
        appliance().complete(early.id());
        assertThat(poll(consumer)).containsExactly("COMPLETED archive-early");
        context.stop();

        // While nothing watches: a new job, a priority change, a completion.
        job("archive-while-down", "LOW", "PUT", Instant.now());
        appliance().update(kept.id(), j -> j.toBuilder().priority("URGENT").build());
        appliance().complete(finishing.id());

        CamelContext second = createCamelContext();
        second.getRegistry().bind("eventState", FileStateRepository.fileStateRepository(dir.resolve("events.state").toFile()));
        second.start();
        try {
            BlackPearlConsumer restarted = route(second, "watch", "blackpearl:activeJob?startScheduler=false&stateRepository=#eventState");
            assertThat(poll(restarted)).containsExactly("CREATED archive-while-down", "COMPLETED restore-finishing",
                    "PRIORITY_CHANGED archive-kept");
            assertThat(received.get(2).previousPriority()).isEqualTo("LOW");
            assertThat(poll(restarted)).isEmpty();
        } finally {
            second.stop();
        }
    }

    @Test
    void aPollDuringAnOutageEmitsNothingLogsOnceAndTheNextCatchesUp() throws Exception {
        SimulatedJob running = job("archive-1", "LOW", "PUT", Instant.now().minusSeconds(60));
        SimulatedJob ending = job("archive-2", "LOW", "PUT", Instant.now().minusSeconds(60));
        BlackPearlConsumer consumer = route("outage", "blackpearl:activeJob?startScheduler=false&maxRetries=0");
        poll(consumer);
        appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, FaultPlan.ALWAYS, new Fault.ErrorResponse(503, "ServiceUnavailable", "down", 0));
        appliance().update(running.id(), j -> j.toBuilder().priority("HIGH").build());
        appliance().complete(ending.id());
        try (LogCapture log = LogCapture.everything(Level.DEBUG)) {
            assertThat(poll(consumer)).isEmpty();
            assertThat(poll(consumer)).isEmpty();
            assertThat(poll(consumer)).isEmpty();
            List<String> warnings = log.lines().stream().filter(l -> l.contains("cannot poll the appliance")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("503").doesNotContain("\tat ");
            assertThat(log.lines()).filteredOn(l -> l.contains("poll 3 of this outage failed")).hasSize(1);
            appliance().faults().clear();
            assertThat(poll(consumer)).containsExactly("COMPLETED archive-2", "PRIORITY_CHANGED archive-1");
            assertThat(log.lines()).anyMatch(l -> l.contains("answers again after 3 failed polls"));
        }
        assertThat(poll(consumer)).isEmpty();
    }

    @Test
    void camelsBackoffSkipsPollsAfterAFailure() throws Exception {
        BlackPearlConsumer consumer = route("backoff", "blackpearl:activeJob?startScheduler=false&maxRetries=0"
                + "&backoffMultiplier=2&backoffErrorThreshold=1");
        poll(consumer);
        appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, FaultPlan.ALWAYS, new Fault.ErrorResponse(503, "ServiceUnavailable", "down", 0));
        appliance().resetRequests();
        for (int i = 0; i < 4; i++) {
            poll(consumer);
        }
        assertThat(appliance().count(Ds3Operation.LIST_ACTIVE_JOBS)).as("one failed poll, two skipped, one more tried")
                .isEqualTo(2);
    }

    /** What a failing route saw: each delivery's job name, event, and Camel's redelivery headers. */
    private final List<String> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> succeeded = new CopyOnWriteArrayList<>();

    /**
     * A route whose downstream fails the first time it sees each event of a job named in {@code failFirst}
     * (the ticket system was down for a minute), with Camel's default error handler (which does not handle).
     */
    private BlackPearlConsumer failingRoute(String id, String uri, Set<String> failFirst) throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).process(exchange -> {
                    String what = exchange.getMessage().getHeader(BlackPearlConstants.EVENT, String.class) + " "
                            + exchange.getMessage().getHeader(BlackPearlConstants.JOB_NAME, String.class);
                    deliveries.add(what + (exchange.isExternalRedelivered()
                            ? " redelivered " + exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER) : ""));
                    String name = exchange.getMessage().getHeader(BlackPearlConstants.JOB_NAME, String.class);
                    if (failFirst.contains(name) && failedOnce.add(what)) {
                        throw new IllegalStateException("the ticket system is down");
                    }
                    succeeded.add(what);
                });
            }
        });
        return (BlackPearlConsumer) context.getRoute(id).getConsumer();
    }

    @Test
    void aFailedEventIsDeliveredAgainByTheNextPollAfterTheOthersAndOnceItSucceedsNeverAgain() throws Exception {
        Instant now = Instant.now();
        SimulatedJob second = job("archive-2", "LOW", "PUT", now.minusSeconds(50));
        SimulatedJob third = job("archive-3", "LOW", "PUT", now.minusSeconds(40));
        BlackPearlConsumer consumer = failingRoute("failing", "blackpearl:activeJob?startScheduler=false", Set.of("archive-1"));
        consumer.run();
        // archive-1 starts and ends between two polls: CREATED, then COMPLETED, both of them failing at first
        SimulatedJob first = job("archive-1", "LOW", "PUT", now.minusSeconds(30));
        job("archive-4", "LOW", "PUT", now);
        appliance().complete(second.id());
        pause();
        appliance().complete(first.id());
        appliance().update(third.id(), j -> j.toBuilder().priority("HIGH").build());
        try (LogCapture log = LogCapture.everything(Level.WARN)) {
            consumer.run();
            assertThat(log.lines()).anyMatch(l -> l.contains("the ticket system is down"))
                    .anyMatch(l -> l.contains("delivered again at the next poll (onFailure=retry)"));
        }
        assertThat(deliveries).as("the failed job's ending waits behind its CREATED; the other jobs' events go on, in order")
                .containsExactly("CREATED archive-1", "CREATED archive-4", "COMPLETED archive-2", "PRIORITY_CHANGED archive-3");
        assertThat(succeeded).containsExactly("CREATED archive-4", "COMPLETED archive-2", "PRIORITY_CHANGED archive-3");
        assertThat(consumer.getEventsToRedeliver()).isEqualTo(1);

        deliveries.clear();
        consumer.run();
        assertThat(deliveries).as("the next poll delivers it again, marked as a redelivery, then the ending held behind it")
                .containsExactly("CREATED archive-1 redelivered 1", "COMPLETED archive-1");
        deliveries.clear();
        consumer.run();
        assertThat(deliveries).containsExactly("COMPLETED archive-1 redelivered 1");
        assertThat(succeeded).containsExactly("CREATED archive-4", "COMPLETED archive-2", "PRIORITY_CHANGED archive-3",
                "CREATED archive-1", "COMPLETED archive-1");
        assertThat(consumer.getEventsToRedeliver()).isZero();
        deliveries.clear();
        consumer.run();
        assertThat(deliveries).as("once delivered, never again").isEmpty();
    }

    @Test
    void anEndingThatKeepsFailingIsOwedHoweverFarNewerEndingsMoveTheWatermark() throws Exception {
        Instant now = Instant.now();
        SimulatedJob stubborn = job("restore-stubborn", "LOW", "GET", now.minusSeconds(60));
        List<SimulatedJob> others = List.of(job("archive-0", "LOW", "PUT", now.minusSeconds(50)));
        Set<String> down = ConcurrentHashMap.newKeySet();
        down.add("restore-stubborn");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackpearl:activeJob?startScheduler=false&events=COMPLETED").routeId("stubborn").process(exchange -> {
                    String name = exchange.getMessage().getHeader(BlackPearlConstants.JOB_NAME, String.class);
                    if (down.contains(name)) {
                        throw new IllegalStateException("still down");
                    }
                    succeeded.add(name);
                });
            }
        });
        BlackPearlConsumer consumer = (BlackPearlConsumer) context.getRoute("stubborn").getConsumer();
        consumer.run();
        appliance().complete(stubborn.id());
        consumer.run();
        // a later ending dated far past the window behind which an older ending counts as history
        appliance().update(others.get(0).id(), j -> j.completedAt(Instant.now().plus(JobWatch.LATE_ENDING_WINDOW.multipliedBy(3))));
        consumer.run();
        assertThat(succeeded).containsExactly("archive-0");
        down.clear();
        consumer.run();
        assertThat(succeeded).as("owed, so still new").containsExactly("archive-0", "restore-stubborn");
        consumer.run();
        assertThat(succeeded).hasSize(2);
    }

    @Test
    void aFailedEventSurvivesARestartThroughTheStateFile(@TempDir Path dir) throws Exception {
        SimulatedJob ending = job("restore-1", "LOW", "GET", Instant.now().minusSeconds(60));
        context.getRegistry().bind("eventState", FileStateRepository.fileStateRepository(dir.resolve("events.state").toFile()));
        BlackPearlConsumer consumer = failingRoute("restart", "blackpearl:activeJob?startScheduler=false&stateRepository=#eventState",
                Set.of("restore-1"));
        consumer.run();
        appliance().complete(ending.id());
        consumer.run();
        assertThat(succeeded).isEmpty();
        context.stop();

        CamelContext second = createCamelContext();
        second.getRegistry().bind("eventState", FileStateRepository.fileStateRepository(dir.resolve("events.state").toFile()));
        second.start();
        try {
            BlackPearlConsumer restarted = route(second, "restart", "blackpearl:activeJob?startScheduler=false&stateRepository=#eventState");
            assertThat(poll(restarted)).as("the new run delivers what failed in the old one").containsExactly("COMPLETED restore-1");
            assertThat(poll(restarted)).isEmpty();
        } finally {
            second.stop();
        }
    }

    @Test
    void theConsumerStopsTheStateRepositoryItStartedAndLeavesASharedOneRunning(@TempDir Path dir) throws Exception {
        FileStateRepository own = FileStateRepository.fileStateRepository(dir.resolve("own.state").toFile());
        FileStateRepository shared = FileStateRepository.fileStateRepository(dir.resolve("shared.state").toFile());
        shared.start(); // started by whoever shares it, as the cluster's repository is
        context.getRegistry().bind("own", own);
        context.getRegistry().bind("shared", shared);
        route("own-state", "blackpearl:activeJob?startScheduler=false&stateRepository=#own").run();
        route("shared-state", "blackpearl:activeJob?startScheduler=false&stateRepository=#shared").run();
        assertThat(own.isStarted()).isTrue();
        context.getRouteController().stopRoute("own-state");
        context.getRouteController().stopRoute("shared-state");
        assertThat(own.isStarted()).as("started by the consumer, stopped by it").isFalse();
        assertThat(shared.isStarted()).as("started by another, left running").isTrue();
        shared.stop();
    }

    @Test
    void aFailureTheRoutesErrorHandlerHandledCountsAsDelivered() throws Exception {
        SimulatedJob ending = job("restore-1", "LOW", "GET", Instant.now().minusSeconds(60));
        List<String> deadLetters = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead"));
                from("direct:dead").process(exchange -> deadLetters.add(
                        exchange.getMessage().getHeader(BlackPearlConstants.JOB_NAME, String.class)));
                from("blackpearl:activeJob?startScheduler=false").routeId("dlc").process(exchange -> {
                    deliveries.add(exchange.getMessage().getHeader(BlackPearlConstants.JOB_NAME, String.class));
                    throw new IllegalStateException("always down");
                });
            }
        });
        BlackPearlConsumer consumer = (BlackPearlConsumer) context.getRoute("dlc").getConsumer();
        consumer.run();
        appliance().complete(ending.id());
        consumer.run();
        consumer.run();
        assertThat(deliveries).containsExactly("restore-1");
        assertThat(deadLetters).as("the dead letter channel has it, so it is not delivered again").containsExactly("restore-1");
    }

    @Test
    void onFailureSkipMarksAFailedEventSeenAndStopEndsTheBatchThere() throws Exception {
        Instant now = Instant.now();
        SimulatedJob a = job("archive-a", "LOW", "PUT", now.minusSeconds(60));
        SimulatedJob b = job("archive-b", "LOW", "PUT", now.minusSeconds(50));
        BlackPearlConsumer skip = failingRoute("skip", "blackpearl:activeJob?startScheduler=false&onFailure=skip", Set.of("archive-a"));
        skip.run();
        appliance().complete(a.id());
        pause();
        appliance().complete(b.id());
        skip.run();
        skip.run();
        assertThat(deliveries).as("skip: the failed event is not delivered again")
                .containsExactly("COMPLETED archive-a", "COMPLETED archive-b");
        context.getRouteController().stopRoute("skip");

        deliveries.clear();
        succeeded.clear();
        SimulatedJob c = job("archive-c", "LOW", "PUT", Instant.now().minusSeconds(40));
        SimulatedJob d = job("archive-d", "LOW", "PUT", Instant.now().minusSeconds(30));
        BlackPearlConsumer stop = failingRoute("stop", "blackpearl:activeJob?startScheduler=false&onFailure=STOP", Set.of("archive-c"));
        stop.run();
        appliance().complete(c.id());
        pause();
        appliance().complete(d.id());
        stop.run();
        assertThat(deliveries).as("stop: the batch ends at the failure").containsExactly("COMPLETED archive-c");
        stop.run();
        assertThat(deliveries).containsExactly("COMPLETED archive-c", "COMPLETED archive-c redelivered 1", "COMPLETED archive-d");
        assertThat(succeeded).containsExactly("COMPLETED archive-c", "COMPLETED archive-d");
    }

    @Test
    void tenThousandJobsWithOnePercentChangingPerPollEmitExactlyThoseChanges() throws Exception {
        Instant base = Instant.now().minus(Duration.ofDays(1));
        List<SimulatedJob> jobs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            jobs.add(SimulatedJob.builder(UUID.randomUUID()).name(String.format("job-%05d", i)).priority("LOW")
                    .createdAt(base.plusSeconds(i)).build());
        }
        appliance().putAll(jobs);
        BlackPearlConsumer consumer = route("scale", "blackpearl:activeJob?startScheduler=false");
        assertThat(poll(consumer)).isEmpty();
        int next = 0;
        for (int round = 0; round < 3; round++) {
            Set<String> expected = new HashSet<>();
            for (int k = 0; k < 40; k++, next++) {
                SimulatedJob job = jobs.get(next);
                appliance().update(job.id(), j -> j.toBuilder().priority("HIGH").build());
                expected.add("PRIORITY_CHANGED " + job.name());
            }
            for (int k = 0; k < 30; k++, next++) {
                appliance().complete(jobs.get(next).id());
                expected.add("COMPLETED " + jobs.get(next).name());
            }
            for (int k = 0; k < 20; k++, next++) {
                appliance().cancel(jobs.get(next).id());
                expected.add("CANCELED " + jobs.get(next).name());
            }
            for (int k = 0; k < 10; k++) {
                String name = "new-" + round + "-" + k;
                job(name, "NORMAL", "PUT", Instant.now());
                expected.add("CREATED " + name);
            }
            List<String> emitted = poll(consumer);
            assertThat(emitted).hasSize(100);
            assertThat(new HashSet<>(emitted)).isEqualTo(expected);
        }
    }

    @Test
    void pollsOnItsOwnScheduleAndHasAThirtySecondDefaultDelay() throws Exception {
        SimulatedJob job = job("archive-1", "LOW", "PUT", Instant.now());
        BlackPearlConsumer scheduled = route("scheduled", "blackpearl:activeJob?delay=100&initialDelay=0");
        waitUntil(() -> appliance().count(Ds3Operation.LIST_CANCELED_JOBS) >= 1);
        appliance().complete(job.id());
        waitUntil(() -> received.stream().anyMatch(r -> r.brief().equals("COMPLETED archive-1")));
        assertThat(scheduled.getDelay()).isEqualTo(100);
        assertThat(context.getEndpoint("blackpearl:activeJob", BlackPearlEndpoint.class).getDelay()).isEqualTo(30_000);
    }

    @Test
    void pollsOnAQuartzCronAsTheDocsShow() throws Exception {
        SimulatedJob job = job("restore-1", "LOW", "GET", Instant.now());
        route("quartz", "blackpearl:activeJob?events=COMPLETED&scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?");
        waitUntil(() -> appliance().count(Ds3Operation.LIST_CANCELED_JOBS) >= 1);
        appliance().complete(job.id());
        waitUntil(() -> received.stream().anyMatch(r -> r.brief().equals("COMPLETED restore-1")));
        assertThat(received).extracting(Received::brief).containsExactly("COMPLETED restore-1");
    }

    @Test
    void refusesBadConsumerOptionsNamingThemBeforeAnyRequest() {
        assertThatThrownBy(() -> context.getEndpoint("blackpearl:activeJob?events=CREATED,FINISHED"))
                .rootCause().hasMessageContaining("events").hasMessageContaining("FINISHED");
        assertThatThrownBy(() -> context.getEndpoint("blackpearl:activeJob?waitingAfter=-5"))
                .rootCause().hasMessageContaining("waitingAfter").hasMessageContaining("-5");
        assertThatThrownBy(() -> context.getEndpoint("blackpearl:activeJob?onFailure=ignore"))
                .rootCause().hasMessageContaining("onFailure").hasMessageContaining("ignore")
                .hasMessageContaining("[retry, skip, stop]");
        assertThatThrownBy(() -> route("wrong", "blackpearl:job"))
                .rootCause().hasMessageContaining("blackpearl:activeJob");
        assertThat(appliance().totalRequests()).isZero();
    }
}
