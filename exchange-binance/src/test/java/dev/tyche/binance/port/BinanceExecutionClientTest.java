package dev.tyche.binance.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.fake.FakeBinanceServer.Fault;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BinanceExecutionClient} over the fake Binance on 127.0.0.1 (REST and user data WebSocket):
 * the port's life cycle, lost replies resolved by look-up, duplicates, status requests, stream
 * drops and listen-key expiry, and bad input.
 */
class BinanceExecutionClientTest {

  private static final long WAIT = 5_000;
  private FakeExchange ex;
  private BinanceExecutionClient client;
  private final Recorder rec = new Recorder();
  private int ids;

  @BeforeEach
  void setUp() throws Exception {
    ex = new FakeExchange(17);
    client = ex.executionClient();
  }

  @AfterEach
  void tearDown() {
    client.close();
    ex.close();
  }

  private void start() {
    client.start(rec);
    ex.awaitUserStream();
  }

  private SubmitOrder restingBuy() {
    return SubmitOrder.limit(
        ClientOrderId.of("t-" + ++ids),
        FakeExchange.BTCUSDT,
        Side.BUY,
        Quantity.parse("0.004"),
        Price.parse("64999.00"),
        TimeInForce.GTC);
  }

  @Test
  void restingOrderIsAcceptedThenFilledOnce() {
    start();
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    OrderAccepted acc = rec.await(buy.clientOrderId(), OrderAccepted.class, WAIT);
    ex.rest.tradeAt("BTCUSDT", "64998.90");
    OrderFilled filled = rec.await(buy.clientOrderId(), OrderFilled.class, WAIT);
    assertThat(filled.execution().venueOrderId()).isEqualTo(acc.venueOrderId());
    assertThat(filled.execution().lastPrice()).isEqualTo(Price.parse("64999.00"));
    assertThat(filled.execution().cumulativeQuantity().compareTo(buy.quantity())).isZero();
    // The stream's NEW and the REST reply both acknowledged the order: one event passed on.
    assertThat(rec.of(buy.clientOrderId())).hasSize(2);
  }

  @Test
  void marketOrderFillsAndStreamDuplicatesAreDropped() {
    start();
    SubmitOrder m =
        SubmitOrder.market(
            ClientOrderId.of("mkt-1"), FakeExchange.BTCUSDT, Side.SELL, Quantity.parse("0.010"));
    client.submit(m);
    OrderFilled f = rec.await(m.clientOrderId(), OrderFilled.class, WAIT);
    assertThat(f.execution().side()).isEqualTo(Side.SELL);
    // Binance may resend an event after a reconnect: the same trade is reported once.
    ex.ws.sendUserEvent(
        "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1,\"T\":1,\"o\":{\"s\":\"BTCUSDT\",\"c\":\"mkt-1\","
            + "\"S\":\"SELL\",\"o\":\"MARKET\",\"f\":\"GTC\",\"q\":\"0.010\",\"p\":\"0\","
            + "\"x\":\"TRADE\",\"X\":\"FILLED\",\"i\":"
            + f.execution().venueOrderId().value()
            + ",\"l\":\"0.010\",\"z\":\"0.010\",\"L\":\"65000.00\",\"T\":1,\"t\":"
            + f.execution().tradeId().value()
            + ",\"m\":false,\"ps\":\"BOTH\"}}");
    SubmitOrder probe = restingBuy();
    client.submit(probe);
    rec.await(probe.clientOrderId(), OrderAccepted.class, WAIT);
    rec.waitFor(() -> client.streamEvents() >= 4, WAIT);
    assertThat(rec.of(m.clientOrderId())).hasSize(2);
    assertThat(ex.rest.position("BTCUSDT").toPlainString()).isEqualTo("-0.010");
  }

  @Test
  void cancelReportsCancelledAndUnknownCancelReportsNothing() {
    start();
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    rec.await(buy.clientOrderId(), OrderAccepted.class, WAIT);
    client.cancel(new CancelOrder(buy.clientOrderId(), buy.symbol()));
    OrderCancelled c = rec.await(buy.clientOrderId(), OrderCancelled.class, WAIT);
    assertThat(c.filledQuantity().isZero()).isTrue();

    ClientOrderId unknown = ClientOrderId.of("never-sent");
    client.cancel(new CancelOrder(unknown, FakeExchange.BTCUSDT));
    SubmitOrder probe = restingBuy();
    client.submit(probe);
    rec.await(probe.clientOrderId(), OrderAccepted.class, WAIT);
    assertThat(rec.of(unknown)).isEmpty();
    // A cancel of an order that already ended reports nothing new.
    client.cancel(new CancelOrder(buy.clientOrderId(), buy.symbol()));
    SubmitOrder probe2 = restingBuy();
    client.submit(probe2);
    rec.await(probe2.clientOrderId(), OrderAccepted.class, WAIT);
    assertThat(rec.of(buy.clientOrderId())).hasSize(2);
  }

  @Test
  void duplicateIdIsRejectedLocallyAndNeverReachesTheVenue() {
    start();
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    rec.await(buy.clientOrderId(), OrderAccepted.class, WAIT);
    int posts = ex.rest.requests("POST", "/fapi/v1/order");
    client.submit(buy);
    OrderRejected r = rec.await(buy.clientOrderId(), OrderRejected.class, WAIT);
    assertThat(r.venueCode()).isEqualTo(-4116);
    assertThat(r.reason()).contains("duplicate");
    assertThat(ex.rest.requests("POST", "/fapi/v1/order")).isEqualTo(posts);
    ex.rest.tradeAt("BTCUSDT", "64999.00");
    rec.await(buy.clientOrderId(), OrderFilled.class, WAIT);
  }

  @Test
  void statusAnswersCurrentStateAndRejectsUnknownOrders() {
    start();
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    OrderAccepted acc = rec.await(buy.clientOrderId(), OrderAccepted.class, WAIT);
    client.requestStatus(buy.clientOrderId(), buy.symbol());
    rec.awaitTrue(() -> rec.of(buy.clientOrderId()).size() == 2, WAIT, "status answer");
    assertThat(rec.of(buy.clientOrderId()).get(1)).isEqualTo(acc);

    ClientOrderId never = ClientOrderId.of("never-1");
    client.requestStatus(never, FakeExchange.BTCUSDT);
    assertThat(rec.await(never, OrderRejected.class, WAIT).venueCode()).isEqualTo(-2013);
  }

  @Test
  void lostRepliesAfterAcceptAreResolvedByLookupWithoutResending() {
    start();
    Fault[] faults = {
      Fault.TIMEOUT_AFTER_ACCEPT,
      Fault.ERROR_503_AFTER_ACCEPT,
      Fault.BACKEND_TIMEOUT_1007_AFTER_ACCEPT,
      Fault.MALFORMED_AFTER_ACCEPT
    };
    for (Fault f : faults) {
      ex.rest.enqueueFault("POST", "/fapi/v1/order", f);
      SubmitOrder m =
          SubmitOrder.market(
              ClientOrderId.of("lost-" + f.ordinal()),
              FakeExchange.BTCUSDT,
              Side.BUY,
              Quantity.parse("0.002"));
      client.submit(m);
      rec.await(m.clientOrderId(), OrderFilled.class, WAIT);
      assertThat(ex.rest.ordersPerClientId().get(m.clientOrderId().value())).isEqualTo(1);
    }
    assertThat(client.resends()).isZero();
  }

  @Test
  void requestLostBeforeTheVenueIsResentWithTheSameId() {
    start();
    ex.rest.enqueueFault("POST", "/fapi/v1/order", Fault.ERROR_500_BEFORE);
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    rec.await(buy.clientOrderId(), OrderAccepted.class, WAIT);
    assertThat(client.resends()).isEqualTo(1);
    assertThat(ex.rest.ordersPerClientId().get(buy.clientOrderId().value())).isEqualTo(1);
  }

  @Test
  void rateLimitBanAndClockSkewAreDefiniteOutcomes() {
    start();
    ex.rest.enqueueFault("POST", "/fapi/v1/order", Fault.RATE_LIMIT_429);
    SubmitOrder a = restingBuy();
    client.submit(a);
    assertThat(rec.await(a.clientOrderId(), OrderRejected.class, WAIT).venueCode())
        .isEqualTo(-1003);
    // -1021 is retried once after a clock resync: the order lands.
    ex.rest.enqueueFault("POST", "/fapi/v1/order", Fault.CLOCK_SKEW_1021);
    SubmitOrder b = restingBuy();
    client.submit(b);
    rec.await(b.clientOrderId(), OrderAccepted.class, WAIT);
    ex.rest.enqueueFault("POST", "/fapi/v1/order", Fault.BAN_418);
    SubmitOrder c = restingBuy();
    client.submit(c);
    assertThat(rec.await(c.clientOrderId(), OrderRejected.class, WAIT).venueCode())
        .isEqualTo(-1003);
    assertThat(ex.rest.ordersPerClientId()).doesNotContainKeys("t-1", "t-3").containsKey("t-2");
  }

  @Test
  void fillMissedDuringStreamOutageIsRecoveredOnReconnect() {
    start();
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    rec.await(buy.clientOrderId(), OrderAccepted.class, WAIT);
    // The key expires: the stream is silent until the client has a new key and reconnected.
    ex.ws.expireListenKey(ex.clock.currentTimeMillis(), true);
    ex.rest.setUserEventSink(json -> {}); // events during the gap are lost
    ex.rest.tradeAt("BTCUSDT", "64999.00");
    ex.rest.setUserEventSink(ex.ws::sendUserEvent);
    OrderFilled f = rec.await(buy.clientOrderId(), OrderFilled.class, WAIT);
    assertThat(f.execution().lastQuantity().compareTo(buy.quantity())).isZero();
    assertThat(client.resyncs()).isPositive();
  }

  @Test
  void gapInFillsIsResolvedFromRestInCumulativeOrder() {
    start();
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    OrderAccepted acc = rec.await(buy.clientOrderId(), OrderAccepted.class, WAIT);
    ex.rest.setUserEventSink(json -> {});
    ex.rest.tradeAt("BTCUSDT", "64999.00");
    ex.rest.setUserEventSink(ex.ws::sendUserEvent);
    // A later cancel report claims 0.004 filled although no fill was seen: the client asks REST.
    ex.ws.sendUserEvent(
        "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":2,\"T\":2,\"o\":{\"s\":\"BTCUSDT\",\"c\":\""
            + buy.clientOrderId().value()
            + "\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"0.004\",\"p\":\"64999.00\","
            + "\"x\":\"CANCELED\",\"X\":\"CANCELED\",\"i\":"
            + acc.venueOrderId().value()
            + ",\"l\":\"0\",\"z\":\"0.004\",\"L\":\"0\",\"T\":2,\"t\":0,\"m\":false}}");
    rec.await(buy.clientOrderId(), OrderFilled.class, WAIT);
    List<OrderEvent> evs = rec.of(buy.clientOrderId());
    assertThat(evs).hasSize(2);
    assertThat(evs.get(1)).isInstanceOf(OrderFillEvent.class);
  }

  @Test
  void conditionalOrdersGoToTheAlgoEndpointAndCancelThere() {
    start();
    SubmitOrder stop =
        new SubmitOrder(
            ClientOrderId.of("stop-1"),
            FakeExchange.BTCUSDT,
            Side.SELL,
            OrderType.STOP_MARKET,
            Quantity.parse("0.002"),
            Optional.empty(),
            Optional.of(Price.parse("60000.00")),
            TimeInForce.IOC,
            true);
    client.submit(stop);
    OrderAccepted acc = rec.await(stop.clientOrderId(), OrderAccepted.class, WAIT);
    assertThat(ex.rest.algoOrders()).isEqualTo(1);
    assertThat(ex.rest.requests("POST", "/fapi/v1/order")).isZero();
    client.requestStatus(stop.clientOrderId(), stop.symbol());
    rec.awaitTrue(() -> rec.of(stop.clientOrderId()).size() == 2, WAIT, "status answer");
    assertThat(rec.of(stop.clientOrderId()).get(1)).isEqualTo(acc);
    client.cancel(new CancelOrder(stop.clientOrderId(), stop.symbol()));
    rec.await(stop.clientOrderId(), OrderCancelled.class, WAIT);

    // ALGO_UPDATE from the stream: acknowledged, then expired; a malformed status is dropped.
    SubmitOrder tp =
        new SubmitOrder(
            ClientOrderId.of("tp-1"),
            FakeExchange.BTCUSDT,
            Side.SELL,
            OrderType.TAKE_PROFIT_MARKET,
            Quantity.parse("0.002"),
            Optional.empty(),
            Optional.of(Price.parse("70000.00")),
            TimeInForce.IOC,
            true);
    client.submit(tp);
    OrderAccepted tpAcc = rec.await(tp.clientOrderId(), OrderAccepted.class, WAIT);
    String algo =
        "{\"e\":\"ALGO_UPDATE\",\"E\":5,\"o\":{\"caid\":\"tp-1\",\"aid\":"
            + tpAcc.venueOrderId().value()
            + ",\"at\":\"CONDITIONAL\",\"o\":\"TAKE_PROFIT_MARKET\",\"s\":\"BTCUSDT\","
            + "\"S\":\"SELL\",\"ps\":\"BOTH\",\"f\":\"GTC\",\"q\":\"0.002\",\"X\":\"%s\","
            + "\"tp\":\"70000.00\"}}";
    ex.ws.sendUserEvent(String.format(java.util.Locale.ROOT, algo, "NEW"));
    ex.ws.sendUserEvent(String.format(java.util.Locale.ROOT, algo, "NO_SUCH_STATUS"));
    ex.ws.sendUserEvent(String.format(java.util.Locale.ROOT, algo, "EXPIRED"));
    rec.await(tp.clientOrderId(), dev.tyche.core.order.OrderExpired.class, WAIT);
    assertThat(rec.of(tp.clientOrderId())).hasSize(2);
  }

  @Test
  void badInputAndLifecycleMisuseThrow() {
    SubmitOrder buy = restingBuy();
    assertThatThrownBy(() -> client.submit(buy)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.cancel(new CancelOrder(buy.clientOrderId(), buy.symbol())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.requestStatus(buy.clientOrderId(), buy.symbol()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.start(null)).isInstanceOf(NullPointerException.class);
    start();
    assertThatThrownBy(() -> client.start(rec)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.submit(null)).isInstanceOf(NullPointerException.class);
    SubmitOrder unknownSymbol =
        SubmitOrder.market(
            ClientOrderId.of("x-1"), Symbol.of("DOGEUSDT"), Side.BUY, Quantity.parse("1"));
    assertThatThrownBy(() -> client.submit(unknownSymbol))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOGEUSDT");
    SubmitOrder offGrid =
        SubmitOrder.limit(
            ClientOrderId.of("x-2"),
            FakeExchange.BTCUSDT,
            Side.BUY,
            Quantity.parse("0.0015"),
            Price.parse("64999.00"),
            TimeInForce.GTC);
    assertThatThrownBy(() -> client.submit(offGrid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid");
    SubmitOrder offTick =
        SubmitOrder.limit(
            ClientOrderId.of("x-3"),
            FakeExchange.BTCUSDT,
            Side.BUY,
            Quantity.parse("0.002"),
            Price.parse("64999.05"),
            TimeInForce.GTC);
    assertThatThrownBy(() -> client.submit(offTick)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.requestStatus(ClientOrderId.of("x"), Symbol.of("DOGEUSDT")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rec.all()).isEmpty();
    client.close();
    client.close();
    assertThatThrownBy(() -> client.submit(buy)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                new BinanceExecutionClient.Options(11, Duration.ofMillis(1), Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resendAttempts");
    assertThatThrownBy(
            () -> new BinanceExecutionClient.Options(1, Duration.ZERO, Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BinanceExecutionClient.Options(1, Duration.ofMillis(5), Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BinanceExecutionClient(
                    ex.client, List.of(), ex.streams(), BinanceExecutionClient.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysNeverAppearInToStringOrEvents() {
    start();
    ex.rest.enqueueFault("POST", "/fapi/v1/order", Fault.RATE_LIMIT_429);
    SubmitOrder a = restingBuy();
    client.submit(a);
    OrderRejected r = rec.await(a.clientOrderId(), OrderRejected.class, WAIT);
    for (String text : List.of(client.toString(), r.toString(), ex.client.toString())) {
      assertThat(text).doesNotContain(FakeExchange.KEY).doesNotContain(FakeExchange.SECRET);
    }
  }
}
