package io.camelblackpearl.simulator.work;

import java.util.UUID;

/**
 * SplitMix64: a small seeded generator whose whole state is one long, so a copy continues exactly where the
 * original is (java.util.Random cannot be copied). Same seed, same draws.
 */
public final class SplitMix {

    private long state;

    public SplitMix(long seed) {
        this.state = seed;
    }

    public SplitMix copy() {
        return new SplitMix(state);
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller; one of the pair is dropped so that the state stays one long). */
    public double nextGaussian() {
        double u1 = 1 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Exponential of the given mean. */
    public double nextExponential(double mean) {
        return -mean * Math.log(1 - nextDouble());
    }

    /** A well-formed version-4 UUID from the draws. */
    public UUID nextUuid() {
        long msb = (nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
