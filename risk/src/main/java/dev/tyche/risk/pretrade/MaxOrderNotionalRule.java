package dev.tyche.risk.pretrade;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.SubmitOrder;

/**
 * Caps the notional of a single order: {@code referencePrice * quantity <= maxNotional}, exactly,
 * with the reference price of {@link OrderRisk#referencePrice} (limit, else trigger, else mark).
 *
 * <p><b>Policy.</b> Applies to every order, reduce-only included: it is a fat-finger and
 * market-impact limit, and a large exit is better split (TWAP, POV) than sent in one piece. An
 * order exactly at the cap passes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 * @param maxNotional the largest order notional in the quote asset, {@code >= 0}
 */
public record MaxOrderNotionalRule(String name, Decimal maxNotional) implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "max-order-notional";

  /** Validates the name and the cap. */
  public MaxOrderNotionalRule {
    Limits.name(name);
    Limits.nonNegative(maxNotional, "maxNotional", name);
  }

  /**
   * The rule with its default name.
   *
   * @param maxNotional the cap in the quote asset, {@code >= 0}
   */
  public MaxOrderNotionalRule(Decimal maxNotional) {
    this(DEFAULT_NAME, maxNotional);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    Price price = OrderRisk.referencePrice(order, ctx.markPrice());
    Decimal notional = price.times(order.quantity());
    if (notional.compareValue(maxNotional) <= 0) {
      return Decision.approve();
    }
    return Decision.deny(
        name,
        "order notional "
            + notional
            + " "
            + ctx.instrument().quoteAsset()
            + " (price "
            + price
            + " x quantity "
            + order.quantity()
            + ") exceeds the maximum "
            + maxNotional);
  }
}
