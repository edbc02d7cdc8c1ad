package io.camelblackpearl.component;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the job-event consumer does with an event whose exchange failed and was not handled by the route's
 * error handler (the consumer option {@code onFailure}).
 */
enum OnFailure {
    /** Not marked seen: delivered again by the next poll; the batch goes on with the other jobs' events. */
    RETRY,
    /** Marked seen as if it had succeeded: logged, and never delivered again. */
    SKIP,
    /** The batch ends here: this event and every later one are delivered again by the next poll. */
    STOP;

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The option's value, in any case; anything else fails naming the option and the value. */
    static OnFailure of(String value) {
        for (OnFailure choice : values()) {
            if (choice.optionValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return choice;
            }
        }
        throw ExchangeInputs.invalid("option onFailure", value,
                "use one of " + Arrays.stream(values()).map(OnFailure::optionValue).toList());
    }
}
