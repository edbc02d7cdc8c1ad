package io.camelblackpearl.simulator.work;

/** Where a {@link WorkModel}'s new jobs come from, in time order. */
public interface Arrivals {

    /** When the next job arrives (simulator clock, epoch millis); {@link Long#MAX_VALUE} when no more will. */
    long nextAt();

    /** Takes the next job off the schedule. */
    Arrival take();

    /** An independent copy at the same point: the benchmark's oracle plays futures forward on copies. */
    Arrivals copy();

    /** No arrivals at all. */
    Arrivals NONE = new Arrivals() {
        @Override
        public long nextAt() {
            return Long.MAX_VALUE;
        }

        @Override
        public Arrival take() {
            throw new java.util.NoSuchElementException("no arrivals");
        }

        @Override
        public Arrivals copy() {
            return this;
        }

        @Override
        public String toString() {
            return "no arrivals";
        }
    };
}
