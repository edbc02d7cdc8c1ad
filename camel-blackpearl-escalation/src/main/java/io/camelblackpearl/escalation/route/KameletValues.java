package io.camelblackpearl.escalation.route;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The text of a Kamelet parameter as the user wrote it. Camel hands a Kamelet's parameters to its template
 * beans URL-encoded when the route gave them as a YAML map ({@code parameters: {policyFile: "classpath:p.yaml"}}
 * arrives as {@code classpath%3Ap.yaml}), and as written when they came in the URI. One rule for every text
 * parameter: a value with percent escapes and none of the characters such encoding always escapes is the
 * encoded form, and is decoded; anything else is kept as it is.
 */
final class KameletValues {

    /** Characters URL encoding never leaves as they are: a value holding one was not encoded. */
    private static final Pattern UNENCODED = Pattern.compile("[ :/?=&#@$,;]");
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private KameletValues() {
    }

    static String decoded(String value) {
        if (value == null || UNENCODED.matcher(value).find() || !(ESCAPE.matcher(value).find() || value.contains("+"))) {
            return value;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return value;
        }
    }
}
