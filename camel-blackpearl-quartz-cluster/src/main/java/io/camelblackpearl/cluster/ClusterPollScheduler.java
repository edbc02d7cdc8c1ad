package io.camelblackpearl.cluster;

import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.quartz.ObjectAlreadyExistsException;

/**
 * camel-quartz's poll scheduler ({@code scheduler=quartz}) for a consumer that must poll from one node at
 * a time in a cluster: its trigger lives in the clustered job store under a fixed id in the
 * {@value QuartzCluster#TRIGGER_GROUP} group, so every node shares one schedule and each poll runs on
 * exactly one node (the job disallows concurrent execution, so polls never overlap either).
 * <p>
 * The one thing added: nodes starting at the same moment may both find no trigger and both try to store
 * one; the loser then takes the winner's trigger instead of failing its route.
 * <p>
 * One instance per consumer ({@code scheduler=#name} binds the instance itself).
 */
public class ClusterPollScheduler extends QuartzScheduledPollConsumerScheduler {

    public ClusterPollScheduler(String triggerId, String cron) {
        setTriggerId(triggerId);
        setTriggerGroup(QuartzCluster.TRIGGER_GROUP);
        setCron(cron);
    }

    @Override
    protected void doStart() throws Exception {
        try {
            super.doStart();
        } catch (ObjectAlreadyExistsException anotherNodeWasFirst) {
            super.doStart();
        }
    }
}
