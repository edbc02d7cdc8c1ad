package io.camelblackpearl.component;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@code blackpearl:} producer does with each message. */
public enum BlackPearlOperation {
    /** Modify (Active) Job: PUT with priority, name, created_at and flags; the answer is a MasterObjectList. */
    modify,
    /** Get (Active) Job. */
    get,
    /** List Active Jobs, every page. */
    list,
    /** Cancel Active Job: DELETE with force. */
    cancel,
    /** Truncate Active Job: DELETE without force. */
    truncate;

    /** Whether this operation exists on {@code resource}; list, cancel and truncate are active-job calls only. */
    public boolean supports(BlackPearlResource resource) {
        return switch (resource) {
            case activeJob -> true;
            case job -> this == modify || this == get;
            case completedJob -> this == list;
        };
    }

    /** The operations {@code resource} has, for messages. */
    public static String supportedOn(BlackPearlResource resource) {
        return Arrays.stream(values()).filter(op -> op.supports(resource)).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
