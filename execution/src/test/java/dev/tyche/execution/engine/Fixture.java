package dev.tyche.execution.engine;

import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.execution.contract.ScriptedExecutionClient;
import dev.tyche.execution.journal.Journal;
import dev.tyche.risk.pretrade.PreTradeRule;
import java.util.ArrayList;
import java.util.List;

/** A backtest rig: BTCUSDT perpetual, a simulated clock, the scripted venue, 10 000 USDT. */
final class Fixture {
  static final Symbol SYM = Symbol.of("BTCUSDT");
  static final Instrument BTC =
      Instrument.builder(SYM)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();
  static final long T0 = 1_700_000_000_000L - (1_700_000_000_000L % 60_000L);
  static final StrategyId S1 = StrategyId.of("s1");

  final SimulatedClock clock = SimulatedClock.startingAt(T0);
  final ScriptedExecutionClient venue =
      new ScriptedExecutionClient(clock, Decimal.parse("0.0004"), BTC);
  final InMemoryEventLog log = new InMemoryEventLog();
  final Ledger ledger = new Ledger(PositionMode.ONE_WAY);

  Fixture() {
    ledger.register(BTC);
    ledger.deposit(Money.of(Asset.USDT, Decimal.parse("10000")));
  }

  TradingEngine.Builder builder(Strategy strategy, PreTradeRule... rules) {
    return TradingEngine.builder()
        .clock(clock)
        .executionClient(venue)
        .venueFeed(venue)
        .ledger(ledger)
        .instruments(BTC)
        .riskGate(RiskGate.of(Asset.USDT, rules))
        .eventLog(log)
        .strategy(S1, strategy);
  }

  TradingEngine engine(Strategy strategy, Journal journal, PreTradeRule... rules) {
    return builder(strategy, rules).journal(journal).build();
  }

  /** A one-minute bar opening at {@code T0 + i} minutes, flat at {@code close}. */
  static Bar bar(int i, String close) {
    Price p = Price.parse(close);
    return new Bar(SYM, 60_000L, T0 + i * 60_000L, p, p, p, p, Quantity.parse("1.000"));
  }

  static Quantity qty(String text) {
    return Quantity.parse(text);
  }

  /** A strategy that subscribes to 1m bars and records everything it sees. */
  static class Recording implements Strategy {
    StrategyContext ctx;
    final List<Object> seen = new ArrayList<>();
    final List<OrderEvent> orderEvents = new ArrayList<>();
    int bars;

    @Override
    public void onStart(StrategyContext context) {
      this.ctx = context;
      context.subscribe(Subscription.bars(SYM, BarInterval.MINUTE_1));
    }

    @Override
    public void onBar(Bar bar) {
      bars++;
      seen.add(bar);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
      seen.add(event);
      orderEvents.add(event);
    }
  }
}
