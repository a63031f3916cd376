package dev.tyche.execution.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderSubmitted;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.execution.order.OrderManager;
import dev.tyche.execution.order.OrderState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  static final Symbol SYM = Symbol.of("BTCUSDT");
  static final ClientOrderId ID = ClientOrderId.of("s1-1");
  static final StrategyId S = StrategyId.of("s1");

  static List<JournalRecord> sample() {
    SubmitOrder limit =
        SubmitOrder.limit(
            ID, SYM, Side.BUY, Quantity.parse("0.010"), Price.parse("100.10"), TimeInForce.GTC);
    SubmitOrder stop =
        new SubmitOrder(
            ClientOrderId.of("s1-2"),
            SYM,
            Side.SELL,
            OrderType.STOP_MARKET,
            Quantity.parse("1"),
            Optional.empty(),
            Optional.of(Price.parse("90.0")),
            TimeInForce.IOC,
            true);
    Execution e1 =
        new Execution(
            VenueOrderId.of("V1"),
            TradeId.of("T1"),
            Side.BUY,
            Price.parse("100.10"),
            Quantity.parse("0.004"),
            Quantity.parse("0.004"),
            Quantity.parse("0.006"),
            Money.of(Asset.USDT, Decimal.parse("0.00016016")),
            Liquidity.MAKER);
    Execution e2 =
        new Execution(
            VenueOrderId.of("V1"),
            TradeId.of("T2"),
            Side.BUY,
            Price.parse("100.10"),
            Quantity.parse("0.006"),
            Quantity.parse("0.010"),
            Quantity.parse("0.000"),
            Money.of(Asset.USDT, Decimal.parse("-0.01")),
            Liquidity.TAKER);
    return List.of(
        new JournalRecord.Deposit(0, Money.of(Asset.USDT, Decimal.parse("1000.00"))),
        new JournalRecord.Submit(1, S, limit),
        new JournalRecord.Event(1, new OrderSubmitted(ID, SYM, 1, limit)),
        new JournalRecord.Event(2, new OrderAccepted(ID, SYM, 2, VenueOrderId.of("V1"))),
        new JournalRecord.Event(3, new OrderPartiallyFilled(ID, SYM, 3, e1)),
        new JournalRecord.Event(4, new OrderFilled(ID, SYM, 4, e2)),
        new JournalRecord.Funding(
            5, new FundingPayment(SYM, 5, Decimal.parse("0.0001"), Price.parse("101.00"))),
        new JournalRecord.Submit(6, S, stop),
        new JournalRecord.Event(
            6, new OrderDenied(stop.clientOrderId(), SYM, 6, "kill switch", "a b\nc | 100% =")),
        new JournalRecord.Cancel(7, S, new CancelOrder(ID, SYM)),
        new JournalRecord.Unknown(8, ID, SYM),
        new JournalRecord.Event(9, new OrderRejected(ID, SYM, 9, "", -2013)),
        new JournalRecord.Event(9, new OrderCancelled(ID, SYM, 9, Quantity.parse("0.010"))),
        new JournalRecord.Event(9, new OrderExpired(ID, SYM, 9, Quantity.parse("0.010"), "GTD")));
  }

  @Test
  void everyRecordKindRoundTripsThroughTheCodec() {
    for (JournalRecord r : sample()) {
      String line = JournalCodec.encode(r);
      assertThat(line).doesNotContain("\n").doesNotContain("  ");
      assertThat(JournalCodec.decode(line)).isEqualTo(r);
    }
    assertThat(JournalCodec.encode(sample().get(1)))
        .isEqualTo("SUBMIT 1 s1 s1-1 BTCUSDT BUY LIMIT 0.010 100.10 - GTC false");
  }

  @Test
  void malformedLinesAreRefusedWithTheLine() {
    for (String bad :
        new String[] {
          "",
          "NOPE 1 x",
          "DEPOSIT x USDT 1",
          "DEPOSIT 1 USDT",
          "DEPOSIT 1 USDT 1 extra",
          "CANCEL 1 s1 s1-1  BTCUSDT",
          "SUBMIT 1 s1 s1-1 BTCUSDT BUY LIMIT 0.010 100.10 - GTC maybe",
          "DENIED 1 s1-1 BTCUSDT 1 noequals =x",
          "DEPOSIT 1 USDT -5"
        }) {
      assertThatThrownBy(() -> JournalCodec.decode(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed journal line");
    }
  }

  @Test
  void inMemoryJournalKeepsTextAndReopens() {
    InMemoryJournal j = new InMemoryJournal();
    sample().forEach(j::append);
    assertThat(j.records()).isEqualTo(sample());
    assertThat(j.lines().get(0)).isEqualTo(JournalCodec.HEADER);
    j.close();
    assertThatThrownBy(() -> j.append(sample().get(0))).isInstanceOf(IllegalStateException.class);
    j.reopen().append(sample().get(0));
    assertThat(j.records()).hasSize(sample().size() + 1);
  }

  @Test
  void fileJournalPersistsAndRepairsATornLastLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("engine.journal");
    try (FileJournal j = FileJournal.open(file, true)) {
      sample().forEach(j::append);
      assertThat(j.path()).isEqualTo(file);
    }
    List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(text.get(0)).isEqualTo(JournalCodec.HEADER);
    assertThat(text).hasSize(sample().size() + 1);

    // A crash in the middle of a write leaves a line without its break: it is cut off.
    Files.writeString(
        file,
        "EVENT 10 half-writ",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    FileJournal reopened = FileJournal.open(file, false);
    assertThat(reopened.records()).isEqualTo(sample());
    reopened.append(sample().get(0));
    reopened.close();
    reopened.close();
    assertThatThrownBy(() -> reopened.append(sample().get(0)))
        .isInstanceOf(IllegalStateException.class);
    FileJournal again = FileJournal.open(file, false);
    assertThat(again.records()).hasSize(sample().size() + 1);
    again.close();
  }

  @Test
  void fileJournalRefusesAForeignFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("other.txt");
    Files.writeString(file, "#tyche-journal v2\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileJournal.open(file, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
    Path garbage = dir.resolve("garbage.txt");
    Files.writeString(
        garbage, JournalCodec.HEADER + "\nDEPOSIT nonsense\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileJournal.open(garbage, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replayRebuildsOrdersAndLedger() {
    dev.tyche.core.instrument.Instrument btc =
        dev.tyche.core.instrument.Instrument.builder(SYM)
            .assets(Asset.of("BTC"), Asset.USDT)
            .tickSize("0.10")
            .stepSize("0.001")
            .build();
    List<JournalRecord> records = sample().subList(0, 9);
    OrderManager orders = new OrderManager();
    Ledger ledger = new Ledger(PositionMode.ONE_WAY);
    ledger.register(btc);
    JournalReplay.Result r = JournalReplay.replay(records, orders, ledger, PositionSide.BOTH);
    assertThat(r.records()).isEqualTo(9);
    assertThat(r.lastTime()).isEqualTo(6);
    assertThat(r.lastFundingTime()).containsEntry(SYM, 5L);
    assertThat(orders.state(ID)).contains(OrderState.FILLED);
    assertThat(orders.state(ClientOrderId.of("s1-2"))).contains(OrderState.DENIED);
    assertThat(ledger.fillCount()).isEqualTo(2);
    assertThat(ledger.position(SYM).orElseThrow().size()).isEqualTo(Quantity.parse("0.010"));
    // funding -0.010 * 101 * 0.0001 = -0.000101; fees 0.00016016 - 0.01
    assertThat(ledger.funding(Asset.USDT).amount().compareTo(Decimal.parse("-0.000101"))).isZero();
    assertThatThrownBy(() -> JournalReplay.replay(records, orders, ledger, PositionSide.BOTH))
        .isInstanceOf(IllegalStateException.class);
    OrderManager fresh = new OrderManager();
    Ledger freshLedger = new Ledger(PositionMode.ONE_WAY);
    assertThatThrownBy(() -> JournalReplay.replay(records, fresh, freshLedger, PositionSide.BOTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be replayed");
    assertThatThrownBy(
            () -> new JournalRecord.Deposit(-1, Money.of(Asset.USDT, Decimal.parse("1"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
