package dev.tyche.core.account;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The position in one instrument under one {@link PositionSide}, with its exact cost basis,
 * realised PnL, fees and funding. A value: every fill or funding gives a new {@code Position}.
 *
 * <p><b>Quantity.</b> {@code signedUnits} counts units of {@code 10^-quantityScale} of the base
 * asset: positive long, negative short.
 *
 * <p><b>Cost basis instead of an average price.</b> The average entry price of a position built
 * from several fills is a ratio that rarely has a finite decimal expansion (0.010 at 30000.0 plus
 * 0.005 at 31000.0 averages 30333.33...). The position therefore keeps the signed <i>cost basis</i>
 * {@code C}, the sum of {@code sign * price * quantity} of its open lots, exactly at the notional
 * scale {@code priceScale + quantityScale}; the average entry {@code |C| / |Q|} is only computed on
 * demand, as a {@code double} or as a rounded {@link Price}.
 *
 * <p><b>Rules</b> (the weighted-average-cost method that Binance USDT-M uses for its entry price):
 *
 * <ul>
 *   <li>A fill in the direction of the position (or from flat) adds {@code sign * price * qty} to
 *       {@code C}.
 *   <li>A fill against the position closes {@code c = min(qty, |Q|)} and releases the cost {@code R
 *       = C * c / |Q|}, rounded half-even to the notional scale (the only rounding in a position).
 *       The realised PnL is {@code direction * price * c - R}, i.e. {@code (exit - avgEntry) * c *
 *       direction}, and {@code C} becomes {@code C - R} exactly, so the rounding remainder stays in
 *       the position and is realised by later reductions. A full close releases exactly the
 *       remaining {@code C}; hence, summed over a position's life, realised PnL equals exactly the
 *       sum of exit notionals minus the sum of entry notionals (with signs).
 *   <li>Whatever the fill has left after closing the position opens a new one in the fill's
 *       direction at the fill price (a flip through zero), except in hedge mode, where a {@link
 *       PositionSide#LONG} position never turns short nor a {@link PositionSide#SHORT} one long.
 * </ul>
 *
 * <p>Unrealised PnL at a mark price {@code M} is {@code Q * M - C}, exactly; realised PnL, fees and
 * funding are running totals over the position's life (they survive it going flat).
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument
 * @param positionSide the position side the position is filed under
 * @param signedUnits the signed quantity in units of {@code 10^-instrument.quantityScale()}
 * @param costBasis the signed cost of the open lots at scale {@code priceScale + quantityScale}, in
 *     the quote asset; zero exactly when flat, otherwise of the same sign as {@code signedUnits}
 * @param realisedPnl the realised PnL so far, in the quote asset
 * @param funding the net funding so far in the margin asset, positive = received
 * @param fees the fees paid so far by asset, positive = paid (rebates are negative)
 */
public record Position(
    Instrument instrument,
    PositionSide positionSide,
    long signedUnits,
    Decimal costBasis,
    Money realisedPnl,
    Money funding,
    Map<Asset, Money> fees) {

  // The invariants below are what the PnL formulas rely on; a hand-built inconsistent position
  // would silently report wrong numbers.
  public Position {
    Objects.requireNonNull(instrument, "instrument must not be null");
    Objects.requireNonNull(positionSide, "positionSide must not be null");
    Objects.requireNonNull(costBasis, "costBasis must not be null");
    Objects.requireNonNull(realisedPnl, "realisedPnl must not be null");
    Objects.requireNonNull(funding, "funding must not be null");
    Objects.requireNonNull(fees, "fees must not be null");
    int notionalScale = notionalScale(instrument);
    if (costBasis.scale() != notionalScale) {
      throw new IllegalArgumentException(
          "costBasis scale must be priceScale + quantityScale = "
              + notionalScale
              + " but was "
              + costBasis.scale());
    }
    if (costBasis.signum() != Long.signum(signedUnits)) {
      throw new IllegalArgumentException(
          "costBasis "
              + costBasis
              + " must have the sign of the quantity ("
              + Long.signum(signedUnits)
              + ") of "
              + instrument.symbol());
    }
    if (positionSide == PositionSide.LONG && signedUnits < 0
        || positionSide == PositionSide.SHORT && signedUnits > 0) {
      throw new IllegalArgumentException(
          positionSide
              + " position of "
              + instrument.symbol()
              + " must not have signedUnits "
              + signedUnits);
    }
    if (!realisedPnl.asset().equals(instrument.quoteAsset())) {
      throw new IllegalArgumentException(
          "realisedPnl must be in " + instrument.quoteAsset() + " but was " + realisedPnl);
    }
    if (!funding.asset().equals(instrument.marginAsset())) {
      throw new IllegalArgumentException(
          "funding must be in " + instrument.marginAsset() + " but was " + funding);
    }
    // An unmodifiable, asset-ordered copy; a position's own fee map is reused as it is, so that
    // afterFill does not copy a map per fill.
    fees = FeeTotals.copyOf(fees);
  }

  /**
   * A flat position with no history.
   *
   * @param instrument the instrument
   * @param positionSide the position side
   * @return the empty position
   */
  public static Position flat(Instrument instrument, PositionSide positionSide) {
    int ns = notionalScale(instrument);
    return new Position(
        instrument,
        positionSide,
        0,
        Decimal.of(0, ns),
        Money.zero(instrument.quoteAsset(), ns),
        Money.zero(instrument.marginAsset(), 0),
        FeeTotals.EMPTY);
  }

  /**
   * The instrument's symbol.
   *
   * @return the symbol
   */
  public Symbol symbol() {
    return instrument.symbol();
  }

  /**
   * The absolute size.
   *
   * @return {@code |Q|} in base units at the instrument's quantity scale
   */
  public Quantity size() {
    return Quantity.of(Math.abs(signedUnits), instrument.quantityScale());
  }

  /**
   * The direction.
   *
   * @return +1 long, -1 short, 0 flat
   */
  public int direction() {
    return Long.signum(signedUnits);
  }

  /**
   * The signed size.
   *
   * @return {@code Q} in base units, positive long, negative short
   */
  public Decimal signedQuantity() {
    return Decimal.of(signedUnits, instrument.quantityScale());
  }

  /**
   * Whether the position is flat.
   *
   * @return true if the quantity is zero
   */
  public boolean isFlat() {
    return signedUnits == 0;
  }

  /**
   * The average entry price {@code |C| / |Q|} as a double, for analytics and display.
   *
   * @return the average entry price in quote units per base unit, or NaN if flat
   */
  public double averageEntryPrice() {
    if (isFlat()) {
      return Double.NaN;
    }
    return Math.abs(costBasis.toDouble()) / size().toDouble();
  }

  /**
   * The average entry price {@code |C| / |Q|} rounded to the instrument's price scale (not to the
   * tick grid: an average lies between ticks).
   *
   * @param mode how to round
   * @return the rounded average, or empty if flat
   */
  public Optional<Price> averageEntryPrice(RoundingMode mode) {
    Objects.requireNonNull(mode, "mode must not be null");
    if (isFlat()) {
      return Optional.empty();
    }
    // C has scale ps + qs and Q scale qs, so the ratio of their units is the price at scale ps.
    long units =
        BigDecimal.valueOf(Math.abs(costBasis.units()))
            .divide(BigDecimal.valueOf(Math.abs(signedUnits)), 0, mode)
            .longValueExact();
    return Optional.of(Price.of(units, instrument.priceScale()));
  }

  /**
   * The unrealised PnL {@code Q * mark - C}, exactly.
   *
   * @param mark the mark price
   * @return the unrealised PnL in the quote asset (scale up to {@code quantityScale +
   *     mark.scale()})
   * @throws ArithmeticException if the product needs more than 18 decimals or overflows
   */
  public Money unrealisedPnl(Price mark) {
    Objects.requireNonNull(mark, "mark must not be null");
    Decimal value = signedQuantity().times(mark);
    return Money.of(instrument.quoteAsset(), value.minus(costBasis));
  }

  /**
   * The notional {@code |Q| * mark} of the position, exactly.
   *
   * @param mark the mark price
   * @return the absolute notional in the quote asset
   */
  public Money notional(Price mark) {
    Objects.requireNonNull(mark, "mark must not be null");
    return instrument.notional(mark, size());
  }

  /**
   * The fees paid in one asset.
   *
   * @param asset the fee asset
   * @return the total, zero if none was charged in {@code asset}
   */
  public Money fee(Asset asset) {
    Money fee = fees.get(asset);
    return fee != null ? fee : Money.zero(asset, 0);
  }

  /**
   * The position after a fill (see the class comment for the rules).
   *
   * @param side buy or sell
   * @param price the execution price, on the instrument's tick grid
   * @param quantity the executed quantity, positive and on the step grid
   * @param fee the commission charged, positive = paid
   * @return the new position; {@code newPosition.realisedPnl() - realisedPnl()} is the PnL this
   *     fill realised
   * @throws IllegalArgumentException if the price or quantity is off the grid, the quantity is
   *     zero, or a hedge-mode position would change sign
   */
  public Position afterFill(Side side, Price price, Quantity quantity, Money fee) {
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(fee, "fee must not be null");
    long p = onPriceGrid(instrument, price).units();
    long q = onQuantityGrid(instrument, quantity).units();
    return afterFillOnGrid(side, p, q, quantity, fee);
  }

  /**
   * {@link #afterFill} for a price and quantity already checked against the grids and expressed in
   * units of the instrument's price and quantity scales (the ledger checks them once per fill);
   * {@code quantity} is the quantity as given, for messages.
   */
  Position afterFillOnGrid(Side side, long p, long q, Quantity quantity, Money fee) {
    if (q == 0) {
      throw new IllegalArgumentException(
          "quantity must be > 0 but was " + quantity + " for " + symbol());
    }
    int s = side.sign();
    long units = signedUnits;
    long cost = costBasis.units();
    long realised = 0;
    if (units == 0 || Long.signum(units) == s) {
      units = Math.addExact(units, s * q);
      cost = Math.addExact(cost, s * Math.multiplyExact(p, q));
    } else {
      long open = Math.abs(units);
      long closed = Math.min(q, open);
      // Releasing exactly C on a full close is what makes a position's lifetime PnL exact.
      long released = closed == open ? cost : ExactMath.mulDivHalfEven(cost, closed, open);
      // The position's sign is -s, so direction * exitNotional = -s * p * closed.
      realised = Math.subtractExact(-s * Math.multiplyExact(p, closed), released);
      cost = Math.subtractExact(cost, released);
      units = Math.addExact(units, s * closed);
      long rest = q - closed;
      if (rest > 0) {
        if (positionSide != PositionSide.BOTH) {
          throw new IllegalArgumentException(
              side
                  + " "
                  + quantity
                  + " on the "
                  + positionSide
                  + " position of "
                  + Quantity.of(open, instrument.quantityScale())
                  + " "
                  + symbol()
                  + " would flip it; a hedge-mode position can only be reduced to zero");
        }
        units = s * rest;
        cost = s * Math.multiplyExact(p, rest);
      }
    }
    if (positionSide == PositionSide.LONG && units < 0
        || positionSide == PositionSide.SHORT && units > 0) {
      throw new IllegalArgumentException(
          side
              + " "
              + quantity
              + " cannot open a "
              + positionSide
              + " position of "
              + symbol()
              + " from flat; use positionSide "
              + (units < 0 ? PositionSide.SHORT : PositionSide.LONG));
    }
    int ns = costBasis.scale();
    return new Position(
        instrument,
        positionSide,
        units,
        Decimal.of(cost, ns),
        plusUnits(realisedPnl, realised, ns),
        funding,
        ((FeeTotals) fees).plus(fee));
  }

  /**
   * The funding this position exchanges at one settlement: {@code -Q * markPrice * rate}, computed
   * exactly and rounded half-even to {@code scale} decimals. Binance does not document its
   * rounding; its USDT balances and {@code FUNDING_FEE} incomes carry 8 decimals, the ledger's
   * default scale.
   *
   * @param rate the funding rate, positive = longs pay shorts
   * @param markPrice the mark price at the funding time
   * @param scale the decimals of the margin asset's balance
   * @return the payment in the margin asset, positive = received
   * @throws IllegalArgumentException if the instrument is not a perpetual
   */
  public Money fundingPayment(Decimal rate, Price markPrice, int scale) {
    Objects.requireNonNull(rate, "rate must not be null");
    Objects.requireNonNull(markPrice, "markPrice must not be null");
    if (instrument.contractType() != ContractType.PERPETUAL) {
      throw new IllegalArgumentException(
          "funding applies to PERPETUAL instruments only but "
              + symbol()
              + " is "
              + instrument.contractType());
    }
    BigDecimal exact =
        BigDecimal.valueOf(signedUnits, instrument.quantityScale())
            .multiply(BigDecimal.valueOf(markPrice.units(), markPrice.scale()))
            .multiply(BigDecimal.valueOf(rate.units(), rate.scale()))
            .negate();
    BigDecimal rounded = exact.setScale(scale, RoundingMode.HALF_EVEN);
    return Money.of(instrument.marginAsset(), rounded.unscaledValue().longValueExact(), scale);
  }

  /**
   * The position after a funding payment.
   *
   * @param payment the amount received (negative = paid), in the margin asset
   * @return the new position
   */
  public Position afterFunding(Money payment) {
    Objects.requireNonNull(payment, "payment must not be null");
    return new Position(
        instrument, positionSide, signedUnits, costBasis, realisedPnl, funding.plus(payment), fees);
  }

  /**
   * {@code total.plus(Money.of(total.asset(), units, scale))} without the intermediate amount, and
   * without a new one when nothing changes; the result is equal to that expression.
   */
  private static Money plusUnits(Money total, long units, int scale) {
    if (scale <= total.scale()) {
      if (units == 0) {
        return total;
      }
      if (scale == total.scale()) {
        return Money.of(total.asset(), Math.addExact(total.units(), units), scale);
      }
    }
    return total.plus(Money.of(total.asset(), units, scale));
  }

  static int notionalScale(Instrument instrument) {
    return instrument.priceScale() + instrument.quantityScale();
  }

  /** The price at the instrument's price scale, or an exception if it is off the tick grid. */
  static Price onPriceGrid(Instrument instrument, Price price) {
    Objects.requireNonNull(price, "price must not be null");
    if (!instrument.isOnPriceGrid(price)) {
      throw new IllegalArgumentException(
          "price "
              + price
              + " is off the tick grid "
              + instrument.tickSize()
              + " of "
              + instrument.symbol());
    }
    // withScale would return an equal copy.
    return price.scale() == instrument.priceScale()
        ? price
        : price.withScale(instrument.priceScale());
  }

  /** The quantity at the instrument's quantity scale, or an exception if it is off the grid. */
  static Quantity onQuantityGrid(Instrument instrument, Quantity quantity) {
    Objects.requireNonNull(quantity, "quantity must not be null");
    if (!instrument.isOnQuantityGrid(quantity)) {
      throw new IllegalArgumentException(
          "quantity "
              + quantity
              + " is off the step grid "
              + instrument.stepSize()
              + " of "
              + instrument.symbol());
    }
    return quantity.scale() == instrument.quantityScale()
        ? quantity
        : quantity.withScale(instrument.quantityScale());
  }
}
