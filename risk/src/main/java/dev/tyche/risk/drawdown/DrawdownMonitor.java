package dev.tyche.risk.drawdown;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A streaming drawdown monitor: fed the account equity over time, it tracks the running peak, the
 * current and maximum drawdown, the time under water, and the active tier of a {@link
 * DrawdownPolicy} with its exposure multiplier and kill switch.
 *
 * <p><b>Definitions</b> (the usual ones, e.g. Magdon-Ismail and Atiya, "Maximum drawdown", Risk
 * 17(10), 2004): after updates {@code E_0..E_t}, the peak is {@code P_t = max_{s<=t} E_s}, the
 * drawdown {@code D_t = (P_t - E_t) / P_t} (a fraction, 0.1 = 10 % below the peak) and the maximum
 * drawdown {@code max_{s<=t} D_s}. These are the quantities of {@code
 * dev.tyche.core.stats.PerformanceMetrics#maxDrawdown} computed one value at a time: each update is
 * O(1) and allocates nothing. Time under water is the time since the last update at which equity
 * was at (or above) its peak; a spell under water lasts until the update that regains the peak (the
 * {@code durationPeriods} of {@code dev.tyche.core.stats.Drawdown}, in milliseconds).
 *
 * <p><b>Tiers.</b> The active tier rises at once to the deepest tier whose threshold the drawdown
 * has reached. It falls back only when the drawdown drops below {@code threshold - hysteresis} of
 * the active tier, and then to the deepest tier {@code j} still satisfying {@code drawdown >=
 * threshold_j - hysteresis}. With zero hysteresis the tier is a function of the current drawdown
 * alone.
 *
 * <p><b>Kill switch.</b> Reaching a tier flagged {@link DrawdownTier#killSwitch()} engages the kill
 * switch, which then stays engaged (latched) even if equity recovers, until {@link
 * #resetKillSwitch()} is called. The reason is that a crash is exactly when the inputs of an
 * automatic rule (marks, fills, the strategy's own view) are least trustworthy and a rebound is
 * least informative: re-risking automatically after a bounce would let a broken strategy or a bad
 * data feed lose the rest of the account. A person (or a separate supervisory process) decides when
 * to trade again. While engaged, {@link #exposureMultiplier()} is 0.
 *
 * <p>Equity is the account's equity in its valuation asset (balance plus unrealised PnL, e.g.
 * {@code Ledger.equity}). The first equity must be positive so that drawdown fractions are defined;
 * later values may be zero or negative (a blown-up margin account), giving a drawdown of 1 or more.
 * Deposits and withdrawals move equity without being performance: call {@link #rebasePeak()} after
 * one, or feed equity net of cash flows.
 *
 * <p>Mutable; confined to one thread.
 */
public final class DrawdownMonitor {

  private final DrawdownPolicy policy;
  // Copies of the table as arrays: the update loop reads them without touching the List.
  private final double[] thresholds;
  private final double[] multipliers;
  private final boolean[] kills;
  private final double hysteresis;

  private long updates;
  private long timeMillis;
  private double equity = Double.NaN;
  private double peak = Double.NaN;
  private long peakTimeMillis;
  private double drawdown;
  private double maxDrawdown;
  private long maxTimeUnderWaterMillis;
  private int tierIndex = -1;
  private boolean killSwitch;

  /**
   * Creates a monitor with no updates yet.
   *
   * @param policy the tier table
   */
  public DrawdownMonitor(DrawdownPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    List<DrawdownTier> tiers = policy.tiers();
    int n = tiers.size();
    thresholds = new double[n];
    multipliers = new double[n];
    kills = new boolean[n];
    for (int i = 0; i < n; i++) {
      thresholds[i] = tiers.get(i).threshold();
      multipliers[i] = tiers.get(i).exposureMultiplier();
      kills[i] = tiers.get(i).killSwitch();
    }
    hysteresis = policy.hysteresis();
  }

  /**
   * Records the equity at one time and returns the resulting exposure multiplier.
   *
   * @param timeMillis the time of the value, UTC epoch milliseconds, not before the previous update
   * @param equity the account equity in its valuation asset, finite; the first one {@code > 0}
   * @return {@link #exposureMultiplier()} after the update
   * @throws IllegalArgumentException if the equity is NaN or infinite, the first equity is not
   *     positive, or time goes backwards; the monitor is then unchanged
   */
  public double update(long timeMillis, double equity) {
    Inputs.requireFiniteEquity(equity, timeMillis);
    Inputs.requireNotBefore(timeMillis, this.timeMillis, updates);
    if (updates == 0 && !(equity > 0.0)) {
      throw new IllegalArgumentException(
          "the first equity must be > 0 so that drawdowns are defined but was " + equity);
    }
    updates++;
    this.timeMillis = timeMillis;
    this.equity = equity;
    if (updates == 1 || equity >= peak) {
      // A spell under water ends at the update that regains the peak and counts up to it.
      if (drawdown > 0.0 && timeMillis - peakTimeMillis > maxTimeUnderWaterMillis) {
        maxTimeUnderWaterMillis = timeMillis - peakTimeMillis;
      }
      peak = equity;
      peakTimeMillis = timeMillis;
      drawdown = 0.0;
    } else {
      // (P - E) / P rather than 1 - E / P: when P - E is exact (as for round numbers) this is the
      // correctly rounded fraction, so a 10 % fall from 100 to 90 gives exactly 0.1 and reaches a
      // 0.10 threshold (1 - 0.9 would give 0.09999999999999998).
      drawdown = (peak - equity) / peak;
      if (drawdown > maxDrawdown) {
        maxDrawdown = drawdown;
      }
    }
    long underWater = timeMillis - peakTimeMillis;
    if (underWater > maxTimeUnderWaterMillis) {
      maxTimeUnderWaterMillis = underWater;
    }
    tierIndex = nextTier(tierIndex, drawdown);
    if (tierIndex >= 0 && kills[tierIndex]) {
      killSwitch = true;
    }
    return exposureMultiplier();
  }

  private int nextTier(int current, double dd) {
    int raw = rawTier(dd);
    if (raw >= current) {
      return raw;
    }
    // Stepping down: stay in the deepest tier whose hysteresis band the drawdown is still in.
    for (int j = current; j > raw; j--) {
      if (dd >= thresholds[j] - hysteresis) {
        return j;
      }
    }
    return raw;
  }

  private int rawTier(double dd) {
    int index = -1;
    for (int i = 0; i < thresholds.length && dd >= thresholds[i]; i++) {
      index = i;
    }
    return index;
  }

  /**
   * Disengages the kill switch. The tier is re-evaluated from the current drawdown without
   * hysteresis; if that tier still engages the kill switch, the switch engages again at once (to
   * resume trading while deep in drawdown, call {@link #rebasePeak()} first, which accepts the loss
   * and measures drawdown from the current equity).
   *
   * @return true if the kill switch is now disengaged
   */
  public boolean resetKillSwitch() {
    killSwitch = false;
    tierIndex = rawTier(drawdown);
    if (tierIndex >= 0 && kills[tierIndex]) {
      killSwitch = true;
    }
    return !killSwitch;
  }

  /**
   * Makes the current equity the new peak: the drawdown and time under water restart from zero and
   * the tier drops to none. The maximum drawdown and the longest time under water keep their
   * history, and the kill switch is left as it is (reset it separately).
   *
   * @throws IllegalStateException before the first update or if the equity is not positive
   */
  public void rebasePeak() {
    requireUpdated();
    if (!(equity > 0.0)) {
      throw new IllegalStateException("cannot rebase on a non-positive equity " + equity);
    }
    peak = equity;
    peakTimeMillis = timeMillis;
    drawdown = 0.0;
    tierIndex = -1;
  }

  private void requireUpdated() {
    if (updates == 0) {
      throw new IllegalStateException("no equity has been recorded yet");
    }
  }

  /**
   * The policy this monitor applies.
   *
   * @return the tier table
   */
  public DrawdownPolicy policy() {
    return policy;
  }

  /**
   * The number of updates recorded.
   *
   * @return the count
   */
  public long updates() {
    return updates;
  }

  /**
   * The time of the last update.
   *
   * @return UTC epoch milliseconds, 0 before the first update
   */
  public long timeMillis() {
    return timeMillis;
  }

  /**
   * The last equity.
   *
   * @return the equity, NaN before the first update
   */
  public double equity() {
    return equity;
  }

  /**
   * The running peak of equity.
   *
   * @return the peak, NaN before the first update
   */
  public double peak() {
    return peak;
  }

  /**
   * The current drawdown {@code (peak - equity) / peak}.
   *
   * @return the fraction below the peak, {@code >= 0}; 0 before the first update
   */
  public double drawdown() {
    return drawdown;
  }

  /**
   * The largest drawdown since the first update.
   *
   * @return the maximum drawdown fraction, {@code >= 0}
   */
  public double maxDrawdown() {
    return maxDrawdown;
  }

  /**
   * The time since equity was last at its peak.
   *
   * @return milliseconds, 0 when at the peak
   */
  public long timeUnderWaterMillis() {
    return updates == 0 ? 0 : timeMillis - peakTimeMillis;
  }

  /**
   * The longest time under water seen so far: a finished spell counts from the last update at the
   * peak to the update that regained it; the current spell counts up to the last update.
   *
   * @return milliseconds
   */
  public long maxTimeUnderWaterMillis() {
    return maxTimeUnderWaterMillis;
  }

  /**
   * The active tier's index in {@link DrawdownPolicy#tiers()}.
   *
   * @return the index, or -1 if no tier is active
   */
  public int tierIndex() {
    return tierIndex;
  }

  /**
   * The active tier.
   *
   * @return the tier, or empty if none is active
   */
  public Optional<DrawdownTier> tier() {
    return tierIndex < 0 ? Optional.empty() : Optional.of(policy.tiers().get(tierIndex));
  }

  /**
   * The factor to scale new target exposure by: the active tier's multiplier, 1 with no active
   * tier, and 0 while the kill switch is engaged.
   *
   * @return the multiplier, in [0, 1]
   */
  public double exposureMultiplier() {
    if (killSwitch) {
      return 0.0;
    }
    return tierIndex < 0 ? 1.0 : multipliers[tierIndex];
  }

  /**
   * Whether the latched kill switch is engaged.
   *
   * @return true from the update that reached a kill-switch tier until a successful {@link
   *     #resetKillSwitch()}
   */
  public boolean killSwitchEngaged() {
    return killSwitch;
  }

  /**
   * An immutable snapshot of the monitor.
   *
   * @return the state
   * @throws IllegalStateException before the first update
   */
  public DrawdownState state() {
    requireUpdated();
    return new DrawdownState(
        timeMillis,
        equity,
        peak,
        drawdown,
        maxDrawdown,
        timeUnderWaterMillis(),
        maxTimeUnderWaterMillis,
        tierIndex,
        tierIndex < 0 ? "" : policy.tiers().get(tierIndex).name(),
        exposureMultiplier(),
        killSwitch);
  }
}
