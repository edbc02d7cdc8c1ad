package io.camelblackpearl.simulator;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link Ds3Simulator} for a test class: started before the first test, stopped after the last,
 * with jobs and request counters reset before each test so tests do not see each other's traffic.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BlackPearlSimulatorExtension blackPearl = BlackPearlSimulatorExtension.withJobs(SeedPlan.jobs(50));
 * }</pre>
 * Test methods may also declare a {@link Ds3Simulator} or {@link SimulatedAppliance} parameter.
 */
public final class BlackPearlSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private final Ds3Simulator.Builder builder;
    private final SeedPlan seed;
    private final Consumer<SimulatedAppliance> beforeEach;
    private Ds3Simulator simulator;

    private BlackPearlSimulatorExtension(Ds3Simulator.Builder builder, SeedPlan seed, Consumer<SimulatedAppliance> beforeEach) {
        this.builder = builder;
        this.seed = seed;
        this.beforeEach = beforeEach;
    }

    /** A simulator with no jobs; tests put their own. */
    public static BlackPearlSimulatorExtension empty() {
        return new BlackPearlSimulatorExtension(Ds3Simulator.builder(), null, appliance -> { });
    }

    /** A simulator re-seeded with {@code plan} before each test. */
    public static BlackPearlSimulatorExtension withJobs(SeedPlan plan) {
        return new BlackPearlSimulatorExtension(Ds3Simulator.builder(), plan, appliance -> { });
    }

    /** A simulator built from {@code builder} (credentials, clock, ...), re-seeded with {@code plan} (may be null). */
    public static BlackPearlSimulatorExtension of(Ds3Simulator.Builder builder, SeedPlan plan) {
        return new BlackPearlSimulatorExtension(builder, plan, appliance -> { });
    }

    /** Also runs {@code setup} on the appliance before each test, after seeding. */
    public BlackPearlSimulatorExtension beforeEach(Consumer<SimulatedAppliance> setup) {
        return new BlackPearlSimulatorExtension(builder, seed, beforeEach.andThen(setup));
    }

    public Ds3Simulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator starts before the first test of the class");
        }
        return simulator;
    }

    public SimulatedAppliance appliance() {
        return simulator().appliance();
    }

    public String endpoint() {
        return simulator().endpoint();
    }

    public String accessKey() {
        return simulator().accessKey();
    }

    public String secretKey() {
        return simulator().secretKey();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SimulatedAppliance appliance = simulator().appliance();
        appliance.faults().clear();
        appliance.clearJobs();
        if (seed != null) {
            appliance.putAll(seed.jobs());
        }
        beforeEach.accept(appliance);
        appliance.resetRequests();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Ds3Simulator.class || type == SimulatedAppliance.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Ds3Simulator.class ? simulator() : simulator().appliance();
    }
}
