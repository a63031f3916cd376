package dev.tyche.risk.margin;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Liquidation prices of Binance USDT-M linear perpetual positions.
 *
 * <p>The formula (Binance support FAQ "How to Calculate Liquidation Price of USDⓈ-M Contracts"; the
 * FAQ prints it as an image, the project's reference notes, section 9, reconstruct it and check it
 * algebraically):
 *
 * <pre>
 *   LP = (WB - TMM1 + UPNL1 + sum_i cum_i - sum_i side_i * Q_i * EP_i)
 *      / (sum_i Q_i * MMR_i - sum_i side_i * Q_i)
 * </pre>
 *
 * over the legs {@code i} of the symbol: one leg ({@code BOTH}) in one-way mode, a long ({@code
 * side = +1}) and a short ({@code side = -1}) leg in hedge mode. {@code Q} is the absolute size,
 * {@code EP} the entry price, {@code MMR} and {@code cum} the leg's tier. Cross margin: {@code WB}
 * is the {@code crossWalletBalance}, {@code TMM1} and {@code UPNL1} the maintenance margin and
 * unrealised PnL of all <em>other</em> positions (held fixed). Isolated: {@code WB} is the isolated
 * wallet and {@code TMM1 = UPNL1 = 0}. The formula is exactly the price at which the margin balance
 * {@code WB - TMM1 + UPNL1 + sum side_i Q_i (P - EP_i)} equals the maintenance margin {@code sum
 * (Q_i P MMR_i - cum_i)}.
 *
 * <p>Tier choice for one-way positions ({@link #isolated} and {@link #cross}): the tier must be the
 * one that holds the notional {@code Q * LP} at the liquidation price itself ("if LP's notional
 * falls in another bracket, recompute with it"). Because {@link LeverageBrackets} guarantees a
 * continuous maintenance margin, the margin surplus {@code g(X) = WB' + side (X - Q EP) - MM(X)} is
 * strictly monotone in the notional {@code X} (slope {@code 1 - MMR > 0} for a long, {@code -1 -
 * MMR} for a short), so there is exactly one root. It is located by evaluating {@code g} exactly at
 * the tier caps, and then the formula is applied with that tier. No iteration, no oscillation. A
 * notional exactly at a cap takes the lower tier (the {@link LeverageBrackets} convention). If the
 * surplus is still positive at the last cap (a short whose notional at liquidation exceeds the
 * table, which happens for a short opened near the last cap), the last tier's rate and amount are
 * extrapolated beyond the cap and that tier is returned.
 *
 * <p>Numbers: inputs are exact ({@link Decimal}, {@link Price}, {@link Quantity}); every sum and
 * product is exact; the one division is done in {@code double} (relative error below {@code
 * 1e-15}). The worked example of the reference notes (isolated long 0.5 at 60000, wallet 3000, MMR
 * 0.4 %) gives 54216.867469..., matched to better than a millionth of a cent in the tests.
 *
 * <p>Not modelled: the liquidation clearance fee, funding and fees accrued after entry (pass them
 * in through the wallet balance), and the mark-price/last-price distinction (the price returned is
 * the mark price).
 *
 * <p>Immutable and thread-safe.
 */
public final class LiquidationPrice {

  private LiquidationPrice() {}

  /**
   * One leg of a symbol's position with an explicitly chosen tier, the input of {@link
   * #formula(Decimal, Decimal, Decimal, List)}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param direction long ({@code side +1}) or short ({@code side -1})
   * @param quantity the absolute size in base units
   * @param entryPrice the entry price
   * @param maintMarginRatio the tier's maintenance margin rate
   * @param cum the tier's maintenance amount in the quote asset
   */
  public record Leg(
      PositionDirection direction,
      Quantity quantity,
      Price entryPrice,
      Decimal maintMarginRatio,
      Decimal cum) {

    /** Checks for nulls. */
    public Leg {
      Objects.requireNonNull(direction, "direction must not be null");
      Objects.requireNonNull(quantity, "quantity must not be null");
      Objects.requireNonNull(entryPrice, "entryPrice must not be null");
      Objects.requireNonNull(maintMarginRatio, "maintMarginRatio must not be null");
      Objects.requireNonNull(cum, "cum must not be null");
    }

    /**
     * A leg using the rate and amount of a tier.
     *
     * @param direction the direction
     * @param quantity the absolute size
     * @param entryPrice the entry price
     * @param bracket the tier
     * @return the leg
     */
    public static Leg of(
        PositionDirection direction, Quantity quantity, Price entryPrice, LeverageBracket bracket) {
      return new Leg(direction, quantity, entryPrice, bracket.maintMarginRatio(), bracket.cum());
    }
  }

  /**
   * The raw FAQ formula with the tiers given, for one-way (one leg) or hedge mode (a long and a
   * short leg). It does not check that each leg's tier holds its notional at the result; for
   * one-way positions prefer {@link #isolated} or {@link #cross}, which choose the tier.
   *
   * @param walletBalance {@code WB}: cross wallet balance, or the isolated wallet
   * @param otherMaintenance {@code TMM1}: maintenance margin of the other cross positions, 0 for
   *     isolated
   * @param otherUnrealizedPnl {@code UPNL1}: unrealised PnL of the other cross positions, 0 for
   *     isolated
   * @param legs the legs of this symbol, non-empty
   * @return the price at which margin balance equals maintenance margin; may be zero or negative
   *     when no positive price liquidates
   * @throws IllegalArgumentException if {@code legs} is empty or the denominator is zero (a hedge
   *     whose exposures cancel has no single liquidation price)
   */
  public static double formula(
      Decimal walletBalance, Decimal otherMaintenance, Decimal otherUnrealizedPnl, List<Leg> legs) {
    Objects.requireNonNull(legs, "legs must not be null");
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("legs must not be empty");
    }
    Decimal numerator = adjustedWallet(walletBalance, otherMaintenance, otherUnrealizedPnl);
    Decimal denominator = Decimal.ZERO;
    for (Leg leg : legs) {
      Objects.requireNonNull(leg, "legs must not contain null");
      Decimal q = Decimal.of(leg.quantity().units(), leg.quantity().scale());
      Decimal qEp = leg.entryPrice().times(leg.quantity());
      Decimal qMmr = q.times(leg.maintMarginRatio());
      if (leg.direction() == PositionDirection.LONG) {
        numerator = numerator.plus(leg.cum()).minus(qEp);
        denominator = denominator.plus(qMmr).minus(q);
      } else {
        numerator = numerator.plus(leg.cum()).plus(qEp);
        denominator = denominator.plus(qMmr).plus(q);
      }
    }
    if (denominator.signum() == 0) {
      throw new IllegalArgumentException(
          "the legs' exposures cancel (denominator sum Q*MMR - sum side*Q is 0): "
              + "no single liquidation price");
    }
    return numerator.toDouble() / denominator.toDouble();
  }

  /**
   * The liquidation price of an isolated one-way position.
   *
   * @param brackets the symbol's leverage table
   * @param direction long or short
   * @param quantity the absolute size in base units, {@code > 0}
   * @param entryPrice the entry price
   * @param isolatedWallet the isolated wallet (initial margin plus added margin) in the quote asset
   * @return the liquidation price and its tier; empty for a long whose wallet covers the whole loss
   *     down to a price of zero (it cannot be liquidated)
   * @throws IllegalArgumentException if the quantity is zero, or for a short whose margin is below
   *     maintenance at every price (already liquidatable)
   */
  public static Optional<Liquidation> isolated(
      LeverageBrackets brackets,
      PositionDirection direction,
      Quantity quantity,
      Price entryPrice,
      Decimal isolatedWallet) {
    Objects.requireNonNull(isolatedWallet, "isolatedWallet must not be null");
    return oneWay(brackets, direction, quantity, entryPrice, isolatedWallet);
  }

  /**
   * The liquidation price of a cross-margined one-way position, the other positions' maintenance
   * margin and unrealised PnL held fixed.
   *
   * @param brackets the symbol's leverage table
   * @param direction long or short
   * @param quantity the absolute size in base units, {@code > 0}
   * @param entryPrice the entry price
   * @param crossWalletBalance the cross wallet balance {@code WB} in the quote asset
   * @param otherMaintenance {@code TMM1}, the other cross positions' maintenance margin, {@code >=
   *     0}
   * @param otherUnrealizedPnl {@code UPNL1}, the other cross positions' unrealised PnL
   * @return the liquidation price and its tier; empty for a long that cannot be liquidated
   * @throws IllegalArgumentException if the quantity is zero, {@code otherMaintenance < 0}, or for
   *     a short whose margin is below maintenance at every price
   */
  public static Optional<Liquidation> cross(
      LeverageBrackets brackets,
      PositionDirection direction,
      Quantity quantity,
      Price entryPrice,
      Decimal crossWalletBalance,
      Decimal otherMaintenance,
      Decimal otherUnrealizedPnl) {
    return oneWay(
        brackets,
        direction,
        quantity,
        entryPrice,
        adjustedWallet(crossWalletBalance, otherMaintenance, otherUnrealizedPnl));
  }

  private static Decimal adjustedWallet(
      Decimal walletBalance, Decimal otherMaintenance, Decimal otherUnrealizedPnl) {
    Objects.requireNonNull(walletBalance, "walletBalance must not be null");
    Objects.requireNonNull(otherMaintenance, "otherMaintenance must not be null");
    Objects.requireNonNull(otherUnrealizedPnl, "otherUnrealizedPnl must not be null");
    if (otherMaintenance.signum() < 0) {
      throw new IllegalArgumentException(
          "otherMaintenance must be >= 0 but was " + otherMaintenance);
    }
    return walletBalance.minus(otherMaintenance).plus(otherUnrealizedPnl);
  }

  /** {@code wallet} is {@code WB - TMM1 + UPNL1}. */
  private static Optional<Liquidation> oneWay(
      LeverageBrackets brackets,
      PositionDirection direction,
      Quantity quantity,
      Price entryPrice,
      Decimal wallet) {
    Objects.requireNonNull(brackets, "brackets must not be null");
    Objects.requireNonNull(direction, "direction must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(entryPrice, "entryPrice must not be null");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("quantity must be > 0 but was " + quantity);
    }
    Decimal entryNotional = entryPrice.times(quantity);
    boolean isLong = direction == PositionDirection.LONG;
    // g(0): the margin surplus when the price is zero (MM(0) = -cum_1 = 0).
    Decimal surplusAtZero = isLong ? wallet.minus(entryNotional) : wallet.plus(entryNotional);
    if (isLong && surplusAtZero.signum() >= 0) {
      return Optional.empty();
    }
    if (!isLong && surplusAtZero.signum() <= 0) {
      throw new IllegalArgumentException(
          "wallet "
              + wallet
              + " leaves the short of "
              + quantity
              + " at "
              + entryPrice
              + " below maintenance margin at every price: it is already liquidatable");
    }
    List<LeverageBracket> tiers = brackets.brackets();
    LeverageBracket chosen = tiers.get(tiers.size() - 1);
    for (LeverageBracket b : tiers) {
      int sign = surplus(wallet, direction, entryNotional, b, b.notionalCap()).signum();
      // Long: g rises with X, the root is in the first tier whose cap has g >= 0.
      // Short: g falls with X, the root is in the first tier whose cap has g <= 0.
      if (isLong ? sign >= 0 : sign <= 0) {
        chosen = b;
        break;
      }
    }
    double price =
        formula(
            wallet,
            Decimal.ZERO,
            Decimal.ZERO,
            List.of(Leg.of(direction, quantity, entryPrice, chosen)));
    return Optional.of(new Liquidation(direction, price, chosen));
  }

  /** {@code g(X) = wallet + side (X - Q EP) - (X mmr - cum)}, exact. */
  private static Decimal surplus(
      Decimal wallet,
      PositionDirection direction,
      Decimal entryNotional,
      LeverageBracket b,
      Decimal notional) {
    Decimal pnl = notional.minus(entryNotional);
    if (direction == PositionDirection.SHORT) {
      pnl = pnl.negate();
    }
    return wallet.plus(pnl).minus(b.maintenanceMargin(notional));
  }
}
