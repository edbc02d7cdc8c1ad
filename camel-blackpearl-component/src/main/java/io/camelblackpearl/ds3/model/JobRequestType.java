package io.camelblackpearl.ds3.model;

/** What a bulk job does: archive (PUT), restore (GET) or check (VERIFY). */
public enum JobRequestType {
    PUT, GET, VERIFY
}
