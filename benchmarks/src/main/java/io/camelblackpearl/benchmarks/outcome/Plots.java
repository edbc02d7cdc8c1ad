package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.benchmarks.outcome.OutcomeBenchmark.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The outcome benchmark's plots (JFreeChart, PNG): misses against load, and lateness at load 0.9. */
final class Plots {

    private Plots() {
    }

    static void write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        YIntervalSeriesCollection misses = new YIntervalSeriesCollection();
        for (String policy : report.policies()) {
            YIntervalSeries series = new YIntervalSeries(policy);
            for (double load : report.loads) {
                Estimate e = report.figure(load, policy, o -> o.misses());
                series.add(load, e.mean(), e.mean() - e.halfWidth(), e.mean() + e.halfWidth());
            }
            misses.addSeries(series);
        }
        YIntervalSeries edf = new YIntervalSeries("EDF relaxation (limit)");
        for (double load : report.loads) {
            Estimate e = report.edf(load, r -> r.misses());
            edf.add(load, e.mean(), e.mean() - e.halfWidth(), e.mean() + e.halfWidth());
        }
        misses.addSeries(edf);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        XYPlot plot = new XYPlot(misses, new NumberAxis("offered load"), new NumberAxis("deadline misses a day (mean, 95% CI)"), renderer);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        JFreeChart chart = new JFreeChart("Deadline misses against load", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartUtils.saveChartAsPNG(dir.resolve("outcome-misses-by-load.png").toFile(), chart, 900, 560);

        DefaultStatisticalCategoryDataset lateness = new DefaultStatisticalCategoryDataset();
        double load = report.loads.contains(0.9) ? 0.9 : report.loads.get(0);
        for (String policy : report.policies()) {
            Estimate e = report.figure(load, policy, Outcome::p95LatenessHours);
            lateness.add(e.mean(), e.halfWidth(), "p95 lateness", policy);
        }
        Estimate e = report.edf(load, EdfRelaxation.Result::p95LatenessHours);
        lateness.add(e.mean(), e.halfWidth(), "p95 lateness", "EDF relaxation");
        CategoryAxis policies = new CategoryAxis("policy");
        policies.setMaximumCategoryLabelLines(2);
        CategoryPlot bars = new CategoryPlot(lateness, policies,
                new NumberAxis("p95 lateness of jobs with deadlines, hours (mean, 95% CI)"), new StatisticalBarRenderer());
        JFreeChart barChart = new JFreeChart("Lateness at offered load " + load, JFreeChart.DEFAULT_TITLE_FONT, bars, false);
        ChartUtils.saveChartAsPNG(dir.resolve("outcome-lateness-0.9.png").toFile(), barChart, 900, 560);
    }
}
