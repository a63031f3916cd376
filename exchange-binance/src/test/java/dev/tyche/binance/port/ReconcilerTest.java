package dev.tyche.binance.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.binance.rest.NewOrderRequest;
import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.Position;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Reconciler} over the fake REST server: the venue's open orders, positions and balances are
 * read exactly, and every kind of difference from the engine's state is reported, none applied.
 */
class ReconcilerTest {

  private FakeExchange ex;
  private Reconciler reconciler;

  @BeforeEach
  void setUp() throws Exception {
    ex = new FakeExchange(23);
    reconciler = new Reconciler(ex.client, ex.instruments);
    // Venue: one resting buy, one cancelled order, a long of 0.015 BTC from two market orders.
    ex.client.newOrder(
        NewOrderRequest.limit(
            "BTCUSDT", BinanceSide.BUY, "0.004", "64000.00", BinanceTimeInForce.GTC, "rest-1"));
    ex.client.newOrder(
        NewOrderRequest.limit(
            "BTCUSDT", BinanceSide.SELL, "0.002", "66000.00", BinanceTimeInForce.GTC, "gone-1"));
    ex.client.cancelOrder("BTCUSDT", "gone-1");
    ex.client.newOrder(NewOrderRequest.market("BTCUSDT", BinanceSide.BUY, "0.010", "m-1"));
    ex.client.newOrder(NewOrderRequest.market("BTCUSDT", BinanceSide.BUY, "0.005", "m-2"));
  }

  @AfterEach
  void tearDown() {
    ex.close();
  }

  private static ExpectedOrder restOne() {
    return new ExpectedOrder(
        ClientOrderId.of("rest-1"),
        FakeExchange.BTCUSDT,
        Side.BUY,
        Quantity.parse("0.004"),
        Quantity.parse("0"));
  }

  @Test
  void readsTheVenueExactly() {
    VenueState v = reconciler.fetch();
    assertThat(v.openOrders()).hasSize(1);
    VenueOpenOrder o = v.openOrders().get(0);
    assertThat(o.clientOrderId()).isEqualTo(ClientOrderId.of("rest-1"));
    assertThat(o.limitPrice()).contains(Price.parse("64000.00"));
    assertThat(o.quantity().compareTo(Quantity.parse("0.004"))).isZero();
    assertThat(v.positions()).containsOnlyKeys(FakeExchange.BTCUSDT);
    assertThat(v.positions().get(FakeExchange.BTCUSDT).compareTo(Decimal.parse("0.015"))).isZero();
    assertThat(v.balances().get(Asset.USDT).compareTo(Decimal.parse("10000"))).isZero();
    assertThat(v.fetchedAt()).isEqualTo(ex.clock.currentTimeMillis());
  }

  @Test
  void agreementReportsNoDifference() {
    ExpectedState expected =
        new ExpectedState(
            List.of(restOne()),
            Map.of(FakeExchange.BTCUSDT, Decimal.parse("0.015")),
            Map.of(Asset.USDT, Decimal.parse("10000.00")));
    ReconciliationReport r = reconciler.reconcile(expected);
    assertThat(r.differences()).isEmpty();
    assertThat(r.consistent()).isTrue();
  }

  @Test
  void everyDifferenceIsReportedAndNothingIsOverwritten() {
    ExpectedState expected =
        new ExpectedState(
            List.of(
                new ExpectedOrder(
                    ClientOrderId.of("gone-1"),
                    FakeExchange.BTCUSDT,
                    Side.SELL,
                    Quantity.parse("0.002"),
                    Quantity.parse("0"))),
            Map.of(FakeExchange.BTCUSDT, Decimal.parse("0.010")),
            Map.of(Asset.USDT, Decimal.parse("9999.5"), Asset.of("BNB"), Decimal.parse("1")));
    ReconciliationReport r = reconciler.reconcile(expected);
    assertThat(r.differences())
        .extracting(Difference::kind, Difference::key, Difference::expected, Difference::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Difference.Kind.ORDER_ONLY_IN_ENGINE, "gone-1", "BTCUSDT SELL 0/0.002", "absent"),
            org.assertj.core.groups.Tuple.tuple(
                Difference.Kind.ORDER_ONLY_AT_VENUE, "rest-1", "absent", "BTCUSDT BUY 0.000/0.004"),
            org.assertj.core.groups.Tuple.tuple(
                Difference.Kind.POSITION_MISMATCH, "BTCUSDT", "0.010", "0.015"),
            org.assertj.core.groups.Tuple.tuple(
                Difference.Kind.BALANCE_MISMATCH, "BNB", "1", "absent"),
            org.assertj.core.groups.Tuple.tuple(
                Difference.Kind.BALANCE_MISMATCH, "USDT", "9999.5", "10000.00000000"));
    assertThat(r.consistent()).isFalse();
    // The venue was only read.
    assertThat(ex.rest.requests("DELETE", "/fapi/v1/order")).isEqualTo(1);
    assertThat(ex.rest.requests("POST", "/fapi/v1/order")).isEqualTo(4);
  }

  @Test
  void orderFieldsThatDisagreeAreAMismatch() {
    VenueState v = reconciler.fetch();
    ExpectedOrder filledMore =
        new ExpectedOrder(
            ClientOrderId.of("rest-1"),
            FakeExchange.BTCUSDT,
            Side.BUY,
            Quantity.parse("0.004"),
            Quantity.parse("0.001"));
    List<Difference> d =
        Reconciler.compare(
            v,
            new ExpectedState(
                List.of(filledMore),
                Map.of(FakeExchange.BTCUSDT, Decimal.parse("0.015")),
                Map.of()),
            Set.of(FakeExchange.BTCUSDT));
    assertThat(d)
        .extracting(Difference::kind)
        .containsExactly(Difference.Kind.ORDER_MISMATCH, Difference.Kind.BALANCE_MISMATCH);
  }

  @Test
  void expectationFromALedgerSnapshot() {
    Position flat = Position.flat(ex.btc(), PositionSide.BOTH);
    Position longPos =
        flat.afterFill(
            Side.BUY, Price.parse("65000.00"), Quantity.parse("0.015"), Money.zero(Asset.USDT, 2));
    AccountSnapshot account =
        new AccountSnapshot(
            PositionMode.ONE_WAY,
            Map.of(Asset.USDT, Money.parse(Asset.USDT, "10000.00")),
            List.of(longPos),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            1);
    ExpectedState e = ExpectedState.of(account, List.of(restOne()));
    assertThat(e.positions().get(FakeExchange.BTCUSDT).compareTo(Decimal.parse("0.015"))).isZero();
    assertThat(reconciler.reconcile(e).consistent()).isTrue();
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> new Reconciler(ex.client, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reconciler(null, ex.instruments))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> reconciler.reconcile(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new ExpectedOrder(
                    ClientOrderId.of("a"),
                    FakeExchange.BTCUSDT,
                    Side.BUY,
                    Quantity.parse("0"),
                    Quantity.parse("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity must be > 0");
    assertThatThrownBy(
            () ->
                new ExpectedOrder(
                    ClientOrderId.of("a"),
                    FakeExchange.BTCUSDT,
                    Side.BUY,
                    Quantity.parse("1"),
                    Quantity.parse("2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filled must be <= quantity");
    assertThatThrownBy(
            () ->
                new VenueOpenOrder(
                    ClientOrderId.of("a"),
                    FakeExchange.BTCUSDT,
                    dev.tyche.core.id.VenueOrderId.of("1"),
                    Side.BUY,
                    Quantity.parse("1"),
                    Quantity.parse("2"),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VenueState(-1, List.of(), Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fetchedAt");
    assertThatThrownBy(() -> new Difference(null, "k", "a", "b"))
        .isInstanceOf(NullPointerException.class);
    ExpectedState twice = new ExpectedState(List.of(restOne(), restOne()), Map.of(), Map.of());
    assertThatThrownBy(
            () -> Reconciler.compare(reconciler.fetch(), twice, Set.of(Symbol.of("BTCUSDT"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appears twice");
  }
}
