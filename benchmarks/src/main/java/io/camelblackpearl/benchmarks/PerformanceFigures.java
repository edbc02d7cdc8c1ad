package io.camelblackpearl.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every figure of the performance work in one command: runs each harness in its own JVM (each starts its own
 * simulator process where it needs one) and prints a table of the measured ratios against their targets.
 * {@code quick} uses fewer rounds and smaller sizes (under a minute here); the default takes a few minutes.
 * {@code runs=N} repeats the whole set N times and prints, per figure, the median of the N runs and their
 * range: on a small shared machine one run's medians still move by a third from run to run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.PerformanceFigures
 *      blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar [quick] [runs=N]</pre>
 */
public final class PerformanceFigures {

    private record Figure(String name, String harness, List<String> jvm, List<String> args, String pattern, String target) {
    }

    private static final String SCALE = "scale";

    private PerformanceFigures() {
    }

    public static void main(String[] args) throws Exception {
        String cli = args.length > 0 ? args[0] : "blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar";
        List<String> flags = List.of(args).subList(Math.min(1, args.length), args.length);
        boolean quick = flags.contains("quick");
        String runsFlag = flags.stream().filter(f -> f.startsWith("runs=")).findFirst().orElse("runs=1");
        int runs;
        try {
            runs = Integer.parseInt(runsFlag.substring(5));
        } catch (NumberFormatException e) {
            runs = 0;
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be a whole number of at least 1, was '" + runsFlag.substring(5) + "'");
        }
        String rounds = quick ? "3" : "7";
        // ProducerVsBareHarness prints figures 1 and 5 in one run; XmlReadHarness figures 2 and 3.
        // Figures 1 and 5: many short paired rounds (a fifth of a second each) rather than a few long ones. On a small
        // shared machine a round's ratio swings widely either way; the median of 25 pairs moves far less than that of 7.
        List<String> modifies = List.of(cli, quick ? "5" : "25", quick ? "500" : "1000");
        List<String> slowModifies = List.of(cli, quick ? "3" : "15", quick ? "100" : "300");
        List<String> documents = List.of(quick ? "200000" : "1000000", rounds);
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("1. modify: producer/bare, 1 caller", "ProducerVsBareHarness", List.of(),
                        modifies, "1 caller\\(s\\), \\d+ paired.*?ratio producer/bare median ([0-9.]+)", ">= 0.85"),
                new Figure("1. modify: producer/bare, 8 callers", "ProducerVsBareHarness", List.of(),
                        modifies, "8 caller\\(s\\), \\d+ paired.*?ratio producer/bare median ([0-9.]+)", ">= 0.90"),
                new Figure("1. client CPU per call: producer/bare, 1 caller", "ProducerVsBareHarness", List.of(),
                        modifies, "1 caller.*?CPU producer/bare ([0-9.]+)", "<= 1.15"),
                new Figure("1. client CPU per call: producer/bare, 8 callers", "ProducerVsBareHarness", List.of(),
                        modifies, "8 caller.*?CPU producer/bare ([0-9.]+)", "<= 1.15"),
                new Figure("1. the same, 1 ms per modify, 1 caller", "ProducerVsBareHarness", List.of("-Dservice.time=1ms"),
                        slowModifies, "1 caller.*?ratio producer/bare median ([0-9.]+)", "(context)"),
                new Figure("1. the same, 1 ms per modify, 8 callers", "ProducerVsBareHarness", List.of("-Dservice.time=1ms"),
                        slowModifies, "8 caller.*?ratio producer/bare median ([0-9.]+)", "(context)"),
                new Figure("2. summary read / bare StAX loop", "XmlReadHarness", List.of("-Xmx3g"),
                        documents, "summary read median .*?ratio median ([0-9.]+)", "<= 1.25"),
                new Figure("3. full read / plain XmlMapper", "XmlReadHarness", List.of("-Xmx3g"),
                        documents, "full read median .*?ratio median ([0-9.]+)", "<= 1.00"),
                new Figure("4. sweep 10,000 jobs / bare client", "EscalationSweepHarness", List.of(),
                        List.of(cli, rounds, "4"), "ratio sweep/bare median\\s+([0-9.]+)", "<= 1.25")));
        for (int connections : new int[] {8, 32}) {
            String line = "under " + connections + " raw keep-alive connections.*?";
            figures.add(new Figure("5. simulator, " + connections + " raw connections (modifies/s)", "ProducerVsBareHarness",
                    List.of(), modifies, line + "median ([0-9.]+)", "(see ratio)"));
            figures.add(new Figure("5. simulator CPU per answer, " + connections + " conn. (µs)", "ProducerVsBareHarness",
                    List.of(), modifies, line + "simulator CPU ([0-9.]+)", "(see ratio)"));
            figures.add(new Figure("5. simulator, " + connections + " conn. / bare client, 8 callers", "ProducerVsBareHarness",
                    List.of(), modifies, line + "ratio median ([0-9.]+)", ">= 2.00"));
        }
        figures.add(new Figure("6. listing time, 10x the jobs (ratio)", "ScaleHarness", List.of("-Xmx1g"),
                quick ? List.of(cli, "5000", "50000") : List.of(cli), SCALE, "~10 (linear)"));
        figures.add(new Figure("7. 200,000 objects over HTTP: full read/summary", "SummaryReadHarness", List.of("-Xmx1g"),
                List.of(cli, "200000", quick ? "5" : "15"), "ratio full/summary median ([0-9.]+)", ">= 3.00"));
        List<List<Double>> values = new ArrayList<>();
        figures.forEach(f -> values.add(new ArrayList<>()));
        for (int r = 1; r <= runs; r++) {
            List<String> rows = new ArrayList<>();
            // Each harness runs once per set of arguments; figures that read the same run share its output.
            Map<List<Object>, String> outputs = new HashMap<>();
            for (int i = 0; i < figures.size(); i++) {
                Figure figure = figures.get(i);
                String output = outputs.computeIfAbsent(List.of(figure.harness(), figure.jvm(), figure.args()), key -> {
                    try {
                        return run(figure);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
                Double value = value(figure, output);
                if (value != null) {
                    values.get(i).add(value);
                }
                rows.add(String.format("  %-46s %10s   target %s", figure.name(), value == null ? "(no figure)" : format(value),
                        figure.target()));
            }
            System.out.println("Performance figures" + (quick ? " (quick)" : "") + (runs > 1 ? ", run " + r + " of " + runs : "")
                    + ", medians of paired rounds:");
            rows.forEach(System.out::println);
        }
        if (runs > 1) {
            System.out.println("Performance figures" + (quick ? " (quick)" : "") + ", median of " + runs + " runs (min-max):");
            for (int i = 0; i < figures.size(); i++) {
                List<Double> v = new ArrayList<>(values.get(i));
                Collections.sort(v);
                String cell = v.isEmpty() ? "(no figure)"
                        : format(v.get(v.size() / 2)) + " (" + format(v.get(0)) + "-" + format(v.get(v.size() - 1)) + ")";
                System.out.println(String.format("  %-46s %24s   target %s", figures.get(i).name(), cell, figures.get(i).target()));
            }
        }
    }

    /** The figure read from its harness's output, or null when the output has none. */
    private static Double value(Figure figure, String output) {
        if (figure.pattern().equals(SCALE)) {
            Matcher sizes = Pattern.compile("jobs: listing\\s+([0-9,]+) ms").matcher(output);
            List<Double> times = new ArrayList<>();
            while (sizes.find()) {
                times.add(Double.parseDouble(sizes.group(1).replace(",", "")));
            }
            return times.size() == 2 ? times.get(1) / times.get(0) : null;
        }
        Matcher m = Pattern.compile(figure.pattern()).matcher(output);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static String format(double value) {
        return value >= 1000 ? String.format("%.0f", value) : String.format("%.2f", value);
    }

    private static String run(Figure figure) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(figure.jvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PerformanceFigures.class.getPackageName() + "." + figure.harness()));
        command.addAll(figure.args());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.MINUTES);
        System.out.print(output);
        return output;
    }
}
