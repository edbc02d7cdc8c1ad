package io.camelblackpearl.escalation;

/** An escalation policy that cannot be used; the message names the file, the rule and the field. */
public class PolicyException extends IllegalArgumentException {

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
