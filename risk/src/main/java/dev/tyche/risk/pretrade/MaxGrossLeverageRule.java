package dev.tyche.risk.pretrade;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.order.SubmitOrder;

/**
 * Caps the account's gross leverage after the order fills completely: {@code grossAfter / equity <=
 * maxLeverage}, where {@code grossAfter = grossExposure - |Q * mark| + |Q' * mark|} replaces this
 * symbol's position {@code Q} by the position {@code Q'} after the order, at the mark. Leverage is
 * an analytic ratio, computed in {@code double} (the two position notionals are exact before the
 * conversion); the comparison is {@code grossAfter <= maxLeverage * equity}.
 *
 * <p><b>Policy.</b> Risk-reducing orders (see {@link OrderRisk}) always pass. A risk-increasing
 * order is denied when equity is zero or negative, whatever its size: leverage is then unbounded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 * @param maxLeverage the largest gross leverage, finite and {@code > 0} (3.0 = gross exposure up to
 *     three times equity)
 */
public record MaxGrossLeverageRule(String name, double maxLeverage) implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "max-gross-leverage";

  /** Validates the name and the cap. */
  public MaxGrossLeverageRule {
    Limits.name(name);
    if (!(maxLeverage > 0.0 && Double.isFinite(maxLeverage))) {
      throw new IllegalArgumentException(
          "maxLeverage of rule " + name + " must be finite and > 0 but was " + maxLeverage);
    }
  }

  /**
   * The rule with its default name.
   *
   * @param maxLeverage the cap, finite and {@code > 0}
   */
  public MaxGrossLeverageRule(double maxLeverage) {
    this(DEFAULT_NAME, maxLeverage);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    Decimal position = ctx.position();
    if (OrderRisk.isRiskReducing(order, position)) {
      return Decision.approve();
    }
    double before = Math.abs(position.times(ctx.markPrice()).toDouble());
    double after =
        Math.abs(OrderRisk.positionAfter(order, position).times(ctx.markPrice()).toDouble());
    double gross = Math.max(0.0, ctx.grossExposure() - before) + after;
    double equity = ctx.equity();
    if (equity > 0.0 && gross <= maxLeverage * equity) {
      return Decision.approve();
    }
    return Decision.deny(
        name,
        "gross exposure after the order "
            + gross
            + " "
            + ctx.instrument().quoteAsset()
            + (equity > 0.0
                ? " is " + gross / equity + "x equity " + equity
                : " with non-positive equity " + equity)
            + ", above the maximum leverage "
            + maxLeverage);
  }
}
