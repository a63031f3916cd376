package dev.tyche.risk.pretrade;

import dev.tyche.core.order.SubmitOrder;

/**
 * Stops new risk once today's loss exceeds a limit. Today's loss is {@code -ctx.todayPnl()},
 * realised plus unrealised since the start of the trading day (see {@code
 * dev.tyche.risk.drawdown.DailyLossTracker}). The order is denied when the loss is strictly greater
 * than {@code maxLoss}, or strictly greater than {@code maxLossFraction * startOfDayEquity}; either
 * limit may be switched off with {@code Double.POSITIVE_INFINITY}.
 *
 * <p><b>Policy.</b> Only risk-increasing orders are denied (see {@link OrderRisk}); risk-reducing
 * orders, reduce-only ones in particular, still pass, so positions can be closed after the limit is
 * hit. The rule does not close anything itself.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 * @param maxLoss the largest tolerated loss today in the valuation asset, {@code >= 0}, or {@code
 *     +inf} for no absolute limit
 * @param maxLossFraction the largest tolerated loss as a fraction of start-of-day equity, {@code >=
 *     0}, or {@code +inf} for no relative limit
 */
public record DailyLossLimitRule(String name, double maxLoss, double maxLossFraction)
    implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "daily-loss-limit";

  /** Validates the name and the limits. */
  public DailyLossLimitRule {
    Limits.name(name);
    if (!(maxLoss >= 0.0)) {
      throw new IllegalArgumentException(
          "maxLoss of rule " + name + " must be >= 0 but was " + maxLoss);
    }
    if (!(maxLossFraction >= 0.0)) {
      throw new IllegalArgumentException(
          "maxLossFraction of rule " + name + " must be >= 0 but was " + maxLossFraction);
    }
    if (maxLoss == Double.POSITIVE_INFINITY && maxLossFraction == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "rule " + name + " needs at least one finite limit but both were infinite");
    }
  }

  /**
   * An absolute limit with the default name.
   *
   * @param maxLoss the largest tolerated loss today in the valuation asset, finite and {@code >= 0}
   * @return the rule
   */
  public static DailyLossLimitRule amount(double maxLoss) {
    return new DailyLossLimitRule(DEFAULT_NAME, maxLoss, Double.POSITIVE_INFINITY);
  }

  /**
   * A limit relative to start-of-day equity with the default name.
   *
   * @param maxLossFraction the largest tolerated loss as a fraction of start-of-day equity (0.03 =
   *     3 %), finite and {@code >= 0}
   * @return the rule
   */
  public static DailyLossLimitRule fraction(double maxLossFraction) {
    return new DailyLossLimitRule(DEFAULT_NAME, Double.POSITIVE_INFINITY, maxLossFraction);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    double loss = -ctx.todayPnl();
    double relativeLimit = maxLossFraction * ctx.startOfDayEquity();
    boolean overAbsolute = loss > maxLoss;
    // 0 * inf would be NaN; an infinite fraction means no relative limit.
    boolean overRelative = maxLossFraction != Double.POSITIVE_INFINITY && loss > relativeLimit;
    if (!(overAbsolute || overRelative) || OrderRisk.isRiskReducing(order, ctx.position())) {
      return Decision.approve();
    }
    return Decision.deny(
        name,
        "today's loss "
            + loss
            + " "
            + ctx.instrument().quoteAsset()
            + " (start-of-day equity "
            + ctx.startOfDayEquity()
            + ", equity "
            + ctx.equity()
            + ") exceeds "
            + (overAbsolute
                ? "the limit " + maxLoss
                : "the limit " + maxLossFraction + " x start-of-day equity = " + relativeLimit)
            + "; only risk-reducing orders are allowed");
  }
}
