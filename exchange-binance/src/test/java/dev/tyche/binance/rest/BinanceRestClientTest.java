package dev.tyche.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.dto.AccountInfo;
import dev.tyche.binance.dto.AlgoOrderResponse;
import dev.tyche.binance.dto.BatchOrderResult;
import dev.tyche.binance.dto.BinanceOrderType;
import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.binance.dto.ExchangeInfo;
import dev.tyche.binance.dto.Kline;
import dev.tyche.binance.dto.MarginType;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.PositionSide;
import dev.tyche.binance.dto.SymbolBrackets;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.binance.fake.FakeBinanceServer;
import dev.tyche.binance.fake.FakeBinanceServer.Fault;
import dev.tyche.core.time.BarInterval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceRestClientTest {

  private RestTestSupport env;
  private BinanceRestClient client;
  private FakeBinanceServer fake;

  @BeforeEach
  void setUp() throws Exception {
    env = new RestTestSupport(42);
    client = env.client;
    fake = env.fake;
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private static NewOrderRequest market(String id) {
    return NewOrderRequest.market("BTCUSDT", BinanceSide.BUY, "0.010", id);
  }

  @Test
  void marketDataEndpointsDecode() {
    assertThat(client.serverTime().serverTime()).isEqualTo(RestTestSupport.START);
    ExchangeInfo info = client.exchangeInfo();
    assertThat(info.symbols()).hasSize(3);
    assertThat(info.symbols().get(0).filter("PRICE_FILTER").orElseThrow().tickSize())
        .isEqualTo("0.10");
    assertThat(client.depth("BTCUSDT", 500).bids().get(0).price()).isEqualTo("64999.90");
    assertThat(client.aggTrades("BTCUSDT", null, null, null, 10).get(0).price())
        .isEqualTo("65000.10");
    assertThat(client.premiumIndex("BTCUSDT").markPrice()).isEqualTo("65001.23");
    assertThat(client.fundingRates("BTCUSDT", null, null, 100)).hasSize(2);
    assertThat(client.bookTicker("BTCUSDT").askQty()).isEqualTo("0.800");
    assertThat(fake.requests()).isEqualTo(7);
  }

  @Test
  void klineHistoryPagesThroughEveryBarExactlyOnce() {
    long start = FakeBinanceServer.KLINE_FIRST;
    List<Kline> all =
        client.klineHistory("BTCUSDT", BarInterval.MINUTE_1, start, start + 10_000 * 60_000L);
    assertThat(all).hasSize(FakeBinanceServer.KLINE_COUNT);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).openTime()).isEqualTo(start + i * 60_000L);
    }
    // 2345 bars at 1000 per page: 3 pages.
    assertThat(fake.requests("GET", "/fapi/v1/klines")).isEqualTo(3);
    List<Kline> window =
        client.klineHistory("BTCUSDT", BarInterval.MINUTE_1, start + 60_000L, start + 120_000L);
    assertThat(window)
        .extracting(Kline::openTime)
        .containsExactly(start + 60_000L, start + 120_000L);
    assertThatThrownBy(() -> client.klineHistory("BTCUSDT", BarInterval.MINUTE_1, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endTime");
  }

  @Test
  void parameterBoundsAreChecked() {
    assertThatThrownBy(() -> client.depth("BTCUSDT", 7)).hasMessageContaining("limit");
    assertThatThrownBy(() -> client.klines("BTCUSDT", BarInterval.MINUTE_1, null, null, 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> client.aggTrades("BTCUSDT", null, null, null, 1001))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> client.fundingRates("BTCUSDT", null, null, 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> client.income(null, null, null, null, 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> client.changeLeverage("BTCUSDT", 126))
        .hasMessageContaining("leverage");
    assertThat(fake.requests()).isZero();
  }

  @Test
  void placesQueriesCancelsAndListsOrders() {
    OrderPlacement<OrderResponse> p =
        client.placeOrder(
            NewOrderRequest.limit(
                "BTCUSDT", BinanceSide.SELL, "0.010", "70000.00", BinanceTimeInForce.GTX, "lim-1"));
    assertThat(p.status()).isEqualTo(OrderPlacement.Status.PLACED);
    assertThat(p.order().orElseThrow().status()).isEqualTo("NEW");
    assertThat(client.openOrders("BTCUSDT")).hasSize(1);
    assertThat(client.queryOrder("BTCUSDT", "lim-1")).isPresent();
    assertThat(client.queryOrder("BTCUSDT", "nope")).isEmpty();
    assertThat(client.cancelOrder("BTCUSDT", "lim-1").status()).isEqualTo("CANCELED");
    // A second cancel (as after a lost reply) answers -2011; the client reports the final state.
    assertThat(client.cancelOrder("BTCUSDT", "lim-1").status()).isEqualTo("CANCELED");
    assertThatThrownBy(() -> client.cancelOrder("BTCUSDT", "never"))
        .isInstanceOf(BinanceException.class)
        .extracting(e -> ((BinanceException) e).code())
        .isEqualTo(-2013);
    client.placeOrder(
        NewOrderRequest.limit(
            "BTCUSDT", BinanceSide.BUY, "0.010", "60000.00", BinanceTimeInForce.GTC, "lim-2"));
    assertThat(client.cancelAllOpenOrders("BTCUSDT").isSuccess()).isTrue();
    assertThat(client.openOrders("BTCUSDT")).isEmpty();
    assertThat(fake.signatureFailures()).isZero();
  }

  @Test
  void marketOrderFillsAndShowsInPositionsAndTrades() {
    OrderResponse o = client.placeOrder(market("mkt-1")).order().orElseThrow();
    assertThat(o.status()).isEqualTo("FILLED");
    assertThat(client.userTrades("BTCUSDT", o.orderId())).hasSize(1);
    assertThat(client.positionRisk("BTCUSDT").get(0).positionAmt()).isEqualTo("0.010");
    AccountInfo acc = client.account();
    assertThat(acc.positions()).hasSize(1);
    assertThat(client.balances().get(0).asset()).isEqualTo("USDT");
  }

  @Test
  void rejectionIsThrownWithCodeAndNeverLookedUp() {
    assertThatThrownBy(
            () -> client.placeOrder(NewOrderRequest.market("XXXUSDT", BinanceSide.BUY, "1", "r-1")))
        .isInstanceOf(BinanceException.class)
        .satisfies(
            e -> {
              BinanceException b = (BinanceException) e;
              assertThat(b.code()).isEqualTo(-1121);
              assertThat(b.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
              assertThat(b.httpStatus()).isEqualTo(400);
            });
    assertThat(fake.requests("GET", "/fapi/v1/order")).isZero();
  }

  @Test
  void batchAndAlgoOrders() {
    List<BatchOrderResult> r =
        client.batchOrders(List.of(market("b-1"), market("b-1"), market("b-2")));
    assertThat(r).hasSize(3);
    // Market orders are filled (not open), so the fake accepts the repeated id like Binance.
    assertThat(r.get(0).order()).isPresent();
    List<BatchOrderResult> r2 =
        client.batchOrders(
            List.of(
                NewOrderRequest.limit(
                    "BTCUSDT", BinanceSide.BUY, "1", "1.00", BinanceTimeInForce.GTC, "b-3"),
                NewOrderRequest.limit(
                    "BTCUSDT", BinanceSide.BUY, "1", "1.00", BinanceTimeInForce.GTC, "b-3")));
    assertThat(r2.get(1).error().orElseThrow().code()).isEqualTo(-4116);
    assertThatThrownBy(() -> client.batchOrders(List.of())).hasMessageContaining("1 to 5");

    AlgoOrderRequest stop =
        new AlgoOrderRequest(
            "BTCUSDT",
            BinanceSide.SELL,
            BinanceOrderType.STOP_MARKET,
            "0.010",
            Optional.empty(),
            Optional.of("60000.00"),
            Optional.empty(),
            Optional.empty(),
            "algo-1",
            false,
            PositionSide.BOTH);
    OrderPlacement<AlgoOrderResponse> a = client.placeAlgoOrder(stop);
    assertThat(a.status()).isEqualTo(OrderPlacement.Status.PLACED);
    assertThat(a.order().orElseThrow().triggerPrice()).isEqualTo("60000.00");
    assertThat(client.queryAlgoOrder("algo-1")).isPresent();
    assertThat(client.queryAlgoOrder("algo-x")).isEmpty();
    assertThat(client.cancelAlgoOrder("algo-1").algoStatus()).isEqualTo("CANCELED");
  }

  @Test
  void conditionalTypesAreRefusedForThePlainOrderEndpoint() {
    assertThatThrownBy(
            () ->
                new NewOrderRequest(
                    "BTCUSDT",
                    BinanceSide.BUY,
                    BinanceOrderType.STOP_MARKET,
                    "1",
                    Optional.empty(),
                    Optional.empty(),
                    "c-1",
                    false,
                    PositionSide.BOTH))
        .hasMessageContaining("algoOrder");
  }

  @Test
  void accountSettingsTreatNoChangeAsSuccess() {
    assertThat(client.changeLeverage("BTCUSDT", 20).leverage()).isEqualTo(20);
    assertThat(client.changeMarginType("BTCUSDT", MarginType.ISOLATED)).isTrue();
    assertThat(client.changeMarginType("BTCUSDT", MarginType.ISOLATED)).isFalse();
    assertThat(client.changePositionMode(true)).isTrue();
    assertThat(client.changePositionMode(true)).isFalse();
    List<SymbolBrackets> one = client.leverageBrackets("BTCUSDT");
    List<SymbolBrackets> all = client.leverageBrackets(null);
    assertThat(one).hasSize(1);
    assertThat(all).hasSize(1);
    assertThat(one.get(0).brackets().get(1).maintMarginRatio()).isEqualTo("0.005");
    assertThat(client.commissionRate("BTCUSDT").takerCommissionRate()).isEqualTo("0.0005");
    assertThat(client.income("BTCUSDT", "FUNDING_FEE", null, null, 100).get(0).income())
        .isEqualTo("-0.37500000");
  }

  @Test
  void order503AfterAcceptIsRecoveredNotDuplicated() {
    fake.enqueueFault("POST", "/fapi/v1/order", Fault.ERROR_503_AFTER_ACCEPT);
    OrderPlacement<OrderResponse> p = client.placeOrder(market("u-503"));
    assertThat(p.status()).isEqualTo(OrderPlacement.Status.RECOVERED);
    assertThat(p.cause().orElseThrow().kind()).isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
    assertThat(fake.requests("POST", "/fapi/v1/order")).isEqualTo(1);
    assertThat(fake.ordersPerClientId()).containsEntry("u-503", 1);
  }

  @Test
  void orderTimeoutIsLookedUpNeverResent() {
    fake.enqueueFault("POST", "/fapi/v1/order", Fault.TIMEOUT_AFTER_ACCEPT);
    OrderPlacement<OrderResponse> p = client.placeOrder(market("u-timeout"));
    assertThat(p.status()).isEqualTo(OrderPlacement.Status.RECOVERED);
    assertThat(p.order().orElseThrow().status()).isEqualTo("FILLED");
    assertThat(fake.requests("POST", "/fapi/v1/order")).isEqualTo(1);
    assertThat(fake.position("BTCUSDT")).isEqualByComparingTo(new BigDecimal("0.010"));
  }

  @Test
  void malformedReplyAndBackendTimeoutAreRecovered() {
    fake.enqueueFault("POST", "/fapi/v1/order", Fault.MALFORMED_AFTER_ACCEPT);
    assertThat(client.placeOrder(market("u-mal")).status())
        .isEqualTo(OrderPlacement.Status.RECOVERED);
    fake.enqueueFault("POST", "/fapi/v1/order", Fault.BACKEND_TIMEOUT_1007_AFTER_ACCEPT);
    OrderPlacement<OrderResponse> p = client.placeOrder(market("u-1007"));
    assertThat(p.status()).isEqualTo(OrderPlacement.Status.RECOVERED);
    assertThat(p.cause().orElseThrow().code()).isEqualTo(-1007);
    assertThat(fake.ordersPerClientId()).containsEntry("u-mal", 1).containsEntry("u-1007", 1);
  }

  @Test
  void failureBeforeAcceptIsReportedNotFoundAndResendWithSameIdWorks() {
    fake.enqueueFault("POST", "/fapi/v1/order", Fault.ERROR_500_BEFORE);
    OrderPlacement<OrderResponse> p = client.placeOrder(market("u-500"));
    assertThat(p.status()).isEqualTo(OrderPlacement.Status.NOT_FOUND);
    assertThat(fake.ordersPerClientId()).doesNotContainKey("u-500");
    assertThat(fake.requests("GET", "/fapi/v1/order")).isEqualTo(3);
    assertThat(client.placeOrder(market("u-500")).status()).isEqualTo(OrderPlacement.Status.PLACED);
    assertThat(fake.ordersPerClientId()).containsEntry("u-500", 1);
  }

  @Test
  void duplicateOfAnOpenOrderIsRecoveredAsThatOrder() {
    NewOrderRequest lim =
        NewOrderRequest.limit(
            "BTCUSDT", BinanceSide.BUY, "0.010", "60000.00", BinanceTimeInForce.GTC, "dup-1");
    client.placeOrder(lim);
    OrderPlacement<OrderResponse> again = client.placeOrder(lim);
    assertThat(again.status()).isEqualTo(OrderPlacement.Status.RECOVERED);
    assertThat(again.cause().orElseThrow().code()).isEqualTo(-4116);
    assertThat(fake.ordersPerClientId()).containsEntry("dup-1", 1);
  }

  @Test
  void lookupsThatAllFailLeaveTheOrderUnresolvedAndLaterResolvable() {
    fake.enqueueFault("POST", "/fapi/v1/order", Fault.ERROR_503_AFTER_ACCEPT);
    // 3 look-ups x (1 + 3 retries) all fail.
    for (int i = 0; i < 12; i++) {
      fake.enqueueFault("GET", "/fapi/v1/order", Fault.ERROR_500_BEFORE);
    }
    OrderPlacement<OrderResponse> p = client.placeOrder(market("u-unres"));
    assertThat(p.status()).isEqualTo(OrderPlacement.Status.UNRESOLVED);
    assertThat(p.exists()).isFalse();
    assertThat(client.resolveOrder("BTCUSDT", "u-unres").status())
        .isEqualTo(OrderPlacement.Status.RECOVERED);
    assertThat(fake.requests("POST", "/fapi/v1/order")).isEqualTo(1);
  }

  @Test
  void clockSkewIsResyncedAndTheOrderResentOnce() {
    fake.enqueueFault("POST", "/fapi/v1/order", Fault.CLOCK_SKEW_1021);
    assertThat(client.placeOrder(market("sk-1")).status()).isEqualTo(OrderPlacement.Status.PLACED);
    assertThat(fake.requests("POST", "/fapi/v1/order")).isEqualTo(2);
    assertThat(fake.requests("GET", "/fapi/v1/time")).isEqualTo(2);
    assertThat(fake.ordersPerClientId()).containsEntry("sk-1", 1);
  }

  @Test
  void realServerClockOffsetIsMeasuredAndApplied() {
    fake.setSkewMillis(30_000);
    // The first signed call measures the offset; the timestamp then matches the server's clock.
    assertThat(client.openOrders("BTCUSDT")).isEmpty();
    assertThat(client.serverClock().offsetMillis()).isEqualTo(30_000);
    fake.setSkewMillis(-45_000);
    // The stale offset gives -1021 once; the client resynchronises and succeeds.
    assertThat(client.openOrders("BTCUSDT")).isEmpty();
    assertThat(client.serverClock().offsetMillis()).isEqualTo(-45_000);
  }

  @Test
  void getsAreRetriedWithBackoffOnTheInjectedClock() {
    fake.enqueueFault("GET", "/fapi/v1/premiumIndex", Fault.ERROR_500_BEFORE);
    fake.enqueueFault("GET", "/fapi/v1/premiumIndex", Fault.MALFORMED_AFTER_ACCEPT);
    fake.enqueueFault("GET", "/fapi/v1/premiumIndex", Fault.TIMEOUT_AFTER_ACCEPT);
    long before = env.clock.currentTimeMillis();
    assertThat(client.premiumIndex("BTCUSDT").symbol()).isEqualTo("BTCUSDT");
    assertThat(fake.requests("GET", "/fapi/v1/premiumIndex")).isEqualTo(4);
    // Equal-jitter back-off: attempt n waits within [d/2, d], d = 100 * 2^n ms.
    long waited = env.clock.currentTimeMillis() - before;
    assertThat(waited).isBetween(50L + 100L + 200L, 100L + 200L + 400L);
  }

  @Test
  void retriesAreBoundedAndTheLastErrorIsThrown() {
    for (int i = 0; i < 4; i++) {
      fake.enqueueFault("GET", "/fapi/v1/premiumIndex", Fault.ERROR_500_BEFORE);
    }
    assertThatThrownBy(() -> client.premiumIndex("BTCUSDT"))
        .isInstanceOf(BinanceException.class)
        .satisfies(e -> assertThat(((BinanceException) e).kind()).isEqualTo(ErrorKind.SERVER));
    assertThat(fake.requests("GET", "/fapi/v1/premiumIndex")).isEqualTo(4);
  }

  @Test
  void rateLimit429BacksOffPerRetryAfterThen418OpensTheCircuit() {
    fake.enqueueFault("GET", "/fapi/v1/premiumIndex", Fault.RATE_LIMIT_429);
    long before = env.clock.currentTimeMillis();
    assertThat(client.premiumIndex("BTCUSDT").symbol()).isEqualTo("BTCUSDT");
    assertThat(env.clock.currentTimeMillis() - before).isGreaterThanOrEqualTo(1000);

    fake.enqueueFault("GET", "/fapi/v1/premiumIndex", Fault.RATE_LIMIT_429);
    fake.enqueueFault("GET", "/fapi/v1/premiumIndex", Fault.BAN_418);
    assertThatThrownBy(() -> client.premiumIndex("BTCUSDT"))
        .isInstanceOf(BinanceException.class)
        .satisfies(
            e -> {
              BinanceException b = (BinanceException) e;
              assertThat(b.kind()).isEqualTo(ErrorKind.IP_BANNED);
              assertThat(b.retryAfterMillis()).hasValue(120_000L);
            });
    int seen = fake.requests();
    assertThatThrownBy(() -> client.bookTicker("BTCUSDT"))
        .isInstanceOf(BinanceException.class)
        .satisfies(e -> assertThat(((BinanceException) e).kind()).isEqualTo(ErrorKind.IP_BANNED));
    assertThatThrownBy(() -> client.placeOrder(market("ban-1")))
        .isInstanceOf(BinanceException.class);
    assertThat(fake.requests()).as("fail fast: nothing reaches the network").isEqualTo(seen);
    env.clock.advance(120_001);
    assertThat(client.bookTicker("BTCUSDT").symbol()).isEqualTo("BTCUSDT");
  }

  @Test
  void weightBudgetFromExchangeInfoThrottlesBeforeBinanceDoes() {
    fake.setWeightLimit(40);
    client.exchangeInfo();
    assertThat(client.rateLimiter().weightLimit()).isEqualTo(40);
    long before = env.clock.currentTimeMillis();
    // 5 aggTrades calls x weight 20 = 100 > 40 per minute: the client waits for the next minutes.
    for (int i = 0; i < 5; i++) {
      client.aggTrades("BTCUSDT", null, null, null, 10);
    }
    assertThat(env.clock.currentTimeMillis() - before).isGreaterThanOrEqualTo(60_000);
    assertThat(fake.requests("GET", "/fapi/v1/aggTrades")).as("no 429 retries").isEqualTo(5);
  }

  @Test
  void serverEnforcesItsBudgetWhenTheClientDoesNotKnowIt() {
    fake.setWeightLimit(30);
    // The client still assumes 2400; the fake answers 429 with Retry-After to the next minute and
    // the client retries after it.
    client.aggTrades("BTCUSDT", null, null, null, 10);
    long before = env.clock.currentTimeMillis();
    client.aggTrades("BTCUSDT", null, null, null, 10);
    assertThat(env.clock.currentTimeMillis() - before).isGreaterThan(0);
    assertThat(fake.requests("GET", "/fapi/v1/aggTrades")).isEqualTo(3);
  }

  @Test
  void wrongSecretIsAnAuthErrorNotRetried() throws Exception {
    try (RestTestSupport bad =
        new RestTestSupport(1, Credentials.of(RestTestSupport.KEY, "not-the-secret"), 500, 100)) {
      assertThatThrownBy(() -> bad.client.openOrders("BTCUSDT"))
          .isInstanceOf(BinanceException.class)
          .satisfies(
              e -> {
                BinanceException b = (BinanceException) e;
                assertThat(b.kind()).isEqualTo(ErrorKind.AUTH);
                assertThat(b.code()).isEqualTo(-1022);
                assertThat(b.retryable()).isFalse();
              });
      assertThat(bad.fake.signatureFailures()).isEqualTo(1);
    }
  }

  @Test
  void signedCallWithoutCredentialsFailsBeforeTheNetwork() throws Exception {
    try (RestTestSupport none = new RestTestSupport(1, null, 500, 100)) {
      assertThat(none.client.serverTime().serverTime()).isPositive();
      assertThatThrownBy(() -> none.client.account())
          .isInstanceOf(BinanceException.class)
          .hasMessageContaining("needs credentials");
      assertThat(none.fake.requests("GET", "/fapi/v3/account")).isZero();
    }
  }

  @Test
  void connectionRefusedIsANetworkErrorAndAnOrderIsNotLookedUp() throws Exception {
    RestTestSupport dead = new RestTestSupport(3);
    dead.fake.close();
    try {
      assertThatThrownBy(() -> dead.client.placeOrder(market("dead-1")))
          .isInstanceOf(BinanceException.class)
          .satisfies(e -> assertThat(((BinanceException) e).kind()).isEqualTo(ErrorKind.NETWORK));
    } finally {
      dead.client.close();
    }
  }
}
