package dev.tyche.benchmarks.execution;

import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderSubmitted;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.ExecutionClient;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.OrderEventListener;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.execution.engine.RiskGate;
import dev.tyche.execution.engine.TradingEngine;
import dev.tyche.execution.order.OrderManager;
import dev.tyche.risk.pretrade.InstrumentFilterRule;
import dev.tyche.risk.pretrade.MaxOpenOrdersRule;
import dev.tyche.risk.pretrade.MaxOrderNotionalRule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's hot paths.
 *
 * <p>{@link #tickToDecision} (SampleTime, so JMH reports p50/p99/p99.9): a trade is handed to the
 * engine's market-data listener (the enqueue a network thread would do) and the engine runs until
 * idle on the caller's thread. The strategy answers every trade with a market order that passes the
 * risk gate (instrument filters, max order notional, max open orders: the ledger is valued at the
 * latest marks each time) and reaches the execution client, which acknowledges and fills it at once
 * through the listener; those two order events (order manager, ledger fill, strategy callback) are
 * processed in the same call. The figure is therefore an upper bound of enqueue-to-client latency:
 * it includes the venue's round trip at zero network cost. The strategy alternates buys and sells
 * so the position stays small; terminal orders are purged every 1024 ticks (included, amortised).
 *
 * <p>{@link #orderLifecycle} (Throughput): one operation is one order's whole life in the {@link
 * OrderManager}: create, submitted, accepted, filled; terminal orders are purged every 1024 orders.
 *
 * <p>Targets (project issue "Execution"): tick-to-decision p99 at most 10 us; at least 1 M
 * orders/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark}.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  private static final Symbol SYM = Symbol.of("BTCUSDT");
  private static final Instrument BTC =
      Instrument.builder(SYM)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();
  private static final long T0 = 1_700_000_000_000L;
  private static final int RING = 1024;
  private static final StrategyId OM = StrategyId.of("om");

  private TradingEngine engine;
  private MarketDataListener input;
  private InstantVenue venue;
  private Trade[] trades;
  private int tick;

  private OrderManager manager;
  private SubmitOrder[] orders;
  private OrderSubmitted[] submitted;
  private OrderAccepted[] accepted;
  private OrderFilled[] filled;

  /** A venue that accepts and fills every order at once, at the last trade price. */
  static final class InstantVenue implements ExecutionClient {
    private OrderEventListener listener;
    private final SimulatedClock clock;
    private long ids;
    Price last = Price.parse("30000.00");

    InstantVenue(SimulatedClock clock) {
      this.clock = clock;
    }

    @Override
    public void start(OrderEventListener l) {
      this.listener = l;
    }

    @Override
    public void submit(SubmitOrder order) {
      long n = ++ids;
      VenueOrderId vid = VenueOrderId.of("V" + n);
      long now = clock.currentTimeMillis();
      listener.onOrderEvent(new OrderAccepted(order.clientOrderId(), order.symbol(), now, vid));
      Execution e =
          new Execution(
              vid,
              TradeId.of("T" + n),
              order.side(),
              last,
              order.quantity(),
              order.quantity(),
              Quantity.zero(order.quantity().scale()),
              Money.zero(Asset.USDT, 2),
              Liquidity.TAKER);
      listener.onOrderEvent(new OrderFilled(order.clientOrderId(), order.symbol(), now, e));
    }

    @Override
    public void cancel(CancelOrder cancel) {}

    @Override
    public void requestStatus(ClientOrderId clientOrderId, Symbol symbol) {}

    @Override
    public void close() {}
  }

  /** Sends a market order on every trade, alternating sides. */
  static final class Reactive implements Strategy {
    private StrategyContext ctx;
    private boolean buy = true;
    private final Quantity qty = Quantity.parse("0.010");

    @Override
    public void onStart(StrategyContext context) {
      ctx = context;
      context.subscribe(Subscription.of(SYM, MarketDataKind.TRADES));
    }

    @Override
    public void onTrade(Trade trade) {
      Side side = buy ? Side.BUY : Side.SELL;
      buy = !buy;
      ctx.submit(SubmitOrder.market(ctx.nextClientOrderId(), SYM, side, qty));
    }
  }

  /** Builds the engine and the order-manager fixtures. */
  @Setup
  public void setUp() {
    SimulatedClock clock = SimulatedClock.startingAt(T0);
    venue = new InstantVenue(clock);
    Ledger ledger = new Ledger(PositionMode.ONE_WAY);
    ledger.register(BTC);
    ledger.deposit(Money.of(Asset.USDT, Decimal.parse("100000")));
    engine =
        TradingEngine.builder()
            .clock(clock)
            .executionClient(venue)
            .ledger(ledger)
            .instruments(BTC)
            .riskGate(
                RiskGate.of(
                    Asset.USDT,
                    new InstrumentFilterRule(),
                    new MaxOrderNotionalRule(Decimal.parse("10000")),
                    new MaxOpenOrdersRule(100, 100)))
            .ackTimeoutMillis(0)
            .strategy(StrategyId.of("bench"), new Reactive())
            .build();
    engine.start();
    input = engine.marketDataListener();
    trades = new Trade[RING];
    for (int i = 0; i < RING; i++) {
      Price p = Price.of(3_000_000 + (i % 17) * 10 - 80, 2);
      trades[i] = new Trade(SYM, TradeId.of("m" + i), p, Quantity.parse("0.001"), Side.BUY, T0, T0);
    }

    manager = new OrderManager();
    StrategyId s = OM;
    orders = new SubmitOrder[RING];
    submitted = new OrderSubmitted[RING];
    accepted = new OrderAccepted[RING];
    filled = new OrderFilled[RING];
    for (int i = 0; i < RING; i++) {
      ClientOrderId id = ClientOrderId.of(s.value() + "-" + (i + 1));
      SubmitOrder o = SubmitOrder.market(id, SYM, Side.BUY, Quantity.parse("0.010"));
      VenueOrderId vid = VenueOrderId.of("V" + i);
      orders[i] = o;
      submitted[i] = new OrderSubmitted(id, SYM, T0, o);
      accepted[i] = new OrderAccepted(id, SYM, T0, vid);
      Execution e =
          new Execution(
              vid,
              TradeId.of("T" + i),
              Side.BUY,
              Price.parse("30000.00"),
              o.quantity(),
              o.quantity(),
              Quantity.zero(3),
              Money.zero(Asset.USDT, 2),
              Liquidity.TAKER);
      filled[i] = new OrderFilled(id, SYM, T0, e);
    }
  }

  /**
   * One market event from enqueue to the strategy's order at the client (and its fill applied).
   *
   * @return the engine's open-order count, so nothing is optimised away
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int tickToDecision() {
    int i = tick++ & (RING - 1);
    Trade t = trades[i];
    venue.last = t.price();
    input.onMarketEvent(t);
    engine.runUntilIdle();
    if (i == RING - 1) {
      engine.orders().purgeTerminal();
    }
    return engine.orders().openOrders();
  }

  /**
   * 1024 orders through their whole life in the order manager.
   *
   * @return the number of orders still held, so nothing is optimised away
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(RING)
  public int orderLifecycle() {
    OrderManager m = manager;
    StrategyId s = OM;
    for (int i = 0; i < RING; i++) {
      m.create(s, orders[i]);
      m.apply(submitted[i]);
      m.apply(accepted[i]);
      m.apply(filled[i]);
    }
    m.purgeTerminal();
    return m.size();
  }
}
