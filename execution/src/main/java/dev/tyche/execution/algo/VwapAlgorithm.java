package dev.tyche.execution.algo;

import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Volume-weighted average price: the parent is spread over the horizon in proportion to the
 * expected volume of a {@link VolumeProfile}. One slice per profile bucket that overlaps {@code
 * [start, end)}, sent at {@code max(start, bucket start)}; its weight is the bucket's fraction of
 * daily volume times the share of the bucket inside the horizon. Tracking the expected volume curve
 * is what minimises the expected deviation from the market VWAP when prices do not depend on our
 * trading (Kakade, Kearns, Mansour and Ortiz 2004, §2; Bialkowski, Darolles and Le Fol 2008,
 * "Improving VWAP strategies", J. Banking and Finance 32(9)). If the profile has no volume inside
 * the horizon, the weights fall back to the time shares (a TWAP).
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class VwapAlgorithm extends ExecutionAlgorithm {

  /**
   * A VWAP along a profile.
   *
   * @param parent the parent order
   * @param settings the shared settings
   * @param profile the intraday volume profile
   */
  public VwapAlgorithm(ParentOrder parent, AlgoSettings settings, VolumeProfile profile) {
    this(parent, settings, Plan.of(parent, profile));
  }

  private VwapAlgorithm(ParentOrder parent, AlgoSettings settings, Plan plan) {
    super(parent, settings, plan.times, plan.weights);
  }

  /**
   * The slice weights a VWAP would use (before rounding to the grid).
   *
   * @param parent the parent order
   * @param profile the profile
   * @return one weight per bucket overlapping the horizon, summing to 1
   */
  public static double[] sliceWeights(ParentOrder parent, VolumeProfile profile) {
    double[] w = Plan.of(parent, profile).weights;
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  @Override
  Quantity targetCommitted(long now) {
    return scheduledTarget();
  }

  /** Slice times and weights. */
  private static final class Plan {
    final long[] times;
    final double[] weights;

    private Plan(long[] times, double[] weights) {
      this.times = times;
      this.weights = weights;
    }

    static Plan of(ParentOrder parent, VolumeProfile profile) {
      Objects.requireNonNull(parent, "parent must not be null");
      Objects.requireNonNull(profile, "profile must not be null");
      long b = profile.bucketMillis();
      List<Long> times = new ArrayList<>();
      List<Double> byVolume = new ArrayList<>();
      List<Double> byTime = new ArrayList<>();
      long t = parent.startTime();
      while (t < parent.endTime()) {
        long bucketEnd = Math.floorDiv(t, b) * b + b;
        long sliceEnd = Math.min(bucketEnd, parent.endTime());
        double share = (double) (sliceEnd - t) / b;
        times.add(t);
        byVolume.add(profile.fractionAt(t) * share);
        byTime.add(share);
        t = sliceEnd;
      }
      double total = byVolume.stream().mapToDouble(Double::doubleValue).sum();
      List<Double> chosen = total > 0 ? byVolume : byTime;
      long[] tt = new long[times.size()];
      double[] ww = new double[times.size()];
      for (int i = 0; i < tt.length; i++) {
        tt[i] = times.get(i);
        ww[i] = chosen.get(i);
      }
      return new Plan(tt, ww);
    }
  }
}
