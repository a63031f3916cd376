package dev.tyche.strategy.testing;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.num.Money;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.strategy.signal.SignalGenerator;
import dev.tyche.strategy.signal.SignalStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instruments and a replay loop shared by the strategy tests.
 *
 * <p>Immutable and thread-safe (static helpers only).
 */
public final class Fixtures {

  /** A perpetual symbol. */
  public static final Symbol PERP = Symbol.of("BTCUSDT_PERP");

  /** A spot symbol. */
  public static final Symbol SPOT = Symbol.of("BTCUSDT");

  /** The id every single-strategy test uses. */
  public static final StrategyId ID = StrategyId.of("s1");

  private Fixtures() {}

  /**
   * A USDT-margined perpetual: tick 0.01, step 0.001, quantities 0.001 to 1 000 000, min notional
   * 5.
   *
   * @param symbol the symbol
   * @return the instrument
   */
  public static Instrument perpetual(Symbol symbol) {
    return Instrument.builder(symbol)
        .assets(Asset.of("BTC"), Asset.USDT)
        .contractType(ContractType.PERPETUAL)
        .tickSize("0.01")
        .stepSize("0.001")
        .quantityBounds("0.001", "1000000")
        .minNotional("5")
        .build();
  }

  /**
   * A spot instrument with the same filters as {@link #perpetual(Symbol)}.
   *
   * @param symbol the symbol
   * @return the instrument
   */
  public static Instrument spot(Symbol symbol) {
    return Instrument.builder(symbol)
        .assets(Asset.of("BTC"), Asset.USDT)
        .contractType(ContractType.SPOT)
        .tickSize("0.01")
        .stepSize("0.001")
        .quantityBounds("0.001", "1000000")
        .minNotional("5")
        .build();
  }

  /**
   * A fake context with 10 000 USDT of equity trading {@link #PERP} and {@link #SPOT}.
   *
   * @return the context
   */
  public static FakeStrategyContext context() {
    return new FakeStrategyContext(
        ID, Bars.START, Money.parse(Asset.USDT, "10000.00"), perpetual(PERP), spot(SPOT));
  }

  /**
   * Feeds events to a generator and records its targets for {@code symbol} after each event.
   *
   * @param generator the generator
   * @param symbol the instrument whose target is recorded
   * @param events the events
   * @return one target per event
   */
  public static List<Double> targets(
      SignalGenerator generator, Symbol symbol, List<? extends MarketEvent> events) {
    List<Double> out = new ArrayList<>();
    for (MarketEvent e : events) {
      generator.onMarketEvent(e);
      out.add(generator.target(symbol));
    }
    return out;
  }

  /**
   * Runs a strategy over events the way a backtest engine would: the clock advances to each event's
   * time, the strategy sees the event, then every working market order is filled at the
   * instrument's last bar close.
   *
   * @param strategy the strategy
   * @param context the fake context
   * @param events the events, in time order
   * @return for each event, the orders submitted while handling it
   */
  public static List<List<SubmitOrder>> replay(
      SignalStrategy strategy, FakeStrategyContext context, List<? extends MarketEvent> events) {
    strategy.onStart(context);
    Map<Symbol, Double> last = new HashMap<>();
    List<List<SubmitOrder>> out = new ArrayList<>();
    for (MarketEvent e : events) {
      context.advanceTo(Math.max(context.clock().currentTimeMillis(), e.eventTime()));
      int before = context.submitted().size();
      strategy.onMarketEvent(e);
      List<SubmitOrder> all = context.submitted();
      out.add(List.copyOf(all.subList(before, all.size())));
      if (e instanceof Bar) {
        last.put(e.symbol(), ((Bar) e).close().toDouble());
      }
      for (Map.Entry<Symbol, Double> p : last.entrySet()) {
        context.fillMarketOrders(strategy, p.getKey(), p.getValue());
      }
    }
    return out;
  }
}
