package io.camelblackpearl.simulator.work;

/**
 * The appliance the work model plays: its drives, their rate, its cache and the chunk size jobs are cut into
 * (docs/simulator.md, "The work model").
 *
 * @param drives          tape drives working at once
 * @param driveRate       bytes a second each drive moves
 * @param chunkSize       bytes of a chunk; a job smaller than that is one chunk
 * @param cacheSize       bytes of cache; a chunk holds a chunk-sized place in it from allocation until done
 * @param urgentReserve   the share of the cache's places only URGENT jobs may take (0 to 1)
 */
public record WorkSettings(int drives, long driveRate, long chunkSize, long cacheSize, double urgentReserve) {

    public static final long MB = 1_000_000L;
    public static final long GB = 1_000_000_000L;
    public static final long TB = 1_000_000_000_000L;

    /** Four drives at 300 MB/s, 64 GB chunks, 2 TB of cache of which 15% is kept for URGENT. */
    public static final WorkSettings DEFAULTS = new WorkSettings(4, 300 * MB, 64 * GB, 2 * TB, 0.15);

    public WorkSettings {
        require(drives >= 1, "drives", "at least 1", drives);
        require(driveRate >= 1, "driveRate", "at least 1 byte a second", driveRate);
        require(chunkSize >= 1, "chunkSize", "at least 1 byte", chunkSize);
        require(cacheSize >= chunkSize, "cacheSize", "at least one chunk (" + chunkSize + " bytes)", cacheSize);
        require(urgentReserve >= 0 && urgentReserve < 1, "urgentReserve", "from 0 to below 1", urgentReserve);
    }

    private static void require(boolean ok, String name, String expected, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " must be " + expected + ", was " + value);
        }
    }

    public WorkSettings withDrives(int value) {
        return new WorkSettings(value, driveRate, chunkSize, cacheSize, urgentReserve);
    }

    public WorkSettings withDriveRate(long value) {
        return new WorkSettings(drives, value, chunkSize, cacheSize, urgentReserve);
    }

    public WorkSettings withChunkSize(long value) {
        return new WorkSettings(drives, driveRate, value, Math.max(cacheSize, value), urgentReserve);
    }

    public WorkSettings withCacheSize(long value) {
        return new WorkSettings(drives, driveRate, chunkSize, value, urgentReserve);
    }

    /** Bytes a second the whole appliance moves when every drive is busy. */
    public long applianceRate() {
        return drives * driveRate;
    }

    /** Chunk places in the cache. */
    public int cacheChunks() {
        return (int) Math.min(Integer.MAX_VALUE, cacheSize / chunkSize);
    }

    /** Places only URGENT jobs may take: the reserve, rounded up, but never the whole cache. */
    public int urgentOnlyChunks() {
        return Math.min(cacheChunks() - 1, (int) Math.ceil(urgentReserve * cacheChunks()));
    }

    /**
     * How many chunks a job of this priority may hold while the appliance is throttled, as Spectra documents
     * it: LOW 4, NORMAL max(8, 2 × drives), HIGH max(16, 3 × drives), URGENT (and the system's CRITICAL)
     * no cap. BACKGROUND is treated as LOW.
     */
    public int chunkCap(String priority) {
        return switch (priority) {
            case "URGENT", "CRITICAL" -> Integer.MAX_VALUE;
            case "HIGH" -> Math.max(16, 3 * drives);
            case "NORMAL" -> Math.max(8, 2 * drives);
            default -> 4;
        };
    }

    /** Seconds a job of {@code bytes} takes on an idle appliance: its chunks in rounds over all the drives. */
    public double secondsAlone(long bytes) {
        long chunks = Math.max(1, (bytes + chunkSize - 1) / chunkSize);
        long rounds = (chunks + drives - 1) / drives;
        long lastChunk = bytes - (chunks - 1) * chunkSize;
        long inLastRound = chunks - (rounds - 1) * drives;
        long lastRoundBytes = inLastRound > 1 ? chunkSize : lastChunk;
        return ((rounds - 1) * (double) chunkSize + lastRoundBytes) / driveRate;
    }
}
