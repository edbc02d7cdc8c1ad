package io.camelblackpearl.component;

import io.camelblackpearl.ds3.Ds3Paths;

/**
 * The DS3 resource an endpoint works on: the URI path of {@code blackpearl:activeJob}, {@code blackpearl:job} or
 * {@code blackpearl:completedJob}.
 */
public enum BlackPearlResource {
    /** {@code /_rest_/active_job}: jobs that are still running. */
    activeJob(Ds3Paths.ACTIVE_JOB),
    /** {@code /_rest_/job}: jobs in any state, finished ones included. */
    job(Ds3Paths.JOB),
    /** {@code /_rest_/completed_job}: jobs that completed, with the date they did; list only. */
    completedJob(Ds3Paths.COMPLETED_JOB);

    private final String path;

    BlackPearlResource(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
