package dev.tyche.risk.pretrade;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import java.util.Objects;

/**
 * Keeps limit prices near the mark: {@code limit <= mark * multiplierUp} and {@code limit >= mark *
 * multiplierDown}, compared exactly. Side-aware, as Binance's {@code PERCENT_PRICE} filter, a buy
 * is only checked against the upper bound and a sell only against the lower one (a far-away passive
 * order is harmless to the venue). Without side awareness both bounds apply to both sides, which
 * also catches a buy typed far below the market, a fat-finger that would otherwise rest unnoticed.
 *
 * <p><b>Policy.</b> Applies to every order with a limit price (LIMIT, STOP_LIMIT,
 * TAKE_PROFIT_LIMIT), reduce-only included; orders without one pass. A price exactly on a bound
 * passes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 * @param multiplierUp the upper bound as a multiple of the mark, {@code >= 1} (1.05 = 5 % above)
 * @param multiplierDown the lower bound as a multiple of the mark, in (0, 1] (0.95 = 5 % below)
 * @param sideAware whether a buy is checked against the upper bound only and a sell against the
 *     lower bound only
 */
public record PriceBandRule(
    String name, Decimal multiplierUp, Decimal multiplierDown, boolean sideAware)
    implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "price-band";

  private static final Decimal ONE = Decimal.of(1, 0);

  /** Validates the name and the multipliers. */
  public PriceBandRule {
    Limits.name(name);
    Objects.requireNonNull(multiplierUp, "multiplierUp must not be null");
    Objects.requireNonNull(multiplierDown, "multiplierDown must not be null");
    if (multiplierUp.compareValue(ONE) < 0) {
      throw new IllegalArgumentException(
          "multiplierUp of rule " + name + " must be >= 1 but was " + multiplierUp);
    }
    if (multiplierDown.signum() <= 0 || multiplierDown.compareValue(ONE) > 0) {
      throw new IllegalArgumentException(
          "multiplierDown of rule " + name + " must be in (0, 1] but was " + multiplierDown);
    }
  }

  /**
   * A two-sided band of {@code +-maxDeviation} around the mark for both sides.
   *
   * @param maxDeviation the largest relative distance from the mark, in [0, 1), e.g. {@code 0.05}
   * @return the rule with the default name
   */
  public static PriceBandRule symmetric(Decimal maxDeviation) {
    Objects.requireNonNull(maxDeviation, "maxDeviation must not be null");
    if (maxDeviation.signum() < 0 || maxDeviation.compareValue(ONE) >= 0) {
      throw new IllegalArgumentException("maxDeviation must be in [0, 1) but was " + maxDeviation);
    }
    return new PriceBandRule(DEFAULT_NAME, ONE.plus(maxDeviation), ONE.minus(maxDeviation), false);
  }

  /**
   * Binance's {@code PERCENT_PRICE}: buys at most {@code mark * up}, sells at least {@code mark *
   * down}.
   *
   * @param up Binance's {@code multiplierUp}, {@code >= 1}
   * @param down Binance's {@code multiplierDown}, in (0, 1]
   * @return the side-aware rule with the default name
   */
  public static PriceBandRule percentPrice(Decimal up, Decimal down) {
    return new PriceBandRule(DEFAULT_NAME, up, down, true);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    if (order.limitPrice().isEmpty()) {
      return Decision.approve();
    }
    Price limit = order.limitPrice().get();
    Price mark = ctx.markPrice();
    boolean checkUpper = !sideAware || order.side() == Side.BUY;
    boolean checkLower = !sideAware || order.side() == Side.SELL;
    if (checkUpper) {
      Decimal upper = multiplierUp.times(mark);
      if (limit.compareValue(upper) > 0) {
        return deny(
            order, limit, mark, "above the upper bound " + upper + " = mark x " + multiplierUp);
      }
    }
    if (checkLower) {
      Decimal lower = multiplierDown.times(mark);
      if (limit.compareValue(lower) < 0) {
        return deny(
            order, limit, mark, "below the lower bound " + lower + " = mark x " + multiplierDown);
      }
    }
    return Decision.approve();
  }

  private Decision deny(SubmitOrder order, Price limit, Price mark, String where) {
    return Decision.deny(
        name, order.side() + " limit price " + limit + " is " + where + " (mark " + mark + ")");
  }
}
