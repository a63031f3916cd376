package dev.tyche.benchmarks.execution;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.SimulatedVenue;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the simulated venue's book matching, in operations per second.
 *
 * <ul>
 *   <li>{@code marketOrder}: one market order of 0.030 BTC (alternately buy and sell, so the
 *       position stays bounded) against a 20-level book of 0.010 BTC per level, i.e. three
 *       executions per order, each booked in the venue's ledger with its fee and reported as an
 *       event. One operation is one order, from {@code submit} to the last fill event.
 *   <li>{@code tradeAtRestingLevel}: one public trade at the price of the best of 100 resting buy
 *       orders (10 per price over 10 prices, each behind a 1,000,000 BTC queue so that none fills):
 *       the venue updates the queue estimate of the 10 orders at that price. One operation is one
 *       trade.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulatedVenueBenchmark -f 1 -wi 3 -i
 * 5} (add {@code -prof gc} for allocation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimulatedVenueBenchmark {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();
  private static final long T0 = 1_723_161_256_000L;

  private SimulatedVenue takerVenue;
  private SubmitOrder buy;
  private SubmitOrder sell;
  private boolean nextBuy;
  private long events;

  private SimulatedVenue makerVenue;
  private Trade trade;

  /** Builds both venues; the books and the resting orders are set up here, not measured. */
  @Setup
  public void setUp() {
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bids.add(new BookLevel(Price.of(6_180_000L - 10L * i, 2), Quantity.of(10, 3)));
      asks.add(new BookLevel(Price.of(6_180_010L + 10L * i, 2), Quantity.of(10, 3)));
    }
    takerVenue =
        new SimulatedVenue(
            SimulatedVenueConfig.of(FillModel.book()), SimulatedClock.startingAt(T0), List.of(BTC));
    takerVenue.start(e -> events++);
    takerVenue.deposit(Money.parse(Asset.USDT, "1000000000"));
    takerVenue.onMarketEvent(new BookSnapshot(BTCUSDT, 1, T0, bids, asks));
    buy = SubmitOrder.market(ClientOrderId.of("b"), BTCUSDT, Side.BUY, Quantity.of(30, 3));
    sell = SubmitOrder.market(ClientOrderId.of("s"), BTCUSDT, Side.SELL, Quantity.of(30, 3));

    List<BookLevel> deep = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      deep.add(new BookLevel(Price.of(6_180_000L - 10L * i, 2), Quantity.of(1_000_000_000L, 3)));
    }
    makerVenue =
        new SimulatedVenue(
            SimulatedVenueConfig.of(FillModel.book()), SimulatedClock.startingAt(T0), List.of(BTC));
    makerVenue.start(e -> events++);
    makerVenue.onMarketEvent(new BookSnapshot(BTCUSDT, 1, T0, deep, asks));
    for (int i = 0; i < 100; i++) {
      makerVenue.submit(
          SubmitOrder.limit(
              ClientOrderId.of("r" + i),
              BTCUSDT,
              Side.BUY,
              Quantity.of(10, 3),
              Price.of(6_180_000L - 10L * (i % 10), 2),
              TimeInForce.GTC));
    }
    trade =
        new Trade(
            BTCUSDT,
            TradeId.of("1"),
            Price.of(6_180_000L, 2),
            Quantity.of(1, 3),
            Side.SELL,
            T0,
            T0);
  }

  /**
   * One market order walking three levels.
   *
   * @return the number of events delivered so far
   */
  @Benchmark
  public long marketOrder() {
    takerVenue.submit(nextBuy ? buy : sell);
    nextBuy = !nextBuy;
    return events;
  }

  /**
   * One trade updating the queue estimates of the resting orders at its price.
   *
   * @return the number of events delivered so far
   */
  @Benchmark
  public long tradeAtRestingLevel() {
    makerVenue.onMarketEvent(trade);
    return events;
  }
}
