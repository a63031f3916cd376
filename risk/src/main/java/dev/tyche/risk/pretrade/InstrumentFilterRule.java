package dev.tyche.risk.pretrade;

import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.SubmitOrder;
import java.util.Optional;

/**
 * Checks an order against the instrument's exchange filters the way the venue would, through {@link
 * Instrument#filterViolation(Price, Quantity)}: price on the tick grid, quantity on the step grid
 * and within [minQuantity, maxQuantity], and notional at least minNotional.
 *
 * <p><b>Policy.</b> Applies to every order, risk-reducing or not: an order that breaks a filter is
 * rejected by the venue anyway, and denying it here saves the round trip and the rate-limit weight.
 * The price is the limit price, else the trigger price (a trigger price next to a limit price must
 * be on the tick grid too), else, for market orders, the mark price as Binance does for {@code
 * MIN_NOTIONAL}: the notional is compared at the exact mark and the grid filters at the mark
 * rounded up to a tick (a mark is usually finer than the tick). With {@code
 * exemptReduceOnlyFromMinNotional} (Binance USDT-M's behaviour), orders flagged reduce-only skip
 * the minimum-notional filter, so that a small remainder of a position can always be closed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 * @param exemptReduceOnlyFromMinNotional whether reduce-only orders skip {@code minNotional}
 */
public record InstrumentFilterRule(String name, boolean exemptReduceOnlyFromMinNotional)
    implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "instrument-filters";

  /** Validates the name. */
  public InstrumentFilterRule {
    Limits.name(name);
  }

  /** The rule with its default name and Binance's reduce-only exemption. */
  public InstrumentFilterRule() {
    this(DEFAULT_NAME, true);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    Instrument instrument = ctx.instrument();
    Quantity quantity = order.quantity();
    if (order.limitPrice().isPresent() && order.triggerPrice().isPresent()) {
      Price trigger = order.triggerPrice().get();
      if (!instrument.isOnPriceGrid(trigger)) {
        return Decision.deny(
            name,
            "trigger price "
                + trigger
                + " is not a multiple of tickSize "
                + instrument.tickSize()
                + " of "
                + instrument.symbol());
      }
    }
    boolean explicitPrice = order.limitPrice().isPresent() || order.triggerPrice().isPresent();
    boolean exempt = exemptReduceOnlyFromMinNotional && order.reduceOnly();
    Price mark = ctx.markPrice();
    Price price;
    if (explicitPrice) {
      price = OrderRisk.referencePrice(order, mark);
    } else {
      if (!exempt) {
        Decimal notional = mark.times(quantity);
        if (notional.compareValue(instrument.minNotional()) < 0) {
          return Decision.deny(
              name,
              "notional "
                  + notional
                  + " (mark "
                  + mark
                  + " x quantity "
                  + quantity
                  + ") is below minNotional "
                  + instrument.minNotional()
                  + " of "
                  + instrument.symbol());
        }
      }
      // Rounded up, the notional can only grow, so filterViolation cannot report a notional
      // failure that the exact mark (checked above) would not.
      price = instrument.roundPrice(mark, GridRounding.UP);
    }
    Optional<String> violation = instrument.filterViolation(price, quantity);
    if (violation.isEmpty() || exempt && onlyNotionalFails(instrument, price, quantity)) {
      return Decision.approve();
    }
    return Decision.deny(name, violation.get() + " of " + instrument.symbol());
  }

  /** True if every filter but the minimum notional passes, i.e. the notional is what failed. */
  private static boolean onlyNotionalFails(Instrument instrument, Price price, Quantity quantity) {
    return instrument.isOnPriceGrid(price)
        && instrument.isOnQuantityGrid(quantity)
        && quantity.compareTo(instrument.minQuantity()) >= 0
        && quantity.compareTo(instrument.maxQuantity()) <= 0;
  }
}
