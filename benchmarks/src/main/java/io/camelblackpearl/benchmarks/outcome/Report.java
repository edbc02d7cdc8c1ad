package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.benchmarks.outcome.OutcomeBenchmark.Estimate;
import io.camelblackpearl.benchmarks.outcome.OutcomeBenchmark.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The outcome benchmark's tables, checks and goal, as Markdown for docs/benchmarks.md. */
final class Report {

    final List<Point> points;
    final List<Double> loads;
    final boolean oracle;
    final int maxUrgentJobs;

    Report(List<Point> points, List<Double> loads, boolean oracle, int maxUrgentJobs) {
        this.points = points;
        this.loads = loads;
        this.oracle = oracle;
        this.maxUrgentJobs = maxUrgentJobs;
    }

    List<String> policies() {
        List<String> out = new ArrayList<>(List.of(OutcomeBenchmark.POLICIES));
        if (!oracle) {
            out.remove("oracle");
        }
        return out;
    }

    List<Point> at(double load) {
        return points.stream().filter(p -> p.load() == load).toList();
    }

    Estimate figure(double load, String policy, ToDoubleFunction<Outcome> f) {
        return OutcomeBenchmark.estimate(at(load), policy, f);
    }

    Estimate edf(double load, ToDoubleFunction<EdfRelaxation.Result> f) {
        List<Double> values = new ArrayList<>();
        for (Point p : at(load)) {
            values.add(f.applyAsDouble(p.edf()));
        }
        return Estimate.of(values);
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        for (double load : loads) {
            List<Point> here = at(load);
            s.append(String.format(Locale.ROOT, "%n#### Offered load %.1f (%d seeds, %s jobs with deadlines a day)%n%n", load, here.size(),
                    figure(load, "no escalation", o -> o.deadlineJobs()).show("%.0f")));
            s.append("| policy | deadline misses | missed TB | p95 lateness (h) | p95 slowdown, no deadline | URGENT job-hours | priority changes | most at URGENT |\n");
            s.append("|---|---|---|---|---|---|---|---|\n");
            for (String policy : policies()) {
                int most = here.stream().mapToInt(p -> p.outcomes().get(policy).mostUrgent()).max().orElse(0);
                s.append("| ").append(policy)
                        .append(" | ").append(figure(load, policy, o -> o.misses()).show("%.1f"))
                        .append(" | ").append(figure(load, policy, o -> o.missedBytes() / 1e12).show("%.1f"))
                        .append(" | ").append(figure(load, policy, Outcome::p95LatenessHours).show("%.1f"))
                        .append(" | ").append(figure(load, policy, Outcome::p95Slowdown).show("%.1f"))
                        .append(" | ").append(figure(load, policy, Outcome::urgentJobHours).show("%.0f"))
                        .append(" | ").append(figure(load, policy, o -> o.changes()).show("%.0f"))
                        .append(" | ").append(most).append(" |\n");
            }
            s.append("| EDF relaxation (limit) | ").append(edf(load, r -> r.misses()).show("%.1f"))
                    .append(" | ").append(edf(load, r -> r.missedBytes() / 1e12).show("%.1f"))
                    .append(" | ").append(edf(load, EdfRelaxation.Result::p95LatenessHours).show("%.1f")).append(" | | | | |\n");
            double none = figure(load, "no escalation", o -> o.misses()).mean();
            double ladder = figure(load, "age ladder", o -> o.misses()).mean();
            if (ladder > none) {
                s.append(String.format(Locale.ROOT, "%nThe age ladder does harm here: it misses %.1f deadlines where no escalation misses %.1f.%n",
                        ladder, none));
            }
        }
        s.append(checks());
        s.append(goal(0.9, OutcomeBenchmark.DEADLINE));
        s.append(goal(0.9, OutcomeBenchmark.DEADLINE_URGENT));
        return s.toString();
    }

    private String checks() {
        StringBuilder s = new StringBuilder("\n");
        if (oracle) {
            int violations = 0;
            for (Point p : points) {
                int o = p.outcomes().get("oracle").misses();
                for (Map.Entry<String, Outcome> other : p.outcomes().entrySet()) {
                    if (other.getValue().misses() < o) {
                        violations++;
                        s.append(String.format(Locale.ROOT, "- NOT A BOUND: load %.1f seed %d: oracle %d misses, %s %d%n",
                                p.load(), p.seed(), o, other.getKey(), other.getValue().misses()));
                    }
                }
            }
            if (violations == 0) {
                s.append(String.format(Locale.ROOT, "- Oracle bound checked: on all %d workloads the oracle missed no more deadlines than "
                        + "any other policy.%n", points.size()));
            }
        }
        for (String policy : policies()) {
            int most = points.stream().mapToInt(p -> p.outcomes().get(policy).mostUrgent()).max().orElse(0);
            s.append(String.format(Locale.ROOT, "- %s: at most %d jobs at URGENT at once on any workload (maxUrgentJobs %d)%s%n",
                    policy, most, maxUrgentJobs, most > maxUrgentJobs ? ": EXCEEDED" : ""));
        }
        return s.toString();
    }

    String goal(double load, String policy) {
        if (!loads.contains(load)) {
            return "";
        }
        double none = figure(load, "no escalation", o -> o.misses()).mean();
        double ladder = figure(load, "age ladder", o -> o.misses()).mean();
        double better = Math.min(none, ladder);
        double deadline = figure(load, policy, o -> o.misses()).mean();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%n**Goal at load %.1f, %s** (better baseline: %s, %.1f misses)%n%n",
                load, policy, none <= ladder ? "no escalation" : "age ladder", better));
        s.append("| goal | measured | met |\n|---|---|---|\n");
        double share = better == 0 ? 0 : deadline / better;
        s.append(row("misses ≤ 30% of the better baseline's", String.format(Locale.ROOT, "%.0f%% (%.1f of %.1f)", share * 100, deadline, better),
                share <= 0.30));
        if (oracle) {
            double o = figure(load, "oracle", x -> x.misses()).mean();
            double closed = better - o <= 0 ? 1 : (better - deadline) / (better - o);
            s.append(row("closes ≥ 70% of the gap to the oracle", String.format(Locale.ROOT, "%.0f%% (oracle %.1f)", closed * 100, o),
                    closed >= 0.70));
        }
        double slowD = figure(load, policy, Outcome::p95Slowdown).mean();
        double slowL = figure(load, "age ladder", Outcome::p95Slowdown).mean();
        // The same workloads under both policies: the per-workload ratio says how much of the gap is noise.
        List<Double> ratios = new ArrayList<>();
        for (Point p : at(load)) {
            ratios.add(p.outcomes().get(policy).p95Slowdown() / p.outcomes().get("age ladder").p95Slowdown() - 1);
        }
        Estimate paired = Estimate.of(ratios);
        s.append(row("jobs without deadlines ≤ 10% slower (p95) than under the ladder",
                String.format(Locale.ROOT, "%.1f vs %.1f (%+.0f%%; paired per workload %+.0f%% ± %.0f%%)", slowD, slowL,
                        (slowD / slowL - 1) * 100, paired.mean() * 100, paired.halfWidth() * 100), slowD <= 1.10 * slowL));
        double urgD = figure(load, policy, Outcome::urgentJobHours).mean();
        double urgL = figure(load, "age ladder", Outcome::urgentJobHours).mean();
        s.append(row("URGENT job-hours ≤ the ladder's", String.format(Locale.ROOT, "%.1f vs %.1f", urgD, urgL), urgD <= urgL));
        int most = points.stream().mapToInt(p -> p.outcomes().get(policy).mostUrgent()).max().orElse(0);
        s.append(row("never more than maxUrgentJobs at URGENT", most + " of " + maxUrgentJobs, most <= maxUrgentJobs));
        return s.toString();
    }

    private static String row(String goal, String measured, boolean met) {
        return "| " + goal + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }
}
