package dev.tyche.binance.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.dto.AggTrade;
import dev.tyche.binance.dto.AlgoOrderResponse;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.BinanceOrderStatus;
import dev.tyche.binance.dto.BinanceOrderType;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.binance.dto.Bracket;
import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.dto.ExchangeInfo;
import dev.tyche.binance.dto.FundingRateEntry;
import dev.tyche.binance.dto.Kline;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.PremiumIndex;
import dev.tyche.binance.dto.SymbolBrackets;
import dev.tyche.binance.dto.UserTrade;
import dev.tyche.binance.rest.AlgoOrderRequest;
import dev.tyche.binance.rest.NewOrderRequest;
import dev.tyche.binance.rest.OrderRequest;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.time.BarInterval;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MappingTest {

  private static final Symbol BTC = Symbol.of("BTCUSDT");

  @Test
  void instrumentsComeFromTheFilters() {
    ExchangeInfo info = BinanceJson.decode(Samples.EXCHANGE_INFO, ExchangeInfo.class);
    List<Instrument> all = InstrumentMapping.toInstruments(info);
    assertThat(all).extracting(i -> i.symbol().value()).containsExactly("BTCUSDT", "1000SHIBUSDT");
    Instrument btc = all.get(0);
    assertThat(btc.tickSize()).isEqualTo(Price.parse("0.10", 2));
    assertThat(btc.priceScale()).isEqualTo(2);
    assertThat(btc.stepSize()).isEqualTo(Quantity.parse("0.001", 3));
    assertThat(btc.maxQuantity()).isEqualTo(Quantity.parse("1000", 3));
    assertThat(btc.minNotional().compareValue(Decimal.parse("100"))).isZero();
    Instrument shib = all.get(1);
    assertThat(shib.quantityScale()).isZero();
    assertThat(shib.priceScale()).isEqualTo(6);
    assertThat(shib.minNotional()).isEqualTo(Decimal.ZERO);
    assertThatThrownBy(() -> InstrumentMapping.toInstrument(info.symbols().get(2)))
        .hasMessageContaining("contractType");
    assertThatThrownBy(
            () ->
                InstrumentMapping.toInstrument(
                    BinanceJson.decode(
                            Samples.EXCHANGE_INFO.replace(
                                "\"PERPETUAL\",\"status\":\"SETTLING\"",
                                "\"PERPETUAL\",\"status\":\"TRADING\""),
                            ExchangeInfo.class)
                        .symbols()
                        .get(3)))
        .hasMessageContaining("PRICE_FILTER");
  }

  @Property(tries = 50)
  void enumMappingsRoundTrip(@ForAll Side side, @ForAll OrderType type, @ForAll TimeInForce tif) {
    assertThat(EnumMapping.toCore(EnumMapping.toBinance(side))).isEqualTo(side);
    assertThat(EnumMapping.toCore(EnumMapping.toBinance(type))).isEqualTo(type);
    assertThat(EnumMapping.toCore(EnumMapping.toBinance(tif))).isEqualTo(tif);
  }

  @Test
  void enumMappingIsExplicit() {
    assertThat(EnumMapping.toBinance(TimeInForce.POST_ONLY)).isEqualTo(BinanceTimeInForce.GTX);
    assertThat(EnumMapping.parseTimeInForce("GTX", "f")).isEqualTo(TimeInForce.POST_ONLY);
    assertThat(EnumMapping.toBinance(OrderType.STOP_LIMIT)).isEqualTo(BinanceOrderType.STOP);
    assertThat(EnumMapping.parseOrderType("TAKE_PROFIT", "o"))
        .isEqualTo(OrderType.TAKE_PROFIT_LIMIT);
    assertThatThrownBy(() -> EnumMapping.toCore(BinanceTimeInForce.GTD))
        .hasMessageContaining("GTD");
    assertThatThrownBy(() -> EnumMapping.parseSide("LONG", "S")).hasMessageContaining("'S'");
  }

  @Test
  void klinesBecomeBarsStampedAtOpenTime() {
    List<Kline> k = BinanceJson.decodeList(Samples.KLINES, Kline.class);
    Bar b = MarketMapping.toBars(k, BTC, BarInterval.MINUTE_1).get(0);
    assertThat(b.openTime()).isEqualTo(1_699_999_980_000L);
    assertThat(b.closeTime()).isEqualTo(1_700_000_039_999L);
    assertThat(b.close()).isEqualTo(Price.parse("65000.1"));
    assertThat(b.volume()).isEqualTo(Quantity.parse("12.345"));
    assertThatThrownBy(() -> MarketMapping.toBar(k.get(0), BTC, BarInterval.MINUTE_5))
        .hasMessageContaining("closeTime");
    Kline bad = new Kline(0, "10", "9", "8", "9", "1", 59_999, "0", 1, "0", "0"); // high < open
    assertThatThrownBy(() -> MarketMapping.toBar(bad, BTC, BarInterval.MINUTE_1))
        .hasMessageContaining("high");
  }

  @Test
  void fundingMarkTradeAndBook() {
    FundingRate f =
        MarketMapping.toFundingRate(
            new FundingRateEntry("BTCUSDT", "-0.00002500", 1_700_006_400_001L, ""));
    assertThat(f.rate().compareValue(Decimal.parse("-0.000025"))).isZero();
    assertThat(f.markPrice()).isEmpty();
    assertThat(f.nominalTime()).isEqualTo(1_700_006_400_000L);
    assertThat(
            MarketMapping.toFundingRate(
                    new FundingRateEntry("BTCUSDT", "0.0001", 1L, "36950.10000000"))
                .markPrice())
        .hasValueSatisfying(p -> assertThat(p.compareTo(Price.parse("36950.1"))).isZero());
    assertThat(
            MarketMapping.toFundingRate(new FundingRateEntry("BTCUSDT", "0.0001", 1L, "0"))
                .markPrice())
        .isEmpty();
    var mark =
        MarketMapping.toMarkPrice(
            new PremiumIndex(
                "BTCUSDT",
                "65001.23",
                "64995.10",
                "0",
                "0.0001",
                "0.0001",
                1_700_006_400_000L,
                1_700_000_000_000L));
    assertThat(mark.markPrice()).isEqualTo(Price.parse("65001.23"));
    assertThat(mark.nextFundingTime()).hasValue(1_700_006_400_000L);
    var trade =
        MarketMapping.toTrade(
            new AggTrade(1L, "65000.10", "0.120", 100L, 105L, 1_700_000_000_100L, true), BTC);
    assertThat(trade.aggressor()).isEqualTo(Side.SELL);
    var book =
        MarketMapping.toBookSnapshot(
            BinanceJson.decode(
                "{\"lastUpdateId\":7,\"E\":5,\"T\":4,\"bids\":[[\"10.0\",\"1\"]],"
                    + "\"asks\":[[\"10.1\",\"2\"]]}",
                DepthSnapshot.class),
            BTC);
    assertThat(book.lastUpdateId()).isEqualTo(7);
    assertThat(book.asks().get(0).quantity()).isEqualTo(Quantity.parse("2"));
  }

  @Test
  void submitOrdersMapToTheRightEndpoint() {
    Instrument btc = Samples.btc();
    ClientOrderId id = ClientOrderId.of("c-1");
    OrderRequest post =
        OrderMapping.toRequest(
            SubmitOrder.limit(
                id,
                BTC,
                Side.SELL,
                Quantity.parse("0.01"),
                Price.parse("65000.1"),
                TimeInForce.POST_ONLY),
            btc);
    assertThat(post).isInstanceOf(NewOrderRequest.class);
    NewOrderRequest n = (NewOrderRequest) post;
    assertThat(n.timeInForce()).contains(BinanceTimeInForce.GTX);
    assertThat(n.price()).contains("65000.10");
    assertThat(n.quantity()).isEqualTo("0.010");
    assertThat(n.toParams().encode())
        .isEqualTo(
            "symbol=BTCUSDT&side=SELL&positionSide=BOTH&type=LIMIT&timeInForce=GTX"
                + "&quantity=0.010&price=65000.10&newClientOrderId=c-1&newOrderRespType=RESULT");
    OrderRequest mkt =
        OrderMapping.toRequest(
            SubmitOrder.market(id, BTC, Side.BUY, Quantity.parse("1")).withReduceOnly(), btc);
    assertThat(((NewOrderRequest) mkt).timeInForce()).isEmpty();
    assertThat(mkt.toParams().encode()).contains("reduceOnly=true");
    SubmitOrder stopLimit =
        new SubmitOrder(
            id,
            BTC,
            Side.SELL,
            OrderType.STOP_LIMIT,
            Quantity.parse("0.5"),
            Optional.of(Price.parse("59000")),
            Optional.of(Price.parse("59500")),
            TimeInForce.GTC,
            false);
    AlgoOrderRequest algo = (AlgoOrderRequest) OrderMapping.toRequest(stopLimit, btc);
    assertThat(algo.type()).isEqualTo(BinanceOrderType.STOP);
    assertThat(algo.toParams().encode())
        .contains("algoType=CONDITIONAL")
        .contains("triggerPrice=59500.00")
        .contains("clientAlgoId=c-1");
    assertThatThrownBy(
            () ->
                OrderMapping.toRequest(
                    SubmitOrder.limit(
                        id,
                        BTC,
                        Side.BUY,
                        Quantity.parse("1"),
                        Price.parse("1.05"),
                        TimeInForce.GTC),
                    btc))
        .hasMessageContaining("tick grid");
    assertThatThrownBy(
            () ->
                OrderMapping.toRequest(
                    SubmitOrder.market(id, BTC, Side.BUY, Quantity.parse("0.0005")), btc))
        .hasMessageContaining("step grid");
    assertThatThrownBy(
            () ->
                OrderMapping.toRequest(
                    SubmitOrder.market(id, Symbol.of("ETHUSDT"), Side.BUY, Quantity.parse("1")),
                    btc))
        .hasMessageContaining("does not match");
    SubmitOrder trailing =
        new SubmitOrder(
            id,
            BTC,
            Side.SELL,
            OrderType.TRAILING_STOP_MARKET,
            Quantity.parse("1"),
            Optional.empty(),
            Optional.empty(),
            TimeInForce.IOC,
            false);
    assertThatThrownBy(() -> OrderMapping.toRequest(trailing, btc))
        .hasMessageContaining("callback rate");
  }

  private static OrderResponse order(String status, String executed) {
    return BinanceJson.decode(
        Samples.ORDER
            .replace("\"status\":\"NEW\"", "\"status\":\"" + status + "\"")
            .replace("\"executedQty\":\"0.000\"", "\"executedQty\":\"" + executed + "\""),
        OrderResponse.class);
  }

  @Test
  void everyStatusMapsToItsEvent() {
    Instrument btc = Samples.btc();
    assertThat(OrderMapping.lifecycleEvent(order("NEW", "0"), btc))
        .get()
        .isInstanceOfSatisfying(
            OrderAccepted.class,
            a -> {
              assertThat(a.venueOrderId().value()).isEqualTo("8886774");
              assertThat(a.eventTime()).isEqualTo(1_700_000_000_123L);
            });
    assertThat(OrderMapping.lifecycleEvent(order("PARTIALLY_FILLED", "0.004"), btc))
        .get()
        .isInstanceOf(OrderAccepted.class);
    assertThat(OrderMapping.lifecycleEvent(order("CANCELED", "0.004"), btc))
        .get()
        .isInstanceOfSatisfying(
            OrderCancelled.class,
            c -> assertThat(c.filledQuantity()).isEqualTo(Quantity.parse("0.004")));
    assertThat(OrderMapping.lifecycleEvent(order("EXPIRED", "0"), btc))
        .get()
        .isInstanceOfSatisfying(OrderExpired.class, e -> assertThat(e.reason()).contains("GTX"));
    assertThat(OrderMapping.lifecycleEvent(order("EXPIRED_IN_MATCH", "0"), btc))
        .get()
        .isInstanceOfSatisfying(
            OrderExpired.class, e -> assertThat(e.reason()).contains("self-trade"));
    assertThat(OrderMapping.lifecycleEvent(order("REJECTED", "0"), btc))
        .get()
        .isInstanceOf(OrderRejected.class);
    assertThat(OrderMapping.lifecycleEvent(order("FILLED", "0.010"), btc)).isEmpty();
    assertThat(OrderMapping.status(order("FILLED", "0.010")).isFinal()).isTrue();
    assertThat(BinanceOrderStatus.NEW.isFinal()).isFalse();
    assertThatThrownBy(() -> OrderMapping.lifecycleEvent(order("WEIRD", "0"), btc))
        .hasMessageContaining("'status'");
    assertThatThrownBy(() -> OrderMapping.lifecycleEvent(order("NEW", "0.020"), btc))
        .hasMessageContaining("executedQty");
    assertThatThrownBy(() -> OrderMapping.lifecycleEvent(order("NEW", "-0.001"), btc))
        .hasMessageContaining("executedQty");
  }

  @Test
  void tradesBecomeRunningFills() {
    Instrument btc = Samples.btc();
    OrderResponse o = order("FILLED", "0.010");
    UserTrade t1 =
        new UserTrade(
            2L, 8886774L, "BTCUSDT", "BUY", "65000.0", "0.004", "0.05", "USDT", "0", true, 20L);
    UserTrade t2 =
        new UserTrade(
            1L, 8886774L, "BTCUSDT", "BUY", "64999.9", "0.006", "0.08", "USDT", "0", false, 10L);
    List<OrderFillEvent> fills = OrderMapping.fills(o, List.of(t1, t2), btc);
    assertThat(fills).hasSize(2);
    assertThat(fills.get(0)).isInstanceOf(OrderPartiallyFilled.class);
    assertThat(fills.get(0).execution().leavesQuantity()).isEqualTo(Quantity.parse("0.004", 3));
    assertThat(fills.get(1)).isInstanceOf(OrderFilled.class);
    assertThat(fills.get(1).execution().cumulativeQuantity()).isEqualTo(Quantity.parse("0.010", 3));
    UserTrade other =
        new UserTrade(3L, 1L, "BTCUSDT", "BUY", "1", "0.001", "0", "USDT", "0", true, 5L);
    assertThatThrownBy(() -> OrderMapping.fills(o, List.of(other), btc))
        .hasMessageContaining("belongs to order");
    assertThatThrownBy(() -> OrderMapping.fills(o, List.of(t1, t2, t1), btc))
        .hasMessageContaining("overfill");
  }

  @Test
  void bracketsBecomeContiguousTiers() {
    SymbolBrackets s =
        new SymbolBrackets(
            "BTCUSDT",
            null,
            List.of(
                new Bracket(1, 125, "50000", "0", "0.004", "0"),
                new Bracket(2, 100, "250000", "50000", "0.005", "50")));
    List<LeverageTier> tiers = BracketMapping.toTiers(s);
    assertThat(tiers.get(1).maintAmount().compareValue(Decimal.parse("50"))).isZero();
    SymbolBrackets gap =
        new SymbolBrackets(
            "BTCUSDT",
            "1",
            List.of(
                new Bracket(1, 125, "50000", "0", "0.004", "0"),
                new Bracket(2, 100, "250000", "60000", "0.005", "50")));
    assertThatThrownBy(() -> BracketMapping.toTiers(gap)).hasMessageContaining("notionalFloor");
    SymbolBrackets mmr =
        new SymbolBrackets("BTCUSDT", "1", List.of(new Bracket(1, 125, "50000", "0", "1.5", "0")));
    assertThatThrownBy(() -> BracketMapping.toTiers(mmr)).hasMessageContaining("maintMarginRate");
    assertThatThrownBy(
            () ->
                new LeverageTier(
                    0, 1, Decimal.ZERO, Decimal.parse("1"), Decimal.ZERO, Decimal.ZERO))
        .hasMessageContaining("bracket");
  }

  @Test
  void algoReplyDecodesWithDefaults() {
    AlgoOrderResponse a =
        BinanceJson.decode(
            "{\"algoId\":1,\"clientAlgoId\":\"x\",\"orderType\":\"STOP_MARKET\",\"symbol\":"
                + "\"BTCUSDT\",\"side\":\"SELL\",\"algoStatus\":\"NEW\",\"triggerPrice\":\"1\"}",
            AlgoOrderResponse.class);
    assertThat(a.algoType()).isEqualTo("CONDITIONAL");
    assertThat(a.updateTime()).isZero();
  }
}
