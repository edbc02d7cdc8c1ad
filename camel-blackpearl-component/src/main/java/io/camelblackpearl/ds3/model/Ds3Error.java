package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The appliance's {@code <Error>} document. Codes for 400, 409 and 503 are undocumented, so callers key
 * on the HTTP status, not on {@link #code()}.
 */
public record Ds3Error(
        @JsonProperty("Code") String code,
        @JsonProperty("HttpErrorCode") Integer httpErrorCode,
        @JsonProperty("Message") String message,
        @JsonProperty("Resource") String resource,
        @JsonProperty("ResourceId") Long resourceId) {
}
