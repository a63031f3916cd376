package dev.tyche.execution.algo;

import dev.tyche.core.num.Quantity;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Time-weighted average price: the parent is split into {@code n} equal slices (exactly, on the
 * step grid, the last taking the remainder; see {@link ChildSlicer#split}) sent at {@code t_k =
 * start + k (end - start) / n}, {@code k = 0..n-1}. A TWAP of 1.000 BTC over 10 one-minute slices
 * with step 0.001 sends ten children of 0.100.
 *
 * <p><b>Randomised timing.</b> With a jitter fraction {@code f} in {@code [0, 1)} every slice time
 * after the first moves by {@code u_k (end - start) / n} with {@code u_k} uniform on {@code [-f/2,
 * f/2]}, drawn from a {@link SplittableRandom} seeded with {@code seed}: the times stay strictly
 * increasing and inside the horizon, the quantities do not change, and the same seed gives the same
 * times (so a backtest is reproducible while the pattern is harder for others to detect).
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class TwapAlgorithm extends ExecutionAlgorithm {

  /**
   * A TWAP with evenly spaced slices.
   *
   * @param parent the parent order
   * @param settings the shared settings
   * @param slices the number of slices {@code n}, {@code >= 1}
   */
  public TwapAlgorithm(ParentOrder parent, AlgoSettings settings, int slices) {
    this(parent, settings, slices, 0.0, 0L);
  }

  /**
   * A TWAP with randomised slice times.
   *
   * @param parent the parent order
   * @param settings the shared settings
   * @param slices the number of slices {@code n}, {@code >= 1}
   * @param jitterFraction {@code f}, in {@code [0, 1)}
   * @param seed the seed of the timing jitter
   */
  public TwapAlgorithm(
      ParentOrder parent, AlgoSettings settings, int slices, double jitterFraction, long seed) {
    super(parent, settings, sliceTimes(parent, slices, jitterFraction, seed), equal(slices));
  }

  /**
   * The slice times a TWAP would use.
   *
   * @param parent the parent order
   * @param slices {@code n}, {@code >= 1}
   * @param jitterFraction {@code f}, in {@code [0, 1)}
   * @param seed the jitter seed
   * @return {@code n} strictly increasing times in {@code [start, end)}, UTC epoch milliseconds
   */
  public static long[] sliceTimes(
      ParentOrder parent, int slices, double jitterFraction, long seed) {
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be >= 1 but was " + slices);
    }
    if (!(jitterFraction >= 0 && jitterFraction < 1)) {
      throw new IllegalArgumentException(
          "jitterFraction must be in [0, 1) but was " + jitterFraction);
    }
    if (parent.durationMillis() < slices) {
      throw new IllegalArgumentException(
          "the horizon of "
              + parent.durationMillis()
              + " ms is too short for "
              + slices
              + " slices");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double interval = (double) parent.durationMillis() / slices;
    long[] times = new long[slices];
    times[0] = parent.startTime();
    for (int k = 1; k < slices; k++) {
      double u = jitterFraction == 0 ? 0 : (random.nextDouble() - 0.5) * jitterFraction;
      long t = parent.startTime() + (long) Math.floor((k + u) * interval);
      // Millisecond rounding could tie two close slices; keep the order strict.
      times[k] = Math.max(t, times[k - 1] + 1);
    }
    return times;
  }

  private static double[] equal(int slices) {
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be >= 1 but was " + slices);
    }
    double[] w = new double[slices];
    Arrays.fill(w, 1.0);
    return w;
  }

  @Override
  Quantity targetCommitted(long now) {
    return scheduledTarget();
  }
}
