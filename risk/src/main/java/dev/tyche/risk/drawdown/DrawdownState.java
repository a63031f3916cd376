package dev.tyche.risk.drawdown;

/**
 * A snapshot of a {@link DrawdownMonitor}, for the pre-trade gate, reports and other threads.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeMillis the time of the last update, UTC epoch milliseconds
 * @param equity the last equity, in the account's valuation asset
 * @param peak the running peak of equity, {@code > 0}
 * @param drawdown the current drawdown {@code (peak - equity) / peak}, {@code >= 0} (above 1 if
 *     equity went negative)
 * @param maxDrawdown the largest drawdown seen, {@code >= drawdown}
 * @param timeUnderWaterMillis milliseconds since equity was last at its peak, 0 when at the peak
 * @param maxTimeUnderWaterMillis the longest such spell seen, {@code >= timeUnderWaterMillis}
 * @param tierIndex the active tier's index in the policy, or -1 for none
 * @param tierName the active tier's name, or the empty string for none
 * @param exposureMultiplier the factor for new exposure, in [0, 1]; 0 while the kill switch is
 *     engaged
 * @param killSwitchEngaged whether the latched kill switch is engaged
 */
public record DrawdownState(
    long timeMillis,
    double equity,
    double peak,
    double drawdown,
    double maxDrawdown,
    long timeUnderWaterMillis,
    long maxTimeUnderWaterMillis,
    int tierIndex,
    String tierName,
    double exposureMultiplier,
    boolean killSwitchEngaged) {

  // Snapshots are also built by hand in tests of the gate; keep them consistent.
  public DrawdownState {
    if (!(peak > 0.0 && Double.isFinite(peak))) {
      throw new IllegalArgumentException("peak must be finite and > 0 but was " + peak);
    }
    if (!Double.isFinite(equity) || equity > peak) {
      throw new IllegalArgumentException(
          "equity must be finite and <= peak " + peak + " but was " + equity);
    }
    if (!(drawdown >= 0.0 && maxDrawdown >= drawdown)) {
      throw new IllegalArgumentException(
          "need 0 <= drawdown <= maxDrawdown but drawdown was "
              + drawdown
              + " and maxDrawdown "
              + maxDrawdown);
    }
    if (timeUnderWaterMillis < 0 || maxTimeUnderWaterMillis < timeUnderWaterMillis) {
      throw new IllegalArgumentException(
          "need 0 <= timeUnderWaterMillis <= maxTimeUnderWaterMillis but were "
              + timeUnderWaterMillis
              + " and "
              + maxTimeUnderWaterMillis);
    }
    if (tierIndex < -1) {
      throw new IllegalArgumentException("tierIndex must be >= -1 but was " + tierIndex);
    }
    if (tierName == null) {
      throw new NullPointerException("tierName must not be null");
    }
    if (!(exposureMultiplier >= 0.0 && exposureMultiplier <= 1.0)) {
      throw new IllegalArgumentException(
          "exposureMultiplier must be in [0, 1] but was " + exposureMultiplier);
    }
  }
}
