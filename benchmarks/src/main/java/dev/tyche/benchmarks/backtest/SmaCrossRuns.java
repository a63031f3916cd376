package dev.tyche.benchmarks.backtest;

import dev.tyche.backtest.feed.HistoricalFeeds;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.runner.BacktestConfig;
import dev.tyche.backtest.runner.BacktestRunner;
import dev.tyche.core.id.Asset;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import java.util.function.Supplier;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The two sides of the end-to-end backtest comparison: Tyche's {@link BacktestRunner} (engine, risk
 * gate, simulated venue, ledger, sampling at every bar close) and ta4j's {@link BarSeriesManager}
 * running the same SMA crossover rules.
 *
 * <p>Immutable and thread-safe (static helpers).
 */
public final class SmaCrossRuns {

  /** The strategy id used in Tyche runs. */
  public static final StrategyId ID = StrategyId.of("sma-cross");

  private SmaCrossRuns() {}

  /**
   * A Tyche configuration: one strategy, no risk rules, the bar fill model ({@code NEXT_OPEN}, no
   * slippage), a deposit large enough never to constrain the one-unit position.
   *
   * @param strategy the strategy factory
   * @return the configuration
   */
  public static BacktestConfig config(Supplier<SmaCrossStrategy> strategy) {
    return BacktestConfig.of(
        "sma-cross",
        SmaCrossData.INSTRUMENT,
        Money.of(Asset.USDT, Decimal.parse("10000000")),
        SimulatedVenueConfig.of(FillModel.bars()),
        ID,
        strategy,
        525_600.0);
  }

  /**
   * Runs the Tyche backtest.
   *
   * @param data the bars
   * @param fast the fast period
   * @param slow the slow period
   * @return the result
   */
  public static BacktestResult tyche(SmaCrossData data, int fast, int slow) {
    return BacktestRunner.run(
        config(
            () ->
                new SmaCrossStrategy(
                    SmaCrossData.SYMBOL, Quantity.parse("1.000"), fast, slow, false)),
        HistoricalFeeds.bars("bars", data.bars()));
  }

  /**
   * Runs ta4j on a pre-built series with fresh indicators (their caches start empty).
   *
   * @param series the series
   * @param fast the fast period
   * @param slow the slow period
   * @return the trading record
   */
  public static TradingRecord ta4j(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(close, fast);
    SMAIndicator s = new SMAIndicator(close, slow);
    BaseStrategy strategy =
        new BaseStrategy(
            new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s), slow);
    return new BarSeriesManager(series).run(strategy);
  }
}
