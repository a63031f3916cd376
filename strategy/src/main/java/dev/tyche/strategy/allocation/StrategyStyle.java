package dev.tyche.strategy.allocation;

/**
 * The kinds of strategy the default allocation matrix assigns weights to, one per signal generator
 * in this module.
 *
 * <p>Immutable and thread-safe.
 */
public enum StrategyStyle {
  /** Moving-average crossover with a trailing stop ({@code strategy.trend}). */
  TREND_FOLLOWING,
  /** Bollinger bands with an RSI filter ({@code strategy.meanreversion}). */
  MEAN_REVERSION,
  /** Support/resistance from rolling extremes ({@code strategy.range}). */
  RANGE_TRADING,
  /** Long spot, short perpetual for positive funding ({@code strategy.funding}). */
  FUNDING_CARRY
}
