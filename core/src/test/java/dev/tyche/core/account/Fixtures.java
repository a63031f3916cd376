package dev.tyche.core.account;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import java.util.Optional;

/** Instruments and shorthand constructors shared by the account tests. */
final class Fixtures {
  static final Asset USDT = Asset.USDT;
  static final Asset BTC = Asset.of("BTC");
  static final Asset BNB = Asset.of("BNB");
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  /** Binance USDT-M BTCUSDT: tick 0.10, step 0.001, pricePrecision 2, quantityPrecision 3. */
  static final Instrument BTC_PERP =
      Instrument.builder(BTCUSDT)
          .assets(BTC, USDT)
          .contractType(ContractType.PERPETUAL)
          .tickSize("0.10")
          .stepSize("0.001")
          .scales(2, 3)
          .build();

  /** A perpetual with a finer tick, for rounding cases: tick 0.01, step 0.001. */
  static final Instrument ETH_PERP =
      Instrument.builder(Symbol.of("ETHUSDT"))
          .assets(Asset.of("ETH"), USDT)
          .contractType(ContractType.PERPETUAL)
          .tickSize("0.01")
          .stepSize("0.001")
          .build();

  /** A whole-contract perpetual with a 4-decimal tick: tick 0.0001, step 1. */
  static final Instrument DOGE_PERP =
      Instrument.builder(Symbol.of("DOGEUSDT"))
          .assets(Asset.of("DOGE"), USDT)
          .contractType(ContractType.PERPETUAL)
          .tickSize("0.0001")
          .stepSize("1")
          .build();

  /** Binance spot BTCUSDT: tick 0.01, step 0.00001. */
  static final Instrument BTC_SPOT =
      Instrument.builder(BTCUSDT)
          .assets(BTC, USDT)
          .contractType(ContractType.SPOT)
          .tickSize("0.01")
          .stepSize("0.00001")
          .build();

  /** Binance spot BNBUSDT: tick 0.1, step 0.001. */
  static final Instrument BNB_SPOT =
      Instrument.builder(Symbol.of("BNBUSDT"))
          .assets(BNB, USDT)
          .contractType(ContractType.SPOT)
          .tickSize("0.1")
          .stepSize("0.001")
          .build();

  private static long tradeIds;

  private Fixtures() {}

  static Money usdt(String amount) {
    return Money.parse(USDT, amount);
  }

  static Money money(Asset asset, String amount) {
    return Money.parse(asset, amount);
  }

  static Fill fill(
      Instrument instrument, Side side, String price, String quantity, Money fee, PositionSide ps) {
    tradeIds++;
    return new Fill(
        instrument.symbol(),
        side,
        Price.parse(price),
        Quantity.parse(quantity),
        fee,
        Liquidity.TAKER,
        TradeId.of("t" + tradeIds),
        Optional.empty(),
        1_700_000_000_000L + tradeIds,
        ps);
  }

  static Fill fill(Instrument instrument, Side side, String price, String quantity, Money fee) {
    return fill(instrument, side, price, quantity, fee, PositionSide.BOTH);
  }
}
