package dev.tyche.backtest.walkforward;

import dev.tyche.backtest.sweep.ParameterSet;

/**
 * Evaluates a strategy with given parameters over a range of periods. This is where a backtest
 * runner plugs in: build a fresh engine for the parameters, replay periods {@code [fromInclusive,
 * toExclusive)}, and return one return per period.
 *
 * <p><b>Contract.</b> The result has exactly {@code toExclusive - fromInclusive} returns, the
 * {@code i}-th being the return of period {@code fromInclusive + i}. A call depends only on its
 * arguments and the data: it may read data before {@code fromInclusive} for warm-up (indicators
 * need history) but never at or after {@code toExclusive}. Calls may run concurrently when the
 * walk-forward engine uses a parallel sweep, so they must not share mutable state.
 *
 * <p>Implementations must be thread-safe when used with a parallel sweep.
 */
@FunctionalInterface
public interface Evaluator {

  /**
   * Runs the strategy over {@code [fromInclusive, toExclusive)}.
   *
   * @param parameters the parameters
   * @param fromInclusive the first period index
   * @param toExclusive one past the last period index, {@code > fromInclusive}
   * @return one return per period
   */
  PeriodReturns evaluate(ParameterSet parameters, int fromInclusive, int toExclusive);
}
