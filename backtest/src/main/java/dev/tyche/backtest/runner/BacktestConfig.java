package dev.tyche.backtest.runner;

import dev.tyche.backtest.result.RegimeSeries;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Money;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import dev.tyche.risk.pretrade.PreTradeRule;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything that defines a backtest besides its data. The same configuration and data give the
 * same result, bit for bit: every random draw is seeded by {@code venue.seed()}, and strategies are
 * created afresh for each run by their suppliers (a strategy is mutable, so one instance must never
 * serve two runs).
 *
 * <p>Immutable and thread-safe (provided the suppliers are).
 *
 * @param name the run's name, for reports
 * @param instruments the instruments traded and fed, distinct symbols, all quoted and margined in
 *     the deposit's asset
 * @param initialDeposit the starting capital, {@code > 0}; its asset is the valuation asset
 * @param venue the simulated venue: fill model (with its slippage/impact model), fees, order
 *     latency, price band, liquidation margin and seed
 * @param riskRules the pre-trade rules every order passes, in order (none = every checkable order
 *     passes)
 * @param strategies strategy factories by id, in the engine's dispatch order (kept)
 * @param periodsPerYear sampling periods per year for annualised metrics, e.g. {@code 24 * 365} for
 *     hourly samples of a market that trades every day
 * @param sampleEveryMillis besides every bar close, sample the equity whenever the clock crosses a
 *     multiple of this many ms (for feeds without bars); 0 = bar closes only
 * @param regimes an optional regime series for per-regime contributions and chart shading
 */
public record BacktestConfig(
    String name,
    List<Instrument> instruments,
    Money initialDeposit,
    SimulatedVenueConfig venue,
    List<PreTradeRule> riskRules,
    Map<StrategyId, Supplier<? extends Strategy>> strategies,
    double periodsPerYear,
    long sampleEveryMillis,
    Optional<RegimeSeries> regimes) {

  /** Validates and copies. */
  public BacktestConfig {
    Objects.requireNonNull(name, "name must not be null");
    instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments must not be null"));
    Objects.requireNonNull(initialDeposit, "initialDeposit must not be null");
    Objects.requireNonNull(venue, "venue must not be null");
    riskRules = List.copyOf(Objects.requireNonNull(riskRules, "riskRules must not be null"));
    Objects.requireNonNull(strategies, "strategies must not be null");
    Objects.requireNonNull(regimes, "regimes must not be null (use Optional.empty())");
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("instruments must not be empty");
    }
    if (initialDeposit.signum() <= 0) {
      throw new IllegalArgumentException("initialDeposit must be > 0 but was " + initialDeposit);
    }
    Asset valuation = initialDeposit.asset();
    Set<Symbol> seen = new HashSet<>();
    for (Instrument i : instruments) {
      if (!seen.add(i.symbol())) {
        throw new IllegalArgumentException(
            "instruments must have distinct symbols but " + i.symbol() + " repeats");
      }
      if (!i.quoteAsset().equals(valuation) || !i.marginAsset().equals(valuation)) {
        throw new IllegalArgumentException(
            "instruments must be quoted and margined in the deposit's asset "
                + valuation
                + " but "
                + i.symbol()
                + " is quoted in "
                + i.quoteAsset()
                + " and margined in "
                + i.marginAsset());
      }
    }
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("strategies must not be empty");
    }
    Map<StrategyId, Supplier<? extends Strategy>> copy = new LinkedHashMap<>();
    for (Map.Entry<StrategyId, Supplier<? extends Strategy>> e : strategies.entrySet()) {
      copy.put(
          Objects.requireNonNull(e.getKey(), "strategy id must not be null"),
          Objects.requireNonNull(e.getValue(), "supplier of " + e.getKey() + " must not be null"));
    }
    strategies = Collections.unmodifiableMap(copy);
    if (!(periodsPerYear > 0.0 && Double.isFinite(periodsPerYear))) {
      throw new IllegalArgumentException(
          "periodsPerYear must be finite and > 0 but was " + periodsPerYear);
    }
    if (sampleEveryMillis < 0) {
      throw new IllegalArgumentException(
          "sampleEveryMillis must be >= 0 but was " + sampleEveryMillis);
    }
  }

  /**
   * A configuration with one strategy, no risk rules, sampling at bar closes and no regimes.
   *
   * @param name the run's name
   * @param instrument the instrument
   * @param initialDeposit the starting capital
   * @param venue the venue configuration
   * @param id the strategy's id
   * @param strategy its factory
   * @param periodsPerYear sampling periods per year
   * @return the configuration
   */
  public static BacktestConfig of(
      String name,
      Instrument instrument,
      Money initialDeposit,
      SimulatedVenueConfig venue,
      StrategyId id,
      Supplier<? extends Strategy> strategy,
      double periodsPerYear) {
    return new BacktestConfig(
        name,
        List.of(instrument),
        initialDeposit,
        venue,
        List.of(),
        Map.of(id, strategy),
        periodsPerYear,
        0L,
        Optional.empty());
  }

  /**
   * A copy with other risk rules.
   *
   * @param rules the rules
   * @return the copy
   */
  public BacktestConfig withRiskRules(List<PreTradeRule> rules) {
    return new BacktestConfig(
        name,
        instruments,
        initialDeposit,
        venue,
        rules,
        strategies,
        periodsPerYear,
        sampleEveryMillis,
        regimes);
  }

  /**
   * A copy with another venue configuration (fees, slippage, latency, seed).
   *
   * @param newVenue the venue configuration
   * @return the copy
   */
  public BacktestConfig withVenue(SimulatedVenueConfig newVenue) {
    return new BacktestConfig(
        name,
        instruments,
        initialDeposit,
        newVenue,
        riskRules,
        strategies,
        periodsPerYear,
        sampleEveryMillis,
        regimes);
  }

  /**
   * A copy with a regime series.
   *
   * @param series the regimes
   * @return the copy
   */
  public BacktestConfig withRegimes(RegimeSeries series) {
    return new BacktestConfig(
        name,
        instruments,
        initialDeposit,
        venue,
        riskRules,
        strategies,
        periodsPerYear,
        sampleEveryMillis,
        Optional.of(series));
  }

  /**
   * A copy with a sampling grid.
   *
   * @param millis the grid step in ms, 0 = bar closes only
   * @return the copy
   */
  public BacktestConfig withSampleEveryMillis(long millis) {
    return new BacktestConfig(
        name,
        instruments,
        initialDeposit,
        venue,
        riskRules,
        strategies,
        periodsPerYear,
        millis,
        regimes);
  }

  /**
   * The valuation asset: the deposit's asset.
   *
   * @return the asset
   */
  public Asset valuation() {
    return initialDeposit.asset();
  }
}
