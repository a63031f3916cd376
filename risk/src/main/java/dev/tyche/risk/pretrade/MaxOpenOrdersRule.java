package dev.tyche.risk.pretrade;

import dev.tyche.core.order.SubmitOrder;

/**
 * Caps the number of open orders, over all symbols and per symbol (Binance's {@code MAX_NUM_ORDERS}
 * is per symbol, 200 on BTCUSDT). A new order passes if, counting it, neither cap is exceeded:
 * {@code openOrders + 1 <= maxTotal} and {@code openOrdersForSymbol + 1 <= maxPerSymbol}.
 *
 * <p><b>Policy.</b> Applies to every order, reduce-only included, as the venue's limit does; a
 * strategy that hits it has runaway order placement, which no exit should add to. Cancel first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 * @param maxTotal the largest number of open orders over all symbols, {@code >= 1}
 * @param maxPerSymbol the largest number of open orders in one symbol, {@code >= 1}
 */
public record MaxOpenOrdersRule(String name, int maxTotal, int maxPerSymbol)
    implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "max-open-orders";

  /** Validates the name and the caps. */
  public MaxOpenOrdersRule {
    Limits.name(name);
    if (maxTotal < 1) {
      throw new IllegalArgumentException(
          "maxTotal of rule " + name + " must be >= 1 but was " + maxTotal);
    }
    if (maxPerSymbol < 1) {
      throw new IllegalArgumentException(
          "maxPerSymbol of rule " + name + " must be >= 1 but was " + maxPerSymbol);
    }
  }

  /**
   * The rule with its default name.
   *
   * @param maxTotal the cap over all symbols, {@code >= 1}
   * @param maxPerSymbol the cap per symbol, {@code >= 1}
   */
  public MaxOpenOrdersRule(int maxTotal, int maxPerSymbol) {
    this(DEFAULT_NAME, maxTotal, maxPerSymbol);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    if (ctx.openOrders() >= maxTotal) {
      return Decision.deny(
          name, ctx.openOrders() + " orders are open, the maximum over all symbols is " + maxTotal);
    }
    if (ctx.openOrdersForSymbol() >= maxPerSymbol) {
      return Decision.deny(
          name,
          ctx.openOrdersForSymbol()
              + " orders are open in "
              + ctx.instrument().symbol()
              + ", the maximum per symbol is "
              + maxPerSymbol);
    }
    return Decision.approve();
  }
}
