package io.camelblackpearl.ds3;

/** The appliance answered with success, but the body was not the DS3 document expected. */
public class BlackPearlResponseParseException extends BlackPearlException {

    private final int responseStatus;

    public BlackPearlResponseParseException(String method, String path, int responseStatus, String what, Throwable cause) {
        super(method, path, "the " + what + " in the HTTP " + responseStatus + " answer could not be read: "
                + (cause == null ? "" : cause.getMessage()), cause);
        this.responseStatus = responseStatus;
    }

    /** The status of the answer whose body was unreadable. */
    public int getResponseStatus() {
        return responseStatus;
    }
}
