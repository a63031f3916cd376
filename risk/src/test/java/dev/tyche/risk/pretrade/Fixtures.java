package dev.tyche.risk.pretrade;

import dev.tyche.core.account.Position;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import java.util.Map;
import java.util.Optional;

/** Instruments, orders and contexts shared by the pre-trade tests. */
final class Fixtures {
  private Fixtures() {}

  static final Asset USDT = Asset.USDT;
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  /** BTCUSDT perpetual: tick 0.10, step 0.001, quantity 0.001..100, min notional 50 USDT. */
  static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .quantityBounds("0.001", "100")
          .minNotional("50")
          .scales(2, 3)
          .build();

  /** ETHUSDT perpetual: tick 0.01, step 0.001. */
  static final Instrument ETH =
      Instrument.builder(Symbol.of("ETHUSDT"))
          .assets(Asset.of("ETH"), USDT)
          .tickSize("0.01")
          .stepSize("0.001")
          .minNotional("20")
          .build();

  static final Price MARK = Price.parse("60000.00");

  private static final ClientOrderId ID = ClientOrderId.of("t-1");

  static Decimal dec(String text) {
    return Decimal.parse(text);
  }

  static Price price(String text) {
    return Price.parse(text);
  }

  static SubmitOrder market(Side side, String quantity) {
    return SubmitOrder.market(ID, BTCUSDT, side, Quantity.parse(quantity));
  }

  static SubmitOrder limit(Side side, String quantity, String price) {
    return SubmitOrder.limit(
        ID, BTCUSDT, side, Quantity.parse(quantity), Price.parse(price), TimeInForce.GTC);
  }

  static SubmitOrder stopLimit(Side side, String quantity, String price, String trigger) {
    return new SubmitOrder(
        ID,
        BTCUSDT,
        side,
        OrderType.STOP_LIMIT,
        Quantity.parse(quantity),
        Optional.of(Price.parse(price)),
        Optional.of(Price.parse(trigger)),
        TimeInForce.GTC,
        false);
  }

  static SubmitOrder stopMarket(Side side, String quantity, String trigger) {
    return new SubmitOrder(
        ID,
        BTCUSDT,
        side,
        OrderType.STOP_MARKET,
        Quantity.parse(quantity),
        Optional.empty(),
        Optional.of(Price.parse(trigger)),
        TimeInForce.IOC,
        false);
  }

  /** A context at mark 60000.00 with 100000 USDT equity and nothing else. */
  static PreTradeSnapshot.Builder ctx() {
    return PreTradeSnapshot.builder(BTC, MARK).equity(100_000.0);
  }

  /** A context holding {@code position} BTC (and nothing else) at mark 60000.00. */
  static PreTradeSnapshot.Builder holding(String position) {
    Decimal q = dec(position);
    return ctx().position(q).grossExposure(Math.abs(q.times(MARK).toDouble()));
  }

  /** An open position of {@code signedUnits} at {@code entry}, for account snapshots. */
  static Position position(Instrument instrument, long signedUnits, Price entry) {
    int ns = instrument.priceScale() + instrument.quantityScale();
    long cost = signedUnits * entry.withScale(instrument.priceScale()).units();
    return new Position(
        instrument,
        PositionSide.BOTH,
        signedUnits,
        Decimal.of(cost, ns),
        Money.zero(instrument.quoteAsset(), ns),
        Money.zero(instrument.marginAsset(), 0),
        Map.of());
  }
}
