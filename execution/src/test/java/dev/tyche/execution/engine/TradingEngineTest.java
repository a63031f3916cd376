package dev.tyche.execution.engine;

import static dev.tyche.execution.engine.Fixture.BTC;
import static dev.tyche.execution.engine.Fixture.SYM;
import static dev.tyche.execution.engine.Fixture.T0;
import static dev.tyche.execution.engine.Fixture.bar;
import static dev.tyche.execution.engine.Fixture.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderSubmitted;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.port.DataStatus;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.core.strategy.TimerId;
import dev.tyche.execution.journal.InMemoryJournal;
import dev.tyche.execution.journal.JournalRecord;
import dev.tyche.execution.order.OrderState;
import dev.tyche.risk.pretrade.MaxOrderNotionalRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TradingEngineTest {

  /** Buys 0.010 BTC at market on the first bar and sells it on the tenth. */
  static final class BuyFirstSellTenth extends Fixture.Recording {
    @Override
    public void onBar(Bar bar) {
      super.onBar(bar);
      if (bars == 1 || bars == 10) {
        Side side = bars == 1 ? Side.BUY : Side.SELL;
        ctx.submit(SubmitOrder.market(ctx.nextClientOrderId(), SYM, side, qty("0.010")));
      }
    }
  }

  @Test
  void toyStrategyBuysOnFirstBarAndSellsOnTenth() {
    Fixture f = new Fixture();
    BuyFirstSellTenth s = new BuyFirstSellTenth();
    TradingEngine engine = f.engine(s, null);
    engine.start();
    for (int i = 0; i < 12; i++) {
      engine.process(bar(i, Integer.toString(30_000 + 10 * i) + ".00"));
    }
    engine.stop();

    List<Class<?>> kinds = new ArrayList<>();
    for (OrderEvent e : s.orderEvents) {
      kinds.add(e.getClass());
    }
    assertThat(kinds)
        .containsExactly(
            OrderSubmitted.class,
            OrderAccepted.class,
            OrderFilled.class,
            OrderSubmitted.class,
            OrderAccepted.class,
            OrderFilled.class);
    assertThat(s.orderEvents.get(0).clientOrderId()).isEqualTo(ClientOrderId.of("s1-1"));
    assertThat(s.orderEvents.get(3).clientOrderId()).isEqualTo(ClientOrderId.of("s1-2"));
    // Fill prices: bar 1 close 30000.00 (i=0), bar 10 close 30090.00 (i=9).
    OrderFilled buy = (OrderFilled) s.orderEvents.get(2);
    OrderFilled sell = (OrderFilled) s.orderEvents.get(5);
    assertThat(buy.execution().lastPrice()).isEqualTo(Price.parse("30000.00"));
    assertThat(sell.execution().lastPrice()).isEqualTo(Price.parse("30090.00"));
    // The strategy saw the bar before its fill, and the fill before the next bar.
    assertThat(s.seen.get(0)).isInstanceOf(Bar.class);
    assertThat(s.seen.get(1)).isInstanceOf(OrderSubmitted.class);
    assertThat(s.seen.get(4)).isEqualTo(bar(1, "30010.00"));

    Ledger l = f.ledger;
    assertThat(l.position(SYM).orElseThrow().isFlat()).isTrue();
    // PnL 0.010 * 90 = 0.9; fees 0.0004 * (300 + 300.9) = 0.24036; balance 10000 + 0.9 - 0.24036.
    assertThat(l.realisedPnl(Asset.USDT).amount().compareTo(Decimal.parse("0.9"))).isZero();
    assertThat(l.fees(Asset.USDT).amount().compareTo(Decimal.parse("0.24036"))).isZero();
    assertThat(l.balance(Asset.USDT).amount().compareTo(Decimal.parse("10000.65964"))).isZero();
    assertThat(engine.orders().openOrders()).isZero();
    assertThat(f.log.entries(LogEntry.Kind.MARKET)).hasSize(12);
    assertThat(f.log.entries(LogEntry.Kind.COMMAND)).hasSize(2);
    assertThat(f.log.entries(LogEntry.Kind.ANOMALY)).isEmpty();
  }

  @Test
  void deniedOrderBecomesAnEventAndNeverReachesTheVenue() {
    Fixture f = new Fixture();
    BuyFirstSellTenth s = new BuyFirstSellTenth();
    TradingEngine engine = f.engine(s, null, new MaxOrderNotionalRule(Decimal.parse("100")));
    engine.start();
    engine.process(bar(0, "30000.00"));
    assertThat(f.venue.received()).isEmpty();
    assertThat(s.orderEvents).hasSize(1).first().isInstanceOf(OrderDenied.class);
    OrderDenied d = (OrderDenied) s.orderEvents.get(0);
    assertThat(d.rule()).isEqualTo(MaxOrderNotionalRule.DEFAULT_NAME);
    assertThat(engine.orders().state(d.clientOrderId())).contains(OrderState.DENIED);
  }

  @Test
  void gateDeniesWithoutPriceUnknownInstrumentOrUntrustedData() {
    Fixture f = new Fixture();
    Fixture.Recording s = new Fixture.Recording();
    TradingEngine engine = f.engine(s, null);
    engine.start();
    s.ctx.submit(SubmitOrder.market(s.ctx.nextClientOrderId(), SYM, Side.BUY, qty("0.010")));
    Symbol eth = Symbol.of("ETHUSDT");
    s.ctx.submit(SubmitOrder.market(s.ctx.nextClientOrderId(), eth, Side.BUY, qty("0.010")));
    engine.runUntilIdle();
    engine.marketDataListener().onStatus(SYM, DataStatus.STALE, "disconnected");
    engine.process(bar(0, "30000.00"));
    s.ctx.submit(SubmitOrder.market(s.ctx.nextClientOrderId(), SYM, Side.BUY, qty("0.010")));
    engine.runUntilIdle();
    assertThat(f.venue.received()).isEmpty();
    assertThat(s.orderEvents).hasSize(3).allMatch(e -> e instanceof OrderDenied);
    assertThat(((OrderDenied) s.orderEvents.get(0)).reason()).contains("no price");
    assertThat(((OrderDenied) s.orderEvents.get(1)).reason()).contains("not traded");
    assertThat(((OrderDenied) s.orderEvents.get(2)).reason()).contains("STALE");
    assertThat(f.log.entries(LogEntry.Kind.DATA_STATUS)).hasSize(1);
    assertThat(s.ctx.instrument(eth)).isEmpty();
    assertThat(s.ctx.instrument(SYM)).contains(BTC);
    assertThat(s.ctx.strategyId()).isEqualTo(Fixture.S1);
    assertThat(s.ctx.clock()).isSameAs(f.clock);
  }

  @Test
  void cancelRestingOrderAndPortfolioView() {
    Fixture f = new Fixture();
    Fixture.Recording s = new Fixture.Recording();
    TradingEngine engine = f.engine(s, null);
    engine.start();
    engine.process(bar(0, "30000.00"));
    ClientOrderId id = s.ctx.nextClientOrderId();
    s.ctx.submit(
        SubmitOrder.limit(
            id, SYM, Side.BUY, qty("0.010"), Price.parse("29000.00"), TimeInForce.GTC));
    engine.runUntilIdle();
    assertThat(s.ctx.portfolio().openOrderCount(SYM)).isEqualTo(1);
    assertThat(engine.orders().state(id)).contains(OrderState.ACCEPTED);
    assertThatThrownBy(() -> s.ctx.cancel(id, Symbol.of("ETHUSDT")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.ctx.cancel(ClientOrderId.of("nope-1"), SYM))
        .isInstanceOf(IllegalArgumentException.class);
    s.ctx.cancel(id, SYM);
    assertThat(engine.orders().state(id)).contains(OrderState.CANCEL_PENDING);
    engine.runUntilIdle();
    assertThat(engine.orders().state(id)).contains(OrderState.CANCELLED);
    assertThat(s.orderEvents.get(s.orderEvents.size() - 1)).isInstanceOf(OrderCancelled.class);
    // A second cancel of a finished order is ignored, not resent.
    s.ctx.cancel(id, SYM);
    assertThat(f.venue.cancels()).hasSize(1);
    assertThat(f.log.entries(LogEntry.Kind.ANOMALY)).hasSize(1);
    assertThat(s.ctx.portfolio().openOrderCount(SYM)).isZero();
    assertThat(s.ctx.portfolio().netQuantity(SYM).signum()).isZero();
    assertThat(s.ctx.portfolio().netQuantity(Symbol.of("ETHUSDT")).signum()).isZero();
    assertThat(s.ctx.portfolio().equity(Asset.USDT).amount().compareTo(Decimal.parse("10000")))
        .isZero();
    assertThat(s.ctx.portfolio().account().balance(Asset.USDT).amount().toDouble())
        .isEqualTo(10_000.0);
    // Resubmitting the very same order is an idempotent no-op; another order under its id is a bug.
    SubmitOrder same =
        SubmitOrder.limit(
            id, SYM, Side.BUY, qty("0.010"), Price.parse("29000.00"), TimeInForce.GTC);
    s.ctx.submit(same);
    assertThat(f.venue.received()).hasSize(1);
    assertThatThrownBy(() -> s.ctx.submit(SubmitOrder.market(id, SYM, Side.SELL, qty("0.010"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fundingSettlesExactlyOnceAtTheEventsMarkOrTheLatestMark() {
    Fixture f = new Fixture();
    BuyFirstSellTenth s = new BuyFirstSellTenth();
    TradingEngine engine = f.engine(s, null);
    engine.start();
    engine.process(bar(0, "30000.00")); // long 0.010
    long t8 = T0 + 2 * 60_000L;
    FundingRate rate =
        new FundingRate(SYM, t8, Decimal.parse("0.0001"), Optional.of(Price.parse("31000.00")));
    engine.process(rate);
    // -0.010 * 31000 * 0.0001 = -0.031
    assertThat(f.ledger.funding(Asset.USDT).amount().compareTo(Decimal.parse("-0.031"))).isZero();
    engine.process(rate); // the same settlement again (e.g. a venue report): ignored
    assertThat(f.ledger.funding(Asset.USDT).amount().compareTo(Decimal.parse("-0.031"))).isZero();
    engine.process(MarkPrice.of(SYM, t8 + 1, Price.parse("32000.00")));
    assertThat(engine.markPrice(SYM)).contains(Price.parse("32000.00"));
    engine.process(bar(3, "30500.00"));
    // A mark price wins over later bar closes.
    assertThat(engine.markPrice(SYM)).contains(Price.parse("32000.00"));
    engine.process(FundingRate.of(SYM, t8 + 3 * 60_000L, Decimal.parse("-0.0002")));
    // +0.010 * 32000 * 0.0002 = 0.064
    assertThat(f.ledger.funding(Asset.USDT).amount().compareTo(Decimal.parse("0.033"))).isZero();
    assertThat(f.log.entries(LogEntry.Kind.FUNDING)).hasSize(2);
  }

  @Test
  void timersFireInTimeOrderAtTheirDueTime() {
    Fixture f = new Fixture();
    List<TimerEvent> fired = new ArrayList<>();
    List<Long> clockAtFire = new ArrayList<>();
    Fixture.Recording s =
        new Fixture.Recording() {
          @Override
          public void onTimer(TimerEvent timer) {
            fired.add(timer);
            clockAtFire.add(ctx.clock().currentTimeMillis());
          }
        };
    TradingEngine engine = f.engine(s, null);
    engine.start();
    TimerId late = s.ctx.scheduleAt(T0 + 5_000, "late");
    s.ctx.scheduleAt(T0 + 1_000, "a");
    s.ctx.scheduleAt(T0 + 1_000, "b");
    TimerId cancelled = s.ctx.scheduleAt(T0 + 2_000, "cancelled");
    s.ctx.scheduleAt(T0 - 1_000, "past");
    s.ctx.cancelTimer(cancelled);
    s.ctx.cancelTimer(cancelled);
    assertThat(engine.pendingTimers()).isEqualTo(4);
    engine.runUntilIdle();
    assertThat(fired).extracting(TimerEvent::tag).containsExactly("past");
    engine.process(bar(0, "30000.00")); // closes at T0 + 59 999
    assertThat(fired).extracting(TimerEvent::tag).containsExactly("past", "a", "b", "late");
    assertThat(clockAtFire).containsExactly(T0, T0 + 1_000, T0 + 1_000, T0 + 5_000);
    assertThat(fired.get(3).timerId()).isEqualTo(late);
    assertThat(fired.get(0).firedTime()).isEqualTo(T0);
    engine.advanceTo(T0 + 120_000);
    assertThat(f.clock.currentTimeMillis()).isEqualTo(T0 + 120_000);
    assertThat(f.log.entries(LogEntry.Kind.TIMER)).hasSize(4);
  }

  @Test
  void lostAcknowledgementIsResolvedByAStatusRequest() {
    Fixture f = new Fixture();
    Fixture.Recording s = new Fixture.Recording();
    InMemoryJournal journal = new InMemoryJournal();
    TradingEngine engine = f.builder(s).journal(journal).ackTimeoutMillis(1_000).build();
    engine.start();
    engine.process(bar(0, "30000.00"));
    f.venue.dropNextReplies(1);
    ClientOrderId id = s.ctx.nextClientOrderId();
    s.ctx.submit(
        SubmitOrder.limit(
            id, SYM, Side.BUY, qty("0.010"), Price.parse("29000.00"), TimeInForce.GTC));
    engine.runUntilIdle();
    assertThat(engine.orders().state(id)).contains(OrderState.SUBMITTED);
    long now = f.clock.currentTimeMillis();
    engine.advanceTo(now + 999);
    assertThat(f.venue.statusRequests()).isEmpty();
    engine.advanceTo(now + 1_000);
    assertThat(f.venue.statusRequests()).containsExactly(id);
    assertThat(engine.orders().state(id)).contains(OrderState.ACCEPTED);
    assertThat(journal.records()).anyMatch(r -> r instanceof JournalRecord.Unknown);
    // The order was never resent.
    assertThat(f.venue.received()).hasSize(1);
  }

  @Test
  void duplicateDeliveriesAreAppliedOnce() {
    Fixture f = new Fixture();
    f.venue.duplicateDeliveries(true).fillSplits(3);
    Fixture.Recording s = new Fixture.Recording();
    TradingEngine engine = f.engine(s, null);
    engine.start();
    engine.process(bar(0, "30000.00"));
    ClientOrderId id = s.ctx.nextClientOrderId();
    s.ctx.submit(
        SubmitOrder.limit(
            id, SYM, Side.BUY, qty("0.010"), Price.parse("29900.00"), TimeInForce.GTC));
    engine.process(bar(1, "29900.00"));
    assertThat(engine.orders().state(id)).contains(OrderState.FILLED);
    assertThat(f.ledger.fillCount()).isEqualTo(3);
    assertThat(f.ledger.position(SYM).orElseThrow().size().compareTo(qty("0.010"))).isZero();
    // accepted + 3 fills, each delivered twice
    assertThat(f.log.entries(LogEntry.Kind.DUPLICATE)).hasSize(4);
    assertThat(s.orderEvents).hasSize(5);
  }

  @Test
  void anomaliesAreLoggedNotThrown() {
    Fixture f = new Fixture();
    Fixture.Recording s = new Fixture.Recording();
    TradingEngine engine = f.engine(s, null);
    engine.start();
    engine.process(bar(0, "30000.00"));
    ClientOrderId id = s.ctx.nextClientOrderId();
    s.ctx.submit(SubmitOrder.market(id, SYM, Side.BUY, qty("0.010")));
    engine.runUntilIdle();
    engine.orderEventListener().onOrderEvent(new OrderCancelled(id, SYM, T0, qty("0.000")));
    engine
        .orderEventListener()
        .onOrderEvent(new OrderCancelled(ClientOrderId.of("ghost-1"), SYM, T0, qty("0.000")));
    engine.runUntilIdle();
    List<LogEntry> anomalies = f.log.entries(LogEntry.Kind.ANOMALY);
    assertThat(anomalies).hasSize(2);
    assertThat(anomalies.get(0).payload().toString()).contains("FILLED");
    assertThat(anomalies.get(1).payload().toString()).contains("unknown order");
    assertThat(engine.orders().state(id)).contains(OrderState.FILLED);
  }

  @Test
  void builderAndModeChecks() {
    Fixture f = new Fixture();
    Fixture.Recording s = new Fixture.Recording();
    assertThatThrownBy(
            () ->
                TradingEngine.builder()
                    .clock(f.clock)
                    .executionClient(f.venue)
                    .ledger(new Ledger(PositionMode.HEDGE))
                    .riskGate(RiskGate.of(Asset.USDT))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ONE_WAY");
    assertThatThrownBy(() -> f.builder(s).strategy(Fixture.S1, s))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.builder(s).ackTimeoutMillis(-1))
        .isInstanceOf(IllegalArgumentException.class);
    TradingEngine engine = f.builder(s).name("x").busySpin(false).build();
    assertThatThrownBy(engine::runUntilIdle).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> engine.process(bar(0, "1.00")))
        .isInstanceOf(IllegalStateException.class);
    engine.start();
    assertThatThrownBy(engine::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(engine::startOnOwnThread).isInstanceOf(IllegalStateException.class);
    assertThat(engine.clock()).isSameAs(f.clock);
    assertThat(engine.queuedInputs()).isZero();
    assertThat(engine.failure()).isEmpty();
    engine.close();
    engine.stop();

    Fixture g = new Fixture();
    TradingEngine live =
        g.builder(new Fixture.Recording()).clock(dev.tyche.core.time.SystemClock.INSTANCE).build();
    live.start();
    assertThatThrownBy(() -> live.process(bar(0, "1.00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SimulatedClock");
    live.stop();
  }

  @Test
  void twoStrategiesGetTheirOwnEventsAndIds() {
    Fixture f = new Fixture();
    BuyFirstSellTenth a = new BuyFirstSellTenth();
    BuyFirstSellTenth b = new BuyFirstSellTenth();
    TradingEngine engine = f.builder(a).strategy(StrategyId.of("s2"), b).build();
    engine.start();
    engine.process(bar(0, "30000.00"));
    assertThat(a.orderEvents)
        .extracting(OrderEvent::clientOrderId)
        .containsOnly(ClientOrderId.of("s1-1"));
    assertThat(b.orderEvents)
        .extracting(OrderEvent::clientOrderId)
        .containsOnly(ClientOrderId.of("s2-1"));
    assertThat(f.ledger.position(SYM).orElseThrow().size().compareTo(qty("0.020"))).isZero();
    assertThat(Money.of(Asset.USDT, Decimal.parse("1")).asset()).isEqualTo(Asset.USDT);
  }
}
