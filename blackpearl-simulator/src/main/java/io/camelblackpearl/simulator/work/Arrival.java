package io.camelblackpearl.simulator.work;

import java.util.Objects;
import java.util.UUID;

/**
 * A job that arrives at the appliance: when ({@code atMillis}, on the simulator's clock), its id, name,
 * request type, size, priority, bucket and user.
 */
public record Arrival(long atMillis, UUID id, String name, String requestType, long sizeInBytes, String priority,
                      String bucket, String user) {

    public Arrival {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(priority, "priority");
        if (sizeInBytes < 0) {
            throw new IllegalArgumentException("sizeInBytes must not be negative, was " + sizeInBytes);
        }
    }
}
