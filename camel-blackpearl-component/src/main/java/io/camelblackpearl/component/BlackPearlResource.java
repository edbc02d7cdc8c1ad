package io.camelblackpearl.component;

import io.camelblackpearl.ds3.Ds3Paths;

/** The DS3 resource an endpoint works on: the URI path of {@code blackpearl:activeJob} or {@code blackpearl:job}. */
public enum BlackPearlResource {
    /** {@code /_rest_/active_job}: jobs that are still running. */
    activeJob(Ds3Paths.ACTIVE_JOB),
    /** {@code /_rest_/job}: jobs in any state, finished ones included. */
    job(Ds3Paths.JOB);

    private final String path;

    BlackPearlResource(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
