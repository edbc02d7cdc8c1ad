package io.camelblackpearl.ds3;


/**
 * A DS3 query string in the order parameters are added. Values are percent-encoded per RFC 3986 (a space
 * is {@code %20}, a plus {@code %2B}); a flag such as {@code force} is sent bare.
 */
final class QueryString {

    private final StringBuilder query = new StringBuilder();

    QueryString add(String name, String value) {
        separator();
        query.append(name).append('=');
        Ds3Paths.percentEncode(query, value);
        return this;
    }

    QueryString flag(String name) {
        separator();
        query.append(name);
        return this;
    }

    private void separator() {
        if (query.length() > 0) {
            query.append('&');
        }
    }

    boolean isEmpty() {
        return query.length() == 0;
    }

    @Override
    public String toString() {
        return query.toString();
    }

}
