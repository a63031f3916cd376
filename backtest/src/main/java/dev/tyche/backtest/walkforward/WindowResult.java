package dev.tyche.backtest.walkforward;

import dev.tyche.backtest.sweep.ParameterSet;
import java.util.Objects;

/**
 * The outcome of one walk-forward window: the parameters chosen on the training periods, their
 * in-sample score, and their score on the test periods.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window the window
 * @param chosen the parameters with the best in-sample score (the first in search order on ties)
 * @param inSampleScore the objective on the concatenated training returns of {@code chosen}; NaN if
 *     every candidate scored NaN
 * @param outOfSampleScore the objective on the test returns of {@code chosen}, possibly NaN or
 *     infinite
 * @param candidatesEvaluated how many parameter sets were evaluated in-sample, {@code >= 1}
 * @param testReturns the returns of {@code chosen} over the test range
 */
public record WindowResult(
    Window window,
    ParameterSet chosen,
    double inSampleScore,
    double outOfSampleScore,
    int candidatesEvaluated,
    PeriodReturns testReturns) {

  /** Validates the fields. */
  public WindowResult {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(testReturns, "testReturns");
    if (candidatesEvaluated < 1) {
      throw new IllegalArgumentException(
          "candidatesEvaluated must be >= 1 but was " + candidatesEvaluated);
    }
    if (testReturns.length() != window.test().length()) {
      throw new IllegalArgumentException(
          "testReturns must have "
              + window.test().length()
              + " values for test "
              + window.test()
              + " but had "
              + testReturns.length());
    }
  }
}
