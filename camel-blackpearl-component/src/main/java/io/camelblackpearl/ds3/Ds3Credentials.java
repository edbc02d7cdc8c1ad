package io.camelblackpearl.ds3;

import java.util.Objects;

/**
 * A BlackPearl user's access id and secret key. {@link #toString()} never shows the secret.
 *
 * @param accessKey the access id, sent verbatim (BlackPearl ids are the Base64 of the user name)
 * @param secretKey the secret key as typed; it is the HMAC key and is never decoded
 */
public record Ds3Credentials(String accessKey, String secretKey) {

    public Ds3Credentials {
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey must not be empty");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey must not be empty");
        }
    }

    @Override
    public String toString() {
        return "Ds3Credentials[accessKey=" + accessKey + ", secretKey=******]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ds3Credentials other && accessKey.equals(other.accessKey) && secretKey.equals(other.secretKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretKey);
    }
}
