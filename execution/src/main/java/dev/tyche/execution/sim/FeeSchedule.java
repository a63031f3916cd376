package dev.tyche.execution.sim;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Maker and taker commission rates, venue-wide with optional per-symbol overrides.
 *
 * <p>The fee of a fill is {@code price * quantity * rate} in the instrument's quote asset, computed
 * exactly and then rounded half-up (ties away from zero) to {@value #FEE_SCALE} decimals, the
 * precision of Binance USDT-M commissions. A negative rate is a rebate.
 *
 * <p>Defaults: Binance USDⓈ-M VIP 0, maker 0.0200 %, taker 0.0500 % (project reference notes,
 * section 10).
 *
 * <p>Immutable and thread-safe.
 *
 * @param makerRate the maker rate as a fraction (0.0002 = 2 bps)
 * @param takerRate the taker rate as a fraction
 * @param perSymbol rates that replace the defaults for some symbols
 */
public record FeeSchedule(Decimal makerRate, Decimal takerRate, Map<Symbol, Rates> perSymbol) {

  /** Decimals fees are rounded to. */
  public static final int FEE_SCALE = 8;

  /** Binance USDⓈ-M VIP 0: maker 0.0002, taker 0.0005. */
  public static final FeeSchedule BINANCE_VIP0 =
      new FeeSchedule(Decimal.parse("0.0002"), Decimal.parse("0.0005"), Map.of());

  /** No fees. */
  public static final FeeSchedule ZERO = new FeeSchedule(Decimal.ZERO, Decimal.ZERO, Map.of());

  // Copy the map so that a caller cannot change the fees of a running venue.
  public FeeSchedule {
    Objects.requireNonNull(makerRate, "makerRate must not be null");
    Objects.requireNonNull(takerRate, "takerRate must not be null");
    perSymbol = Map.copyOf(perSymbol);
  }

  /**
   * A venue-wide schedule in basis points.
   *
   * @param makerBps maker rate in bps, e.g. {@code "2"}
   * @param takerBps taker rate in bps, e.g. {@code "5"}
   * @return the schedule
   */
  public static FeeSchedule ofBps(String makerBps, String takerBps) {
    return new FeeSchedule(fromBps(makerBps), fromBps(takerBps), Map.of());
  }

  private static Decimal fromBps(String bps) {
    Decimal d = Decimal.parse(bps);
    return Decimal.of(d.units(), d.scale() + 4);
  }

  /**
   * This schedule with different rates for one symbol.
   *
   * @param symbol the symbol
   * @param rates its rates
   * @return a copy with the override
   */
  public FeeSchedule withSymbol(Symbol symbol, Rates rates) {
    Map<Symbol, Rates> m = new java.util.HashMap<>(perSymbol);
    m.put(symbol, rates);
    return new FeeSchedule(makerRate, takerRate, m);
  }

  /**
   * The rate that applies to a fill.
   *
   * @param symbol the instrument
   * @param liquidity maker or taker
   * @return the rate as a fraction
   */
  public Decimal rate(Symbol symbol, Liquidity liquidity) {
    Rates r = perSymbol.get(symbol);
    if (r != null) {
      return liquidity == Liquidity.MAKER ? r.makerRate() : r.takerRate();
    }
    return liquidity == Liquidity.MAKER ? makerRate : takerRate;
  }

  /**
   * The fee of one fill: {@code price * quantity * rate}, rounded half-up to {@value #FEE_SCALE}
   * decimals, in the quote asset.
   *
   * @param instrument the instrument
   * @param price the fill price
   * @param quantity the fill quantity
   * @param liquidity maker or taker
   * @return the fee, positive = paid
   */
  public Money fee(Instrument instrument, Price price, Quantity quantity, Liquidity liquidity) {
    Decimal exact = price.times(quantity).times(rate(instrument.symbol(), liquidity));
    return Money.of(instrument.quoteAsset(), exact).round(FEE_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * Maker and taker rates of one symbol.
   *
   * <p>Immutable and thread-safe.
   *
   * @param makerRate the maker rate as a fraction
   * @param takerRate the taker rate as a fraction
   */
  public record Rates(Decimal makerRate, Decimal takerRate) {
    /** Checks for nulls. */
    public Rates {
      Objects.requireNonNull(makerRate, "makerRate must not be null");
      Objects.requireNonNull(takerRate, "takerRate must not be null");
    }
  }
}
