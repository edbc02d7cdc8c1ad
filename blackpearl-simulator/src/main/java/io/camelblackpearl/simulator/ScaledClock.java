package io.camelblackpearl.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code scale} times faster than {@code base} from the moment it is made: with scale 600
 * a real second is ten simulated minutes. The simulator's appliance lives on it (ages, progress, dates it
 * writes, the {@code Date} header) while requests' signatures are still checked against the base clock.
 */
public final class ScaledClock extends Clock {

    private final Clock base;
    private final double scale;
    private final Instant origin;

    public ScaledClock(Clock base, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + scale);
        }
        this.base = base;
        this.scale = scale;
        this.origin = base.instant();
    }

    public double scale() {
        return scale;
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(origin, base.instant());
        double nanos = (real.getSeconds() * 1e9 + real.getNano()) * scale;
        return origin.plusSeconds((long) (nanos / 1e9)).plusNanos((long) (nanos % 1e9));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
