package io.camelblackpearl.component;

import org.apache.camel.spi.Metadata;

/** The message headers the {@code blackpearl:} producer reads and writes, and the consumer sets on each event. */
public final class BlackPearlConstants {

    @Metadata(label = "producer", description = """
            The operation to perform, overriding the endpoint's operation option: modify, get, list, cancel or truncate.""",
              javaType = "String")
    public static final String OPERATION = "CamelBlackPearlOperation";

    @Metadata(description = """
            Producer, in: the job to act on (UUID or name), overriding the jobId option. Producer, out: the id \
            of the job the appliance answered for. Consumer: the id of the job the event is about.""",
              javaType = "String")
    public static final String JOB_ID = "CamelBlackPearlJobId";

    @Metadata(description = """
            Producer, in: the priority to set (modify) or to filter by (list), overriding the priority option: \
            URGENT, HIGH, NORMAL or LOW. Producer, out: the job's priority in the appliance's answer. Consumer: \
            the job's priority now (for COMPLETED and CANCELED, its final priority).""",
              javaType = "String")
    public static final String PRIORITY = "CamelBlackPearlPriority";

    @Metadata(description = """
            Producer: the job name to set (modify) or to filter by (list), overriding the name option. \
            Consumer: the name of the job the event is about.""",
              javaType = "String")
    public static final String JOB_NAME = "CamelBlackPearlJobName";

    @Metadata(label = "producer", description = """
            The creation time to set (modify), overriding the createdAt option. Accepts Instant, Date, \
            OffsetDateTime, ZonedDateTime, a number of epoch seconds (below 10^11) or milliseconds, or an \
            ISO-8601 string.""",
              javaType = "Object")
    public static final String CREATED_AT = "CamelBlackPearlCreatedAt";

    @Metadata(label = "producer", description = """
            Whether the appliance may clean the job up when it is dead (modify), overriding the \
            deadJobCleanupAllowed option.""",
              javaType = "Boolean")
    public static final String DEAD_JOB_CLEANUP_ALLOWED = "CamelBlackPearlDeadJobCleanupAllowed";

    @Metadata(label = "producer", description = """
            Whether the job is protected from deletion (modify), overriding the protected option.""",
              javaType = "Boolean")
    public static final String PROTECTED = "CamelBlackPearlProtected";

    @Metadata(label = "producer", description = """
            The job's status in the appliance's answer (modify and get on the job resource): IN_PROGRESS, \
            COMPLETED or CANCELED.""",
              javaType = "String")
    public static final String JOB_STATUS = "CamelBlackPearlJobStatus";

    @Metadata(label = "producer", description = "The HTTP status of the appliance's answer (200 or 204).",
              javaType = "Integer")
    public static final String HTTP_STATUS = "CamelBlackPearlHttpStatus";

    @Metadata(label = "producer", description = """
            List only: how many active jobs matched, as the appliance reported it in Total-Result-Count.""",
              javaType = "Long")
    public static final String TOTAL_RESULT_COUNT = "CamelBlackPearlTotalResultCount";

    @Metadata(label = "producer", description = """
            How many attempts the call took: 1 when the first succeeded, more when it was retried (see maxRetries). \
            Also set when the call finally failed.""",
              javaType = "Integer")
    public static final String ATTEMPTS = "CamelBlackPearlAttempts";

    @Metadata(label = "producer", description = """
            The appliance's id of the request (its x-amz-request-id answer header), which Spectra support asks for: \
            the last page's for list. Also set when the call failed with an answer; absent when none came.""",
              javaType = "String")
    public static final String REQUEST_ID = "CamelBlackPearlRequestId";

    @Metadata(label = "producer", description = """
            List only: the appliance's time when it answered (its Date header), absent when it sent none. Job ages and \
            deadline projections are measured against it, so a host whose clock is off (or a time-scaled simulator) \
            does not distort them.""",
              javaType = "java.time.Instant")
    public static final String APPLIANCE_DATE = "CamelBlackPearlApplianceDate";

    @Metadata(label = "consumer", description = """
            What happened to the job: CREATED, PRIORITY_CHANGED, WAITING, COMPLETED or CANCELED.""",
              javaType = "String")
    public static final String EVENT = "CamelBlackPearlEvent";

    @Metadata(label = "consumer", description = """
            When it happened: the job's creation time (CREATED), the date it completed or was canceled, the \
            moment its age passed waitingAfter (WAITING), or the poll that saw a priority change (the \
            appliance does not date those).""",
              javaType = "java.time.Instant")
    public static final String EVENT_TIME = "CamelBlackPearlEventTime";

    @Metadata(label = "consumer", description = "PRIORITY_CHANGED only: the job's priority at the previous poll.",
              javaType = "String")
    public static final String PREVIOUS_PRIORITY = "CamelBlackPearlPreviousPriority";

    @Metadata(label = "consumer", description = "The job's request type: PUT, GET or VERIFY.", javaType = "String")
    public static final String REQUEST_TYPE = "CamelBlackPearlRequestType";

    private BlackPearlConstants() {
    }
}
