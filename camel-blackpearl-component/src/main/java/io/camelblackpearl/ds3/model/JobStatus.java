package io.camelblackpearl.ds3.model;

/** A job's state in a MasterObjectList. */
public enum JobStatus {
    IN_PROGRESS, COMPLETED, CANCELED
}
