package dev.tyche.strategy.regime.detector;

/**
 * Which past data a {@link RegimeDetector} refits its models on.
 *
 * <p>Immutable and thread-safe.
 */
public enum FitWindow {
  /** Every bar since the first one (the window grows with the history). */
  EXPANDING,
  /** The latest {@link RegimeDetectorConfig#windowLength()} returns only. */
  ROLLING
}
