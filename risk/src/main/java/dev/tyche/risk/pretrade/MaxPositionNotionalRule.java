package dev.tyche.risk.pretrade;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.order.SubmitOrder;

/**
 * Caps the notional of the position in one symbol after the order fills completely: {@code
 * |position + signedQuantity| * mark <= maxNotional}, exactly. The position is valued at the mark,
 * the price it would be marked at once open.
 *
 * <p><b>Policy.</b> Risk-reducing orders (see {@link OrderRisk}) always pass, even when the
 * position is above the cap (after a mark move), so an oversized position can always be cut. A
 * risk-increasing order passes if the position after it is at or below the cap; this includes a
 * flip whose new position is within the cap.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 * @param maxNotional the largest absolute position notional in the quote asset, {@code >= 0}
 */
public record MaxPositionNotionalRule(String name, Decimal maxNotional) implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "max-position-notional";

  /** Validates the name and the cap. */
  public MaxPositionNotionalRule {
    Limits.name(name);
    Limits.nonNegative(maxNotional, "maxNotional", name);
  }

  /**
   * The rule with its default name.
   *
   * @param maxNotional the cap in the quote asset, {@code >= 0}
   */
  public MaxPositionNotionalRule(Decimal maxNotional) {
    this(DEFAULT_NAME, maxNotional);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    Decimal position = ctx.position();
    if (OrderRisk.isRiskReducing(order, position)) {
      return Decision.approve();
    }
    Decimal after = OrderRisk.positionAfter(order, position);
    Decimal notional = after.times(ctx.markPrice());
    if (notional.signum() < 0) {
      notional = notional.negate();
    }
    if (notional.compareValue(maxNotional) <= 0) {
      return Decision.approve();
    }
    return Decision.deny(
        name,
        "position notional after the order "
            + notional
            + " "
            + ctx.instrument().quoteAsset()
            + " (position "
            + position
            + " "
            + order.side()
            + " "
            + order.quantity()
            + " = "
            + after
            + " at mark "
            + ctx.markPrice()
            + ") exceeds the maximum "
            + maxNotional
            + " for "
            + ctx.instrument().symbol());
  }
}
