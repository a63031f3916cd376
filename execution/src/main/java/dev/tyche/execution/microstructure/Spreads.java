package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;

/**
 * Spread measures of one quote or one trade, as pure functions (no state, no allocation).
 *
 * <p>Conventions: prices are in quote units per base unit; "bps" values are basis points of the mid
 * {@code M = (bid + ask) / 2} prevailing <em>before</em> the trade (10 000 bps = 100 %); the trade
 * direction {@code D} is {@code +1} for a buyer-initiated trade and {@code -1} for a
 * seller-initiated one ({@link Side#sign()} of the aggressor). Definitions follow Bessembinder,
 * "Issues in assessing trade execution costs", Journal of Financial Markets 6 (2003), and Huang and
 * Stoll, "Dealer versus auction markets: a paired comparison of execution costs on NASDAQ and the
 * NYSE", Journal of Financial Economics 41 (1996):
 *
 * <ul>
 *   <li>quoted spread {@code S_q = ask - bid}, in bps {@code 10^4 (ask - bid) / M};
 *   <li>effective spread {@code S_e = 2 |P - M|} (Huang-Stoll; never negative);
 *   <li>signed effective spread {@code 2 D (P - M)} (Bessembinder; negative when a trade executed
 *       on the favourable side of the mid, e.g. against a stale quote);
 *   <li>realised spread {@code S_r = 2 D (P - M_{t+Δt})}, the part of the signed effective spread
 *       the liquidity provider keeps after the mid has moved for {@code Δt};
 *   <li>price impact {@code 2 D (M_{t+Δt} - M)}, so that signed effective = realised + impact.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Spreads {
  private static final double BPS = 10_000.0;

  private Spreads() {}

  /**
   * The quoted spread {@code ask - bid}.
   *
   * @param bid the best bid, finite and positive
   * @param ask the best ask, above {@code bid}
   * @return the spread in price units, positive
   * @throws IllegalArgumentException if a price is not finite and positive or the quote is crossed
   */
  public static double quotedSpread(double bid, double ask) {
    Checks.quote(bid, ask);
    return ask - bid;
  }

  /**
   * The quoted spread in basis points of the mid, {@code 10^4 (ask - bid) / ((bid + ask) / 2)}.
   *
   * @param bid the best bid, finite and positive
   * @param ask the best ask, above {@code bid}
   * @return the spread in bps, positive
   * @throws IllegalArgumentException if a price is not finite and positive or the quote is crossed
   */
  public static double quotedSpreadBps(double bid, double ask) {
    Checks.quote(bid, ask);
    return BPS * (ask - bid) / (0.5 * (bid + ask));
  }

  /**
   * The effective spread {@code 2 |P - M| / M} in bps (Huang and Stoll 1996).
   *
   * @param price the trade price, finite and positive
   * @param midBefore the mid prevailing just before the trade, finite and positive
   * @return the spread in bps, zero or positive
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public static double effectiveSpreadBps(double price, double midBefore) {
    Require.positive("price", price);
    Require.positive("midBefore", midBefore);
    return 2.0 * BPS * Math.abs(price - midBefore) / midBefore;
  }

  /**
   * The signed effective spread {@code 2 D (P - M) / M} in bps (Bessembinder 2003).
   *
   * @param price the trade price, finite and positive
   * @param aggressor the side that initiated the trade (gives {@code D})
   * @param midBefore the mid prevailing just before the trade, finite and positive
   * @return the spread in bps; negative if the trade was on the favourable side of the mid
   * @throws IllegalArgumentException if a number is not finite and positive
   */
  public static double signedEffectiveSpreadBps(double price, Side aggressor, double midBefore) {
    Require.positive("price", price);
    Require.positive("midBefore", midBefore);
    return 2.0
        * BPS
        * Require.notNull("aggressor", aggressor).sign()
        * (price - midBefore)
        / midBefore;
  }

  /**
   * The realised spread {@code 2 D (P - M_{t+Δt}) / M} in bps (Huang and Stoll 1996; Bessembinder
   * 2003): the revenue of the liquidity provider marked to the mid {@code Δt} later.
   *
   * @param price the trade price, finite and positive
   * @param aggressor the side that initiated the trade
   * @param midBefore the mid just before the trade (the bps denominator), finite and positive
   * @param midAfter the mid prevailing {@code Δt} after the trade, finite and positive
   * @return the realised spread in bps, of either sign
   * @throws IllegalArgumentException if a number is not finite and positive
   */
  public static double realisedSpreadBps(
      double price, Side aggressor, double midBefore, double midAfter) {
    Require.positive("price", price);
    Require.positive("midBefore", midBefore);
    Require.positive("midAfter", midAfter);
    return 2.0
        * BPS
        * Require.notNull("aggressor", aggressor).sign()
        * (price - midAfter)
        / midBefore;
  }

  /**
   * The price impact {@code 2 D (M_{t+Δt} - M) / M} in bps (Bessembinder 2003), so that the signed
   * effective spread equals the realised spread plus the price impact.
   *
   * @param aggressor the side that initiated the trade
   * @param midBefore the mid just before the trade, finite and positive
   * @param midAfter the mid prevailing {@code Δt} after the trade, finite and positive
   * @return the impact in bps, positive when the mid moved in the trade's direction
   * @throws IllegalArgumentException if a number is not finite and positive
   */
  public static double priceImpactBps(Side aggressor, double midBefore, double midAfter) {
    Require.positive("midBefore", midBefore);
    Require.positive("midAfter", midAfter);
    return 2.0
        * BPS
        * Require.notNull("aggressor", aggressor).sign()
        * (midAfter - midBefore)
        / midBefore;
  }
}
