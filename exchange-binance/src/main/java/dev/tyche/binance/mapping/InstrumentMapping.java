package dev.tyche.binance.mapping;

import dev.tyche.binance.dto.ExchangeInfo;
import dev.tyche.binance.dto.SymbolFilter;
import dev.tyche.binance.dto.SymbolInfo;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * exchangeInfo symbols to core {@link Instrument}s. The tick size comes from {@code PRICE_FILTER},
 * step size and quantity bounds from {@code LOT_SIZE}, the minimum notional from {@code
 * MIN_NOTIONAL.notional} (zero when absent). Scales are the larger of the filter's significant
 * decimals and Binance's {@code pricePrecision}/{@code quantityPrecision} (reference section 3.1:
 * the precisions are not the tick and step sizes).
 *
 * <p>Immutable and thread-safe.
 */
public final class InstrumentMapping {

  private InstrumentMapping() {}

  /**
   * One perpetual symbol.
   *
   * @param s the symbol entry
   * @return the instrument
   * @throws IllegalArgumentException naming the symbol and field if the entry is not a perpetual or
   *     its filters are missing or inconsistent
   */
  public static Instrument toInstrument(SymbolInfo s) {
    String where = s.symbol() + ".";
    if (!"PERPETUAL".equals(s.contractType())) {
      throw new IllegalArgumentException(
          "field '" + where + "contractType' must be PERPETUAL but was '" + s.contractType() + "'");
    }
    SymbolFilter pf =
        s.filter("PRICE_FILTER").orElseThrow(() -> missing(where + "filters", "PRICE_FILTER"));
    SymbolFilter lot =
        s.filter("LOT_SIZE").orElseThrow(() -> missing(where + "filters", "LOT_SIZE"));
    String tick = nonEmpty(pf.tickSize(), where + "PRICE_FILTER.tickSize");
    String step = nonEmpty(lot.stepSize(), where + "LOT_SIZE.stepSize");
    int priceScale =
        Math.max(Fields.significantScale(tick, where + "tickSize"), s.pricePrecision());
    int qtyScale =
        Math.max(Fields.significantScale(step, where + "stepSize"), s.quantityPrecision());
    Price tickSize = Fields.price(tick, priceScale, where + "PRICE_FILTER.tickSize");
    Quantity stepSize = Fields.quantity(step, qtyScale, where + "LOT_SIZE.stepSize");
    Quantity minQty =
        Fields.quantity(
            nonEmpty(lot.minQty(), where + "LOT_SIZE.minQty"), qtyScale, where + "LOT_SIZE.minQty");
    Quantity maxQty =
        Fields.quantity(
            nonEmpty(lot.maxQty(), where + "LOT_SIZE.maxQty"), qtyScale, where + "LOT_SIZE.maxQty");
    Decimal minNotional =
        s.filter("MIN_NOTIONAL")
            .map(
                f ->
                    f.notional().isEmpty()
                        ? Decimal.ZERO
                        : Fields.decimal(f.notional(), where + "MIN_NOTIONAL.notional"))
            .orElse(Decimal.ZERO);
    try {
      return new Instrument(
          Fields.symbol(s.symbol(), "symbol"),
          Fields.asset(s.baseAsset(), where + "baseAsset"),
          Fields.asset(s.quoteAsset(), where + "quoteAsset"),
          Fields.asset(s.marginAsset(), where + "marginAsset"),
          ContractType.PERPETUAL,
          priceScale,
          qtyScale,
          tickSize,
          stepSize,
          minQty.isZero() ? stepSize : minQty,
          maxQty,
          minNotional);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "symbol '" + s.symbol() + "' has inconsistent filters: " + e.getMessage(), e);
    }
  }

  /**
   * Every perpetual symbol with status {@code TRADING} whose name core's {@code Symbol} accepts
   * ({@code [A-Z0-9_]{1,32}}); others (quarterlies, settling or delisted symbols, names in other
   * scripts) are skipped, not errors.
   *
   * @param info the exchange information
   * @return the instruments, in exchangeInfo's order
   * @throws IllegalArgumentException if a kept symbol's filters are malformed
   */
  public static List<Instrument> toInstruments(ExchangeInfo info) {
    List<Instrument> out = new ArrayList<>();
    for (SymbolInfo s : info.symbols()) {
      if ("PERPETUAL".equals(s.contractType())
          && "TRADING".equals(s.status())
          && s.symbol().matches("[A-Z0-9_]{1,32}")) {
        out.add(toInstrument(s));
      }
    }
    return List.copyOf(out);
  }

  private static String nonEmpty(String text, String field) {
    if (text.isEmpty()) {
      throw missing(field, "a value");
    }
    return text;
  }

  private static IllegalArgumentException missing(String field, String what) {
    return new IllegalArgumentException("field '" + field + "' is missing " + what);
  }
}
