package io.camelblackpearl.simulator.work;

import java.util.List;
import java.util.NoSuchElementException;

/** Where a {@link WorkModel}'s new jobs come from, in time order. */
public interface Arrivals {

    /** When the next job arrives (simulator clock, epoch millis); {@link Long#MAX_VALUE} when no more will. */
    long nextAt();

    /** Takes the next job off the schedule. */
    Arrival take();

    /** An independent copy at the same point: the benchmark's oracle plays futures forward on copies. */
    Arrivals copy();

    /** These arrivals, in the order given (which must be time order). */
    static Arrivals of(List<Arrival> arrivals) {
        return new Listed(List.copyOf(arrivals), 0);
    }

    /** A fixed list of arrivals played from a position; a copy shares the list and keeps its own position. */
    final class Listed implements Arrivals {
        private final List<Arrival> arrivals;
        private int next;

        private Listed(List<Arrival> arrivals, int next) {
            this.arrivals = arrivals;
            this.next = next;
        }

        @Override
        public long nextAt() {
            return next < arrivals.size() ? arrivals.get(next).atMillis() : Long.MAX_VALUE;
        }

        @Override
        public Arrival take() {
            return arrivals.get(next++);
        }

        @Override
        public Arrivals copy() {
            return new Listed(arrivals, next);
        }

        @Override
        public String toString() {
            return "a workload of " + arrivals.size() + " jobs";
        }
    }

    /** No arrivals at all. */
    Arrivals NONE = new Arrivals() {
        @Override
        public long nextAt() {
            return Long.MAX_VALUE;
        }

        @Override
        public Arrival take() {
            throw new NoSuchElementException("no arrivals");
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
