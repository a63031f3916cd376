package dev.tyche.core.instrument;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Fixed;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * A tradable instrument on one venue with the exchange filters every order must pass: the price
 * grid ({@code tickSize}, Binance's {@code PRICE_FILTER}), the quantity grid and bounds ({@code
 * stepSize}, {@code minQty}, {@code maxQty}, Binance's {@code LOT_SIZE}) and the minimum notional
 * ({@code MIN_NOTIONAL}, in the quote asset).
 *
 * <p>Prices are held at {@code priceScale} decimal places and quantities at {@code quantityScale}.
 * The scales are at least the number of decimals of the tick and step sizes; Binance's {@code
 * pricePrecision} and {@code quantityPrecision} may be larger, so they are given separately.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the venue symbol, e.g. {@code BTCUSDT}
 * @param baseAsset the asset being priced, e.g. {@code BTC}
 * @param quoteAsset the asset prices are quoted in, e.g. {@code USDT}
 * @param marginAsset the asset margin and PnL settle in ({@code USDT} for USDT-M; the quote asset
 *     for spot)
 * @param contractType spot or linear perpetual
 * @param priceScale decimal places of prices, at least the tick size's
 * @param quantityScale decimal places of quantities, at least the step size's
 * @param tickSize the price grid step, positive
 * @param stepSize the quantity grid step, positive
 * @param minQuantity the smallest order quantity, on the step grid
 * @param maxQuantity the largest order quantity, on the step grid and at least {@code minQuantity}
 * @param minNotional the smallest order notional (price times quantity) in the quote asset, zero or
 *     positive
 */
public record Instrument(
    Symbol symbol,
    Asset baseAsset,
    Asset quoteAsset,
    Asset marginAsset,
    ContractType contractType,
    int priceScale,
    int quantityScale,
    Price tickSize,
    Quantity stepSize,
    Quantity minQuantity,
    Quantity maxQuantity,
    Decimal minNotional) {

  // An instrument with inconsistent filters would accept orders the venue rejects; check all.
  public Instrument {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(baseAsset, "baseAsset must not be null");
    Objects.requireNonNull(quoteAsset, "quoteAsset must not be null");
    Objects.requireNonNull(marginAsset, "marginAsset must not be null");
    Objects.requireNonNull(contractType, "contractType must not be null");
    Objects.requireNonNull(tickSize, "tickSize must not be null");
    Objects.requireNonNull(stepSize, "stepSize must not be null");
    Objects.requireNonNull(minQuantity, "minQuantity must not be null");
    Objects.requireNonNull(maxQuantity, "maxQuantity must not be null");
    Objects.requireNonNull(minNotional, "minNotional must not be null");
    if (tickSize.scale() > priceScale) {
      throw new IllegalArgumentException(
          "priceScale must be >= the decimals of tickSize " + tickSize + " but was " + priceScale);
    }
    if (stepSize.scale() > quantityScale) {
      throw new IllegalArgumentException(
          "quantityScale must be >= the decimals of stepSize "
              + stepSize
              + " but was "
              + quantityScale);
    }
    if (stepSize.isZero()) {
      throw new IllegalArgumentException("stepSize must be > 0 but was " + stepSize);
    }
    tickSize = tickSize.withScale(priceScale);
    stepSize = stepSize.withScale(quantityScale);
    minQuantity = minQuantity.withScale(quantityScale);
    maxQuantity = maxQuantity.withScale(quantityScale);
    if (!minQuantity.isMultipleOf(stepSize)) {
      throw new IllegalArgumentException(
          "minQuantity must be a multiple of stepSize " + stepSize + " but was " + minQuantity);
    }
    if (maxQuantity.compareTo(minQuantity) < 0) {
      throw new IllegalArgumentException(
          "maxQuantity must be >= minQuantity " + minQuantity + " but was " + maxQuantity);
    }
    if (minNotional.signum() < 0) {
      throw new IllegalArgumentException("minNotional must be >= 0 but was " + minNotional);
    }
  }

  /**
   * A builder, for readability at call sites with many filters.
   *
   * @param symbol the venue symbol
   * @return a builder with no filters set
   */
  public static Builder builder(Symbol symbol) {
    return new Builder(symbol);
  }

  /**
   * Rounds an analytic price onto the tick grid.
   *
   * @param price the price as a double, finite
   * @param rounding which grid point to take
   * @return the price on the grid, at {@link #priceScale()}
   * @throws IllegalArgumentException if {@code price} is not finite or rounds to zero or below
   */
  public Price roundPrice(double price, GridRounding rounding) {
    long ticks = ticksOf(price, tickSize.toDouble(), rounding, "price");
    return Price.of(Math.multiplyExact(ticks, tickSize.units()), priceScale);
  }

  /**
   * Rounds an exact price onto the tick grid (e.g. a price computed at a finer scale).
   *
   * @param price the price
   * @param rounding which grid point to take
   * @return the price on the grid, at {@link #priceScale()}
   */
  public Price roundPrice(Price price, GridRounding rounding) {
    long ticks = ticksOf(price, tickSize, rounding);
    return Price.of(Math.multiplyExact(ticks, tickSize.units()), priceScale);
  }

  /**
   * Rounds an analytic quantity onto the step grid. The result may be zero or below {@link
   * #minQuantity()}; whether such an order is sent is the caller's decision.
   *
   * @param quantity the quantity as a double, finite and non-negative
   * @param rounding which grid point to take
   * @return the quantity on the grid, at {@link #quantityScale()}
   */
  public Quantity roundQuantity(double quantity, GridRounding rounding) {
    if (quantity < 0) {
      throw new IllegalArgumentException("quantity must be >= 0 but was " + quantity);
    }
    long steps = ticksOf(quantity, stepSize.toDouble(), rounding, "quantity");
    return Quantity.of(Math.multiplyExact(steps, stepSize.units()), quantityScale);
  }

  /**
   * Rounds an exact quantity onto the step grid.
   *
   * @param quantity the quantity
   * @param rounding which grid point to take
   * @return the quantity on the grid, at {@link #quantityScale()}
   */
  public Quantity roundQuantity(Quantity quantity, GridRounding rounding) {
    long steps = ticksOf(quantity, stepSize, rounding);
    return Quantity.of(Math.multiplyExact(steps, stepSize.units()), quantityScale);
  }

  /**
   * Whether the price is on the tick grid.
   *
   * @param price the price
   * @return true if it is a whole number of ticks
   */
  public boolean isOnPriceGrid(Price price) {
    return price.isMultipleOf(tickSize);
  }

  /**
   * Whether the quantity is on the step grid.
   *
   * @param quantity the quantity
   * @return true if it is a whole number of steps
   */
  public boolean isOnQuantityGrid(Quantity quantity) {
    return quantity.isMultipleOf(stepSize);
  }

  /**
   * Parses exchange text as a price of this instrument.
   *
   * @param text decimal text
   * @return the price at {@link #priceScale()}
   * @throws IllegalArgumentException if the text is not a positive number on the tick grid
   */
  public Price parsePrice(CharSequence text) {
    Price price = Price.parse(text, priceScale);
    if (!isOnPriceGrid(price)) {
      throw new IllegalArgumentException(
          "price " + text + " is off the tick grid " + tickSize + " of " + symbol);
    }
    return price;
  }

  /**
   * Parses exchange text as a quantity of this instrument.
   *
   * @param text decimal text
   * @return the quantity at {@link #quantityScale()}
   * @throws IllegalArgumentException if the text is not a non-negative number on the step grid
   */
  public Quantity parseQuantity(CharSequence text) {
    Quantity quantity = Quantity.parse(text, quantityScale);
    if (!isOnQuantityGrid(quantity)) {
      throw new IllegalArgumentException(
          "quantity " + text + " is off the step grid " + stepSize + " of " + symbol);
    }
    return quantity;
  }

  /**
   * The notional value of an order or position, in the quote asset, exactly.
   *
   * @param price the price
   * @param quantity the quantity
   * @return price times quantity, in {@link #quoteAsset()}
   */
  public Money notional(Price price, Quantity quantity) {
    return Money.of(quoteAsset, price.times(quantity));
  }

  /**
   * Checks an order's price and quantity against this instrument's filters, the way the venue
   * would.
   *
   * @param price the limit price, or a reference price for a market order
   * @param quantity the order quantity
   * @return the first violated filter, described, or empty if the order passes
   */
  public Optional<String> filterViolation(Price price, Quantity quantity) {
    if (!isOnPriceGrid(price)) {
      return Optional.of("price " + price + " is not a multiple of tickSize " + tickSize);
    }
    if (!isOnQuantityGrid(quantity)) {
      return Optional.of("quantity " + quantity + " is not a multiple of stepSize " + stepSize);
    }
    if (quantity.compareTo(minQuantity) < 0) {
      return Optional.of("quantity " + quantity + " is below minQuantity " + minQuantity);
    }
    if (quantity.compareTo(maxQuantity) > 0) {
      return Optional.of("quantity " + quantity + " is above maxQuantity " + maxQuantity);
    }
    Decimal notional = price.times(quantity);
    if (notional.compareValue(minNotional) < 0) {
      return Optional.of("notional " + notional + " is below minNotional " + minNotional);
    }
    return Optional.empty();
  }

  private static long ticksOf(double value, double step, GridRounding rounding, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
    double q = value / step;
    if (Math.abs(q) > 9.0e15) {
      throw new ArithmeticException(name + " " + value + " is too large for the grid " + step);
    }
    double nearest = Math.rint(q);
    // A double a hair away from a grid point (100.3 / 0.1 = 1002.9999999999999) is on the grid:
    // within 1e-9 of a step, or 1e-12 relative for large step counts (the same window as
    // Price.fromDouble). A genuine fraction of a step is never absorbed.
    if (Math.abs(q - nearest) <= Math.max(1e-9, 1e-12 * Math.abs(q))) {
      return (long) nearest;
    }
    switch (rounding) {
      case DOWN:
        return (long) Math.floor(q);
      case UP:
        return (long) Math.ceil(q);
      default:
        return (long) Math.floor(q + 0.5);
    }
  }

  private static long ticksOf(Fixed value, Fixed step, GridRounding rounding) {
    int s = Math.max(value.scale(), step.scale());
    long v = Decimal.of(value.units(), value.scale()).withScale(s).units();
    long t = Decimal.of(step.units(), step.scale()).withScale(s).units();
    long floor = Math.floorDiv(v, t);
    long rem = Math.floorMod(v, t);
    if (rem == 0) {
      return floor;
    }
    switch (rounding) {
      case DOWN:
        return floor;
      case UP:
        return floor + 1;
      default:
        return rem * 2 >= t ? floor + 1 : floor;
    }
  }

  @Override
  public String toString() {
    return symbol + " (" + contractType + ", tick " + tickSize + ", step " + stepSize + ")";
  }

  /**
   * Builds an {@link Instrument}; unset scales default to the decimals of the tick and step sizes,
   * the margin asset to the quote asset, and the bounds to no bound.
   *
   * <p>Mutable; confined to one thread.
   */
  public static final class Builder {
    private final Symbol symbol;
    private Asset baseAsset;
    private Asset quoteAsset;
    private Asset marginAsset;
    private ContractType contractType = ContractType.PERPETUAL;
    private int priceScale = -1;
    private int quantityScale = -1;
    private Price tickSize;
    private Quantity stepSize;
    private Quantity minQuantity;
    private Quantity maxQuantity;
    private Decimal minNotional = Decimal.ZERO;

    private Builder(Symbol symbol) {
      this.symbol = Objects.requireNonNull(symbol, "symbol must not be null");
    }

    /**
     * Sets base and quote asset.
     *
     * @param base the base asset
     * @param quote the quote asset
     * @return this builder
     */
    public Builder assets(Asset base, Asset quote) {
      this.baseAsset = base;
      this.quoteAsset = quote;
      return this;
    }

    /**
     * Sets the margin asset (defaults to the quote asset).
     *
     * @param margin the margin asset
     * @return this builder
     */
    public Builder marginAsset(Asset margin) {
      this.marginAsset = margin;
      return this;
    }

    /**
     * Sets the contract type (defaults to perpetual).
     *
     * @param type the contract type
     * @return this builder
     */
    public Builder contractType(ContractType type) {
      this.contractType = type;
      return this;
    }

    /**
     * Sets the tick size from exchange text, e.g. {@code "0.10"}.
     *
     * @param tick the tick size
     * @return this builder
     */
    public Builder tickSize(String tick) {
      this.tickSize = Price.parse(tick);
      return this;
    }

    /**
     * Sets the step size from exchange text, e.g. {@code "0.001"}.
     *
     * @param step the step size
     * @return this builder
     */
    public Builder stepSize(String step) {
      this.stepSize = Quantity.parse(step);
      return this;
    }

    /**
     * Sets the quantity bounds from exchange text.
     *
     * @param min the smallest quantity
     * @param max the largest quantity
     * @return this builder
     */
    public Builder quantityBounds(String min, String max) {
      this.minQuantity = Quantity.parse(min);
      this.maxQuantity = Quantity.parse(max);
      return this;
    }

    /**
     * Sets the minimum notional from exchange text.
     *
     * @param notional the minimum notional in the quote asset
     * @return this builder
     */
    public Builder minNotional(String notional) {
      this.minNotional = Decimal.parse(notional);
      return this;
    }

    /**
     * Sets explicit price and quantity scales (Binance's {@code pricePrecision} and {@code
     * quantityPrecision}).
     *
     * @param price decimals of prices
     * @param quantity decimals of quantities
     * @return this builder
     */
    public Builder scales(int price, int quantity) {
      this.priceScale = price;
      this.quantityScale = quantity;
      return this;
    }

    /**
     * Builds the instrument.
     *
     * @return the instrument
     * @throws IllegalArgumentException or NullPointerException if a filter is missing or
     *     inconsistent
     */
    public Instrument build() {
      Objects.requireNonNull(tickSize, "tickSize must be set");
      Objects.requireNonNull(stepSize, "stepSize must be set");
      Objects.requireNonNull(quoteAsset, "quoteAsset must be set");
      if (stepSize.isZero()) {
        throw new IllegalArgumentException("stepSize must be > 0 but was " + stepSize);
      }
      int ps = priceScale < 0 ? tickSize.scale() : priceScale;
      int qs = quantityScale < 0 ? stepSize.scale() : quantityScale;
      Quantity min = minQuantity != null ? minQuantity : stepSize;
      Quantity max = maxQuantity;
      if (max == null) {
        // "No bound": the largest whole number of steps that still fits at the quantity scale.
        long step = stepSize.withScale(qs).units();
        max = Quantity.of((Long.MAX_VALUE / 10) / step * step, qs);
      }
      return new Instrument(
          symbol,
          baseAsset,
          quoteAsset,
          marginAsset != null ? marginAsset : quoteAsset,
          contractType,
          ps,
          qs,
          tickSize,
          stepSize,
          min,
          max,
          minNotional);
    }
  }
}
