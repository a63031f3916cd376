package dev.tyche.core.stats;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The maximum drawdown of a price or equity series {@code P_0..P_n} and where it happened.
 *
 * <p>{@code maxDrawdown = max_t (1 - P_t / max_{s<=t} P_s)}, a positive fraction (0.25 = the series
 * fell 25 % below its running peak). Indices are 0-based into the price array:
 *
 * <ul>
 *   <li>{@code troughIndex}: the first {@code t} at which the maximum is attained;
 *   <li>{@code peakIndex}: the last index {@code s <= troughIndex} at which {@code P_s} equals the
 *       running maximum {@code max_{s<=trough} P_s}, i.e. the start of the underwater spell that
 *       contains the trough;
 *   <li>{@code recoveryIndex}: the first index after the trough with {@code P >= P_peak}, empty if
 *       the series never gets back to the peak;
 *   <li>{@code durationPeriods}: {@code recoveryIndex - peakIndex} when recovered, otherwise {@code
 *       n - peakIndex} (still underwater at the last index {@code n}, so a lower bound).
 * </ul>
 *
 * <p>A series that never falls below its running maximum has {@code maxDrawdown = 0} and, by the
 * same rules, {@code peakIndex = troughIndex = 0}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxDrawdown the maximum drawdown, in {@code [0, 1)}
 * @param peakIndex index of the peak, {@code >= 0}
 * @param troughIndex index of the trough, {@code >= peakIndex}
 * @param recoveryIndex index of the recovery, {@code > troughIndex}, or empty if never
 * @param durationPeriods periods from peak to recovery (or to the last index), {@code >=
 *     troughIndex - peakIndex}
 * @param peakValue the price at the peak, finite and {@code > 0}
 * @param troughValue the price at the trough, in {@code (0, peakValue]}
 */
public record Drawdown(
    double maxDrawdown,
    int peakIndex,
    int troughIndex,
    OptionalInt recoveryIndex,
    int durationPeriods,
    double peakValue,
    double troughValue) {

  /** Validates the invariants listed on the type. */
  public Drawdown {
    if (!(maxDrawdown >= 0.0 && maxDrawdown < 1.0)) {
      throw new IllegalArgumentException("maxDrawdown must be in [0, 1) but was " + maxDrawdown);
    }
    if (peakIndex < 0) {
      throw new IllegalArgumentException("peakIndex must be >= 0 but was " + peakIndex);
    }
    if (troughIndex < peakIndex) {
      throw new IllegalArgumentException(
          "troughIndex must be >= peakIndex = " + peakIndex + " but was " + troughIndex);
    }
    Objects.requireNonNull(recoveryIndex, "recoveryIndex");
    if (recoveryIndex.isPresent() && recoveryIndex.getAsInt() <= troughIndex) {
      throw new IllegalArgumentException(
          "recoveryIndex must be > troughIndex = "
              + troughIndex
              + " but was "
              + recoveryIndex.getAsInt());
    }
    if (recoveryIndex.isPresent() && durationPeriods != recoveryIndex.getAsInt() - peakIndex) {
      throw new IllegalArgumentException(
          "durationPeriods must be recoveryIndex - peakIndex = "
              + (recoveryIndex.getAsInt() - peakIndex)
              + " but was "
              + durationPeriods);
    }
    if (durationPeriods < troughIndex - peakIndex) {
      throw new IllegalArgumentException(
          "durationPeriods must be >= troughIndex - peakIndex = "
              + (troughIndex - peakIndex)
              + " but was "
              + durationPeriods);
    }
    if (!(Double.isFinite(peakValue) && peakValue > 0.0)) {
      throw new IllegalArgumentException("peakValue must be finite and > 0 but was " + peakValue);
    }
    if (!(troughValue > 0.0 && troughValue <= peakValue)) {
      throw new IllegalArgumentException(
          "troughValue must be in (0, peakValue = " + peakValue + "] but was " + troughValue);
    }
  }

  /**
   * Whether the series got back to the peak value after the trough.
   *
   * @return true if {@link #recoveryIndex()} is present
   */
  public boolean recovered() {
    return recoveryIndex.isPresent();
  }

  /**
   * Periods from the peak down to the trough.
   *
   * @return {@code troughIndex - peakIndex}
   */
  public int peakToTroughPeriods() {
    return troughIndex - peakIndex;
  }
}
