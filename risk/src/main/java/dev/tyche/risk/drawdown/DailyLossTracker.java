package dev.tyche.risk.drawdown;

/**
 * Tracks today's profit and loss from a stream of equity values: the equity at the start of the
 * trading day, today's PnL {@code equity - startOfDayEquity} (realised plus unrealised, since
 * equity includes both) and the worst PnL reached today. It feeds the daily loss limit of the
 * pre-trade rules ({@code dev.tyche.risk.pretrade.DailyLossLimitRule}).
 *
 * <p>A trading day starts at {@code dayStartOffsetMillis} after midnight UTC (0 for the UTC day
 * that Binance uses for its daily statistics). The start-of-day equity is the last equity recorded
 * before the day began, the best available estimate of equity at the boundary; on the very first
 * update it is that update's equity. Deposits and withdrawals are not PnL: report them with {@link
 * #recordCashFlow(double)} so the start-of-day equity moves with them.
 *
 * <p>Each update is O(1) and allocates nothing; time must not go backwards.
 *
 * <p>Mutable; confined to one thread.
 */
public final class DailyLossTracker {

  /** Milliseconds in a day. */
  public static final long DAY_MILLIS = 86_400_000L;

  private final long dayStartOffsetMillis;
  private long updates;
  private long timeMillis;
  private long day;
  private double equity = Double.NaN;
  private double startOfDayEquity = Double.NaN;
  private double worstPnl;

  /**
   * Creates a tracker with no updates yet.
   *
   * @param dayStartOffsetMillis when the trading day starts, in milliseconds after midnight UTC, in
   *     [0, {@link #DAY_MILLIS})
   */
  public DailyLossTracker(long dayStartOffsetMillis) {
    if (dayStartOffsetMillis < 0 || dayStartOffsetMillis >= DAY_MILLIS) {
      throw new IllegalArgumentException(
          "dayStartOffsetMillis must be in [0, 86400000) but was " + dayStartOffsetMillis);
    }
    this.dayStartOffsetMillis = dayStartOffsetMillis;
  }

  /**
   * Records the equity at one time.
   *
   * @param timeMillis UTC epoch milliseconds, not before the previous update
   * @param equity the account equity in its valuation asset, finite (may be zero or negative)
   * @return today's PnL after the update, as {@link #todayPnl()}
   * @throws IllegalArgumentException if the equity is not finite or time goes backwards; the
   *     tracker is then unchanged
   */
  public double update(long timeMillis, double equity) {
    Inputs.requireFiniteEquity(equity, timeMillis);
    Inputs.requireNotBefore(timeMillis, this.timeMillis, updates);
    long d = dayOf(timeMillis);
    if (updates == 0) {
      startOfDayEquity = equity;
      worstPnl = 0.0;
    } else if (d != day) {
      startOfDayEquity = this.equity;
      worstPnl = 0.0;
    }
    updates++;
    day = d;
    this.timeMillis = timeMillis;
    this.equity = equity;
    double pnl = equity - startOfDayEquity;
    if (pnl < worstPnl) {
      worstPnl = pnl;
    }
    return pnl;
  }

  /**
   * Moves the start-of-day equity by a deposit (positive) or withdrawal (negative) already
   * reflected in the next equity value, so that it does not count as PnL.
   *
   * @param amount the cash flow in the valuation asset, finite
   * @throws IllegalStateException before the first update
   */
  public void recordCashFlow(double amount) {
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("amount must be finite but was " + amount);
    }
    if (updates == 0) {
      throw new IllegalStateException("no equity has been recorded yet");
    }
    startOfDayEquity += amount;
  }

  /**
   * The index of the trading day containing a time.
   *
   * @param timeMillis UTC epoch milliseconds
   * @return {@code floor((timeMillis - dayStartOffsetMillis) / DAY_MILLIS)}
   */
  public long dayOf(long timeMillis) {
    return Math.floorDiv(timeMillis - dayStartOffsetMillis, DAY_MILLIS);
  }

  /**
   * The start of the current trading day.
   *
   * @return UTC epoch milliseconds of the day boundary, or 0 before the first update
   */
  public long dayStartMillis() {
    return updates == 0 ? 0 : day * DAY_MILLIS + dayStartOffsetMillis;
  }

  /**
   * The equity at the start of the current trading day.
   *
   * @return the equity, NaN before the first update
   */
  public double startOfDayEquity() {
    return startOfDayEquity;
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
   * Today's PnL, realised plus unrealised.
   *
   * @return {@code equity - startOfDayEquity}, 0 before the first update
   */
  public double todayPnl() {
    return updates == 0 ? 0.0 : equity - startOfDayEquity;
  }

  /**
   * The lowest PnL reached today, over the updates of the current day.
   *
   * @return a value {@code <= 0}
   */
  public double worstPnlToday() {
    return worstPnl;
  }

  /**
   * The number of updates recorded.
   *
   * @return the count
   */
  public long updates() {
    return updates;
  }
}
