package io.camelblackpearl.ds3.model;

/**
 * A job's priority, highest first. Only URGENT, HIGH, NORMAL and LOW are settable by users; CRITICAL and
 * BACKGROUND are reserved for the appliance (DS3 contract: "not specifiable by user").
 */
public enum Priority {
    CRITICAL, URGENT, HIGH, NORMAL, LOW, BACKGROUND;

    /** Whether a user may set this priority without the reserved-priority override. */
    public boolean isUserSettable() {
        return this != CRITICAL && this != BACKGROUND;
    }

    /** Whether this priority is above {@code other} (URGENT is above HIGH). */
    public boolean isAbove(Priority other) {
        return ordinal() < other.ordinal();
    }
}
