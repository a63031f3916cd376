package dev.tyche.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.fakews.FakeBinanceWsServer;
import dev.tyche.core.account.Fill;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import dev.tyche.core.time.SystemClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User-data decoding (reference section 8 examples) and the stream's key lifecycle. */
class UserDataTest {

  static final String ORDER_TRADE_UPDATE =
      "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1700000000300,\"T\":1700000000299,\"o\":{\"s\":\"BTCUSDT\",\"c\":\"myId-42\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"0.010\",\"p\":\"65000\",\"ap\":\"65000\",\"sp\":\"0\",\"x\":\"TRADE\",\"X\":\"FILLED\",\"i\":8886774,\"l\":\"0.010\",\"z\":\"0.010\",\"L\":\"65000\",\"N\":\"USDT\",\"n\":\"0.13\",\"T\":1700000000299,\"t\":123456,\"b\":\"0\",\"a\":\"0\",\"m\":true,\"R\":false,\"wt\":\"CONTRACT_PRICE\",\"ot\":\"LIMIT\",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0\",\"pP\":false,\"V\":\"NONE\",\"pm\":\"NONE\",\"gtd\":0,\"er\":\"0\"}}";
  static final String ACCOUNT_UPDATE =
      "{\"e\":\"ACCOUNT_UPDATE\",\"E\":1700000000301,\"T\":1700000000299,\"a\":{\"m\":\"ORDER\",\"B\":[{\"a\":\"USDT\",\"wb\":\"1000.12\",\"cw\":\"1000.12\",\"bc\":\"0\"}],\"P\":[{\"s\":\"BTCUSDT\",\"pa\":\"-0.010\",\"ep\":\"65000\",\"bep\":\"65032.5\",\"cr\":\"0\",\"up\":\"0.05\",\"mt\":\"cross\",\"iw\":\"0\",\"ps\":\"BOTH\"}]}}";
  static final String ALGO_UPDATE =
      "{\"e\":\"ALGO_UPDATE\",\"T\":1700000000400,\"E\":1700000000401,\"o\":{\"caid\":\"algo-1\",\"aid\":2000000001,\"at\":\"CONDITIONAL\",\"o\":\"STOP_MARKET\",\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"ps\":\"BOTH\",\"f\":\"GTC\",\"q\":\"0.010\",\"X\":\"TRIGGERED\",\"ai\":\"8886775\",\"ap\":\"0\",\"aq\":\"0\",\"tp\":\"64000\",\"p\":\"0\",\"tt\":1700000000399,\"rm\":\"\"}}";
  static final String MARGIN_CALL =
      "{\"e\":\"MARGIN_CALL\",\"E\":1700000000500,\"cw\":\"3.16812045\",\"p\":[{\"s\":\"ETHUSDT\",\"ps\":\"LONG\",\"pa\":\"1.327\",\"mt\":\"CROSSED\",\"iw\":\"0\",\"mp\":\"187.17127\",\"up\":\"-1.166074\",\"mm\":\"1.614445\"}]}";

  static String order(String x, String status, String l, String z) {
    return ORDER_TRADE_UPDATE
        .replace("\"x\":\"TRADE\"", "\"x\":\"" + x + "\"")
        .replace("\"X\":\"FILLED\"", "\"X\":\"" + status + "\"")
        .replace("\"l\":\"0.010\"", "\"l\":\"" + l + "\"")
        .replace("\"z\":\"0.010\"", "\"z\":\"" + z + "\"");
  }

  @Test
  void orderTradeUpdateFillCarriesPriceQuantityAndCommission() {
    UserDataEvent.OrderUpdate u =
        (UserDataEvent.OrderUpdate) UserDataDecoder.decode(ORDER_TRADE_UPDATE);
    assertThat(u.eventTime()).isEqualTo(1_700_000_000_300L);
    assertThat(u.positionSide()).isEqualTo(PositionSide.BOTH);
    OrderFilled f = (OrderFilled) u.event().orElseThrow();
    assertThat(f.clientOrderId().value()).isEqualTo("myId-42");
    assertThat(f.execution().venueOrderId().value()).isEqualTo("8886774");
    assertThat(f.execution().tradeId().value()).isEqualTo("123456");
    assertThat(f.execution().side()).isEqualTo(Side.BUY);
    assertThat(f.execution().lastPrice().toString()).isEqualTo("65000");
    assertThat(f.execution().lastQuantity().toString()).isEqualTo("0.010");
    assertThat(f.execution().leavesQuantity().isZero()).isTrue();
    assertThat(f.execution().fee()).isEqualTo(Money.of(Asset.USDT, Decimal.parse("0.13")));
    assertThat(f.execution().liquidity()).isEqualTo(Liquidity.MAKER);
    Fill fill = Fill.from(f, u.positionSide());
    assertThat(fill.fee().asset()).isEqualTo(Asset.USDT);
  }

  @Test
  void everyExecutionTypeMapsToItsCoreEvent() {
    assertThat(event(order("NEW", "NEW", "0", "0"))).isInstanceOf(OrderAccepted.class);
    assertThat(event(order("CANCELED", "CANCELED", "0", "0.004")))
        .isInstanceOfSatisfying(
            OrderCancelled.class,
            c -> assertThat(c.filledQuantity().toString()).isEqualTo("0.004"));
    assertThat(event(order("EXPIRED", "EXPIRED", "0", "0"))).isInstanceOf(OrderExpired.class);
    assertThat(event(order("TRADE", "PARTIALLY_FILLED", "0.004", "0.004")))
        .isInstanceOfSatisfying(
            OrderPartiallyFilled.class,
            p -> assertThat(p.execution().leavesQuantity().toString()).isEqualTo("0.006"));
    assertThat(event(order("CALCULATED", "FILLED", "0.010", "0.010")))
        .isInstanceOf(OrderFilled.class);
    assertThat(event(order("NEW", "REJECTED", "0", "0"))).isInstanceOf(OrderRejected.class);
    UserDataEvent.OrderUpdate amend =
        (UserDataEvent.OrderUpdate) UserDataDecoder.decode(order("AMENDMENT", "NEW", "0", "0"));
    assertThat(amend.event()).isEmpty();
  }

  static Object event(String json) {
    return ((UserDataEvent.OrderUpdate) UserDataDecoder.decode(json)).event().orElseThrow();
  }

  @Test
  void malformedOrderUpdatesNameTheField() {
    assertThatThrownBy(() -> UserDataDecoder.decode(order("TRADE", "FILLED", "0.020", "0.010")))
        .isInstanceOf(BinanceException.class)
        .hasMessageContaining("field 'l'");
    assertThatThrownBy(() -> UserDataDecoder.decode(order("TRADE", "FILLED", "0", "0.010")))
        .hasMessageContaining("field 'l'");
    assertThatThrownBy(() -> UserDataDecoder.decode(order("TRADE", "FILLED", "0.005", "0.005")))
        .hasMessageContaining("field 'X'");
    assertThatThrownBy(() -> UserDataDecoder.decode(order("BOGUS", "NEW", "0", "0")))
        .hasMessageContaining("field 'x'");
    assertThatThrownBy(
            () ->
                UserDataDecoder.decode(ORDER_TRADE_UPDATE.replace("\"S\":\"BUY\"", "\"S\":\"UP\"")))
        .hasMessageContaining("field 'S'");
    assertThatThrownBy(
            () ->
                UserDataDecoder.decode(
                    ORDER_TRADE_UPDATE.replace("\"n\":\"0.13\"", "\"n\":\"NaN\"")))
        .hasMessageContaining("field 'n'");
    assertThatThrownBy(
            () ->
                UserDataDecoder.decode(
                    ORDER_TRADE_UPDATE.replace("\"z\":\"0.010\"", "\"z\":\"0.020\"")))
        .hasMessageContaining("field 'z'");
  }

  @Test
  void accountAlgoMarginCallAndExpiryDecode() {
    UserDataEvent.AccountUpdate a =
        (UserDataEvent.AccountUpdate) UserDataDecoder.decode(ACCOUNT_UPDATE);
    assertThat(a.reason()).isEqualTo("ORDER");
    assertThat(a.balances())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.asset()).isEqualTo(Asset.USDT);
              assertThat(b.walletBalance()).isEqualTo(Decimal.parse("1000.12"));
            });
    assertThat(a.positions())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.amount()).isEqualTo(Decimal.parse("-0.010"));
              assertThat(p.marginType()).isEqualTo("cross");
            });
    UserDataEvent.AlgoUpdate g = (UserDataEvent.AlgoUpdate) UserDataDecoder.decode(ALGO_UPDATE);
    assertThat(g.clientAlgoId()).isEqualTo("algo-1");
    assertThat(g.status()).isEqualTo("TRIGGERED");
    assertThat(g.triggeredOrderId()).contains("8886775");
    assertThat(g.triggerPrice()).contains(Decimal.parse("64000"));
    assertThat(g.failureReason()).isEmpty();
    UserDataEvent.MarginCall m = (UserDataEvent.MarginCall) UserDataDecoder.decode(MARGIN_CALL);
    assertThat(m.crossWallet()).contains(Decimal.parse("3.16812045"));
    assertThat(m.positions())
        .singleElement()
        .satisfies(p -> assertThat(p.positionSide()).isEqualTo(PositionSide.LONG));
    assertThat(UserDataDecoder.decode("{\"e\":\"listenKeyExpired\",\"E\":5,\"listenKey\":\"k\"}"))
        .isEqualTo(new UserDataEvent.ListenKeyExpired(5, "k"));
    assertThat(UserDataDecoder.decode("{\"e\":\"TRADE_LITE\",\"E\":6}"))
        .isEqualTo(new UserDataEvent.Unmapped(6, "TRADE_LITE"));
    assertThatThrownBy(
            () ->
                UserDataDecoder.decode(
                    ACCOUNT_UPDATE.replace("\"wb\":\"1000.12\"", "\"wb\":1000.12")))
        .hasMessageContaining("ACCOUNT_UPDATE.a.B[0]: field 'wb'");
  }

  /** Records what the stream hands out. */
  static final class Recorder implements UserDataStream.Listener {
    final List<UserDataEvent> events = new ArrayList<>();
    final List<String> reconciles = new ArrayList<>();

    @Override
    public synchronized void onEvent(UserDataEvent event) {
      events.add(event);
    }

    @Override
    public synchronized void onReconcile(String reason) {
      reconciles.add(reason);
    }

    synchronized int events() {
      return events.size();
    }

    synchronized int reconciles() {
      return reconciles.size();
    }
  }

  @Test
  void keepsTheKeyAliveAndRecoversFromExpiry() {
    Recorder r = new Recorder();
    try (FakeBinanceWsServer fake = startFake();
        UserDataStream s =
            new UserDataStream(
                fake.url("private"),
                fake.keys(),
                r,
                SystemClock.INSTANCE,
                3,
                MarketStreamClient.Options.defaults().withTimings(5, 40, 3_600_000, 50),
                60,
                null)) {
      {
        s.start();
        WsHarness.await(() -> s.connects() == 1, 5_000, "connected");
        assertThat(s.listenKey()).contains("key-1");
        WsHarness.await(() -> fake.keepAlives() >= 2, 5_000, "keep-alives");
        fake.sendUserEvent(ORDER_TRADE_UPDATE);
        WsHarness.await(() -> r.events() == 1, 5_000, "order update");

        // Announced expiry: listenKeyExpired -> new key, reconnect, reconciliation.
        fake.expireListenKey(7, true);
        WsHarness.await(() -> s.connects() == 2 && r.reconciles() >= 1, 5_000, "renewed");
        assertThat(s.listenKey()).contains("key-2");
        assertThat(r.events)
            .anySatisfy(e -> assertThat(e).isInstanceOf(UserDataEvent.ListenKeyExpired.class));
        fake.sendUserEvent(ACCOUNT_UPDATE);
        WsHarness.await(() -> r.events() >= 3, 5_000, "account update on the new key");

        // Silent expiry: the keep-alive gets -1125 -> new key.
        fake.expireListenKey(8, false);
        WsHarness.await(
            () -> s.listenKey().orElse("").equals("key-3"), 5_000, "renewed after -1125");
        assertThat(s.expiries()).isGreaterThanOrEqualTo(2);
        assertThat(r.reconciles()).isGreaterThanOrEqualTo(2);
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static FakeBinanceWsServer startFake() throws InterruptedException {
    return new FakeBinanceWsServer(5).startAndWait();
  }
}
