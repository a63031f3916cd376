package dev.tyche.strategy.trend;

/**
 * Which moving average the crossover uses.
 *
 * <p>Immutable and thread-safe.
 */
public enum MovingAverageType {
  /** Simple moving average ({@link dev.tyche.strategy.indicator.Sma}). */
  SMA,
  /**
   * Exponential moving average, {@code alpha = 2/(n+1)} ({@link dev.tyche.strategy.indicator.Ema}).
   */
  EMA
}
