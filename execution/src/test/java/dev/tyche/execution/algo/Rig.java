package dev.tyche.execution.algo;

import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.execution.contract.ScriptedExecutionClient;
import dev.tyche.execution.engine.InMemoryEventLog;
import dev.tyche.execution.engine.LogEntry;
import dev.tyche.execution.engine.RiskGate;
import dev.tyche.execution.engine.TradingEngine;
import dev.tyche.execution.sim.FeeSchedule;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.SimulatedVenue;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A backtest rig for algorithms: BTCUSDT perpetual (tick 0.10, step 0.001), a simulated clock, a
 * real {@link TradingEngine} in run-on-caller mode, and either the {@link SimulatedVenue} with bar
 * matching or the {@link ScriptedExecutionClient}.
 */
final class Rig {
  static final Symbol SYM = Symbol.of("BTCUSDT");
  static final long MIN = 60_000L;
  static final long T0 = 1_700_000_000_000L - (1_700_000_000_000L % 86_400_000L);
  static final StrategyId ALGO = StrategyId.of("algo");
  static final Subscription BARS = Subscription.bars(SYM, BarInterval.MINUTE_1);
  static final Subscription TRADES = Subscription.of(SYM, MarketDataKind.TRADES);
  static final Subscription QUOTES = Subscription.of(SYM, MarketDataKind.QUOTES);

  static Instrument instrument(String minNotional) {
    return Instrument.builder(SYM)
        .assets(Asset.of("BTC"), Asset.USDT)
        .tickSize("0.10")
        .stepSize("0.001")
        .minNotional(minNotional)
        .build();
  }

  final SimulatedClock clock = SimulatedClock.startingAt(T0);
  final InMemoryEventLog log = new InMemoryEventLog();
  final Ledger ledger = new Ledger(PositionMode.ONE_WAY);
  final Instrument instrument;
  final ScriptedExecutionClient scripted;
  final SimulatedVenue sim;
  final TradingEngine engine;
  private long tradeIds;

  private Rig(Instrument instrument, boolean simulated, long seed, ExecutionAlgorithm algo) {
    this.instrument = instrument;
    ledger.register(instrument);
    ledger.deposit(Money.of(Asset.USDT, Decimal.parse("1000000")));
    TradingEngine.Builder b =
        TradingEngine.builder()
            .clock(clock)
            .ledger(ledger)
            .instruments(instrument)
            .riskGate(RiskGate.of(Asset.USDT))
            .eventLog(log)
            .strategy(ALGO, algo);
    if (simulated) {
      sim =
          new SimulatedVenue(
              SimulatedVenueConfig.of(FillModel.bars()).withFees(FeeSchedule.ZERO).withSeed(seed),
              clock,
              List.of(instrument));
      sim.deposit(Money.of(Asset.USDT, Decimal.parse("1000000")));
      scripted = null;
      b.executionClient(sim).venueFeed(sim::onMarketEvent);
    } else {
      scripted = new ScriptedExecutionClient(clock, Decimal.ZERO, instrument);
      sim = null;
      b.executionClient(scripted).venueFeed(scripted);
    }
    engine = b.build();
  }

  /** A started engine against the simulated venue with bar matching (next open, no slippage). */
  static Rig bars(ExecutionAlgorithm algo) {
    Rig r = new Rig(instrument("5"), true, 0L, algo);
    r.engine.start();
    return r;
  }

  /** A started engine against the scripted venue (fills at the last trade price at once). */
  static Rig scripted(Instrument instrument, ExecutionAlgorithm algo) {
    Rig r = new Rig(instrument, false, 0L, algo);
    r.engine.start();
    return r;
  }

  static Rig scripted(ExecutionAlgorithm algo) {
    return scripted(instrument("5"), algo);
  }

  static Quantity qty(String s) {
    return Quantity.parse(s);
  }

  static Price px(String s) {
    return Price.parse(s);
  }

  static ParentOrder parent(Side side, String quantity, long start, long end) {
    return new ParentOrder("p1", SYM, side, qty(quantity), start, end);
  }

  /** A one-minute bar opening at {@code T0 + i} minutes. */
  static Bar bar(int i, String open, String close, String volume) {
    Price o = px(open);
    Price c = px(close);
    Price hi = o.compareTo(c) >= 0 ? o : c;
    Price lo = o.compareTo(c) <= 0 ? o : c;
    return new Bar(SYM, MIN, T0 + i * MIN, o, hi, lo, c, qty(volume));
  }

  void trade(long time, String price, String quantity) {
    engine.process(
        new Trade(
            SYM, TradeId.of("t" + ++tradeIds), px(price), qty(quantity), Side.BUY, time, time));
  }

  void quote(long time, String bid, String bidQty, String ask, String askQty) {
    engine.process(new Quote(SYM, px(bid), qty(bidQty), px(ask), qty(askQty), 1, time));
  }

  /** Every fill the algorithm's children received, in order. */
  List<OrderFillEvent> fills() {
    List<OrderFillEvent> out = new ArrayList<>();
    for (LogEntry e : log.entries(LogEntry.Kind.ORDER_EVENT)) {
      if (e.payload() instanceof OrderFillEvent) {
        out.add((OrderFillEvent) e.payload());
      }
    }
    return out;
  }

  static List<String> quantities(List<SubmitOrder> orders) {
    List<String> out = new ArrayList<>();
    for (SubmitOrder o : orders) {
      out.add(o.quantity().toString());
    }
    return out;
  }

  static Quantity sum(List<SubmitOrder> orders) {
    Quantity s = Quantity.zero(3);
    for (SubmitOrder o : orders) {
      s = s.plus(o.quantity());
    }
    return s;
  }
}
