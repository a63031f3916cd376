package dev.tyche.execution.algo;

import dev.tyche.core.num.Quantity;
import dev.tyche.execution.schedule.AlmgrenChriss;
import dev.tyche.execution.schedule.AlmgrenChrissParameters;
import dev.tyche.execution.schedule.AlmgrenChrissSchedule;
import java.util.Objects;

/**
 * Trades along an Almgren-Chriss optimal trade list (Almgren and Chriss 2000, §2.2, eq. (18)): the
 * model's {@code N} trades {@code n_1..n_N} become the slice weights (so the parent quantity need
 * not equal the model's {@code X}; the shape is what counts), sent at {@code t_k = start + k (end -
 * start) / N}, {@code k = 0..N-1}, exactly on the grid with the last slice taking the remainder.
 * With risk aversion 0 the list is linear and this is a TWAP; a higher risk aversion front-loads
 * the trading. Schedules that trade both ways (possible with drift) are rejected.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class AlmgrenChrissAlgorithm extends ExecutionAlgorithm {

  private final AlmgrenChrissSchedule schedule;

  /**
   * An algorithm following a computed schedule.
   *
   * @param parent the parent order, on the schedule's side
   * @param settings the shared settings
   * @param schedule the optimal schedule, with all trades {@code >= 0}
   */
  public AlmgrenChrissAlgorithm(
      ParentOrder parent, AlgoSettings settings, AlmgrenChrissSchedule schedule) {
    super(parent, settings, times(parent, schedule), weights(parent, schedule));
    this.schedule = schedule;
  }

  /**
   * An algorithm following the optimal schedule for the given problem and risk aversion.
   *
   * @param parent the parent order
   * @param settings the shared settings
   * @param parameters the Almgren-Chriss problem
   * @param riskAversion {@code lambda}, {@code >= 0}
   * @return the algorithm
   */
  public static AlmgrenChrissAlgorithm optimal(
      ParentOrder parent,
      AlgoSettings settings,
      AlmgrenChrissParameters parameters,
      double riskAversion) {
    return new AlmgrenChrissAlgorithm(
        parent, settings, AlmgrenChriss.optimalSchedule(parameters, riskAversion));
  }

  /**
   * The schedule followed.
   *
   * @return the schedule
   */
  public AlmgrenChrissSchedule schedule() {
    return schedule;
  }

  private static long[] times(ParentOrder parent, AlmgrenChrissSchedule schedule) {
    Objects.requireNonNull(parent, "parent must not be null");
    Objects.requireNonNull(schedule, "schedule must not be null");
    int n = schedule.parameters().intervals();
    if (parent.durationMillis() < n) {
      throw new IllegalArgumentException(
          "the horizon of " + parent.durationMillis() + " ms is too short for " + n + " intervals");
    }
    long[] t = new long[n];
    for (int k = 0; k < n; k++) {
      t[k] = parent.startTime() + Math.floorDiv(k * parent.durationMillis(), (long) n);
    }
    return t;
  }

  private static double[] weights(ParentOrder parent, AlmgrenChrissSchedule schedule) {
    if (schedule.parameters().side() != parent.side()) {
      throw new IllegalArgumentException(
          "schedule side must be the parent's "
              + parent.side()
              + " but was "
              + schedule.parameters().side());
    }
    double[] trades = schedule.trades();
    double noise = 1e-12 * schedule.parameters().quantity();
    for (int k = 0; k < trades.length; k++) {
      // Rounding in the sinh formula can leave -1e-17 where the model means 0.
      if (trades[k] < 0 && trades[k] >= -noise) {
        trades[k] = 0;
      }
      if (trades[k] < 0) {
        throw new IllegalArgumentException(
            "trades must all be >= 0 (a schedule that trades both ways is not supported) but"
                + " trades["
                + k
                + "] was "
                + trades[k]);
      }
    }
    return trades;
  }

  @Override
  Quantity targetCommitted(long now) {
    return scheduledTarget();
  }
}
