package dev.tyche.binance.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized fault runs at the port level: a {@link BinanceExecutionClient} over the
 * in-memory Binance ({@link InMemoryBinance}) that loses replies after and before acting, answers
 * 429, 418, -1021 and rejections, fails look-ups, and drops, duplicates, swaps and expires user
 * data messages. Each run submits limit and market orders, cancels some, resubmits a used id, and
 * lets the market trade; then the network heals, the stream reconnects once more, and the run
 * checks, per client order id:
 *
 * <ul>
 *   <li>zero duplicated orders: the venue never holds two orders with one id;
 *   <li>zero lost orders: an order the venue holds was reported as accepted (never rejected), an
 *       order it does not hold was reported as rejected, exactly once;
 *   <li>a clean life cycle: acknowledgement first; each trade once; cumulative quantities are the
 *       running sums; the filled total equals the venue's; at most one terminal event, last, and
 *       matching the venue's status.
 * </ul>
 *
 * <p>The default suite runs 1 000 runs; {@code -Dtyche.faultRuns=N} runs more (or fewer).
 */
class PortFaultRunTest {

  private static final int RUNS = Integer.getInteger("tyche.faultRuns", 1000);
  private static final String DUPLICATE = "duplicate client order id";

  @Test
  void noOrderIsLostOrDuplicatedUnderRandomFaults() {
    Map<String, Integer> injected = new LinkedHashMap<>();
    long events = 0;
    long resyncs = 0;
    long resends = 0;
    for (int run = 0; run < RUNS; run++) {
      RunResult r = runOnce(50_000L + run);
      r.injected.forEach((k, v) -> injected.merge(k, v, Integer::sum));
      events += r.events;
      resyncs += r.resyncs;
      resends += r.resends;
    }
    System.out.println(
        "port fault runs: "
            + RUNS
            + ", events "
            + events
            + ", resyncs "
            + resyncs
            + ", resends "
            + resends
            + ", faults "
            + injected);
    if (RUNS >= 200) {
      assertThat(injected.keySet())
          .contains(
              "429",
              "418",
              "-1021 twice",
              "lost before, not found",
              "lost before, unresolved",
              "5xx/timeout after accept, recovered",
              "5xx/timeout after accept, unresolved",
              "look-up failed",
              "ws drop + reconnect",
              "ws duplicate",
              "ws swap",
              "ws listenKey expiry",
              "cancel reply lost");
      assertThat(resyncs).isPositive();
      assertThat(resends).isPositive();
    }
  }

  private record RunResult(
      Map<String, Integer> injected, long events, long resyncs, long resends) {}

  private static RunResult runOnce(long seed) {
    InMemoryBinance venue = new InMemoryBinance(seed, 0.3);
    Recorder rec = new Recorder();
    BinanceExecutionClient client =
        new BinanceExecutionClient(
            venue,
            List.of(InMemoryBinance.BTC),
            venue,
            SimulatedClock.startingAt(1_700_000_000_000L),
            new BinanceExecutionClient.Options(3, Duration.ofMillis(1), Duration.ofMillis(4)));
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    Set<ClientOrderId> submitted = new LinkedHashSet<>();
    List<ClientOrderId> ids = new ArrayList<>();
    try {
      client.start(rec);
      venue.faults(true);
      for (int step = 0; step < 8; step++) {
        int a = rnd.nextInt(12);
        if (a < 4) {
          ClientOrderId id = ClientOrderId.of("f" + seed + "-" + step);
          Price p = Price.parse("64990.0").plusTicks(-rnd.nextInt(5), InstrumentTicks.TICK);
          client.submit(
              SubmitOrder.limit(
                  id,
                  InMemoryBinance.BTCUSDT,
                  Side.BUY,
                  Quantity.parse("0.004"),
                  p,
                  TimeInForce.GTC));
          submitted.add(id);
          ids.add(id);
          rec.waitFor(() -> !rec.of(id).isEmpty(), 20);
        } else if (a < 6) {
          ClientOrderId id = ClientOrderId.of("m" + seed + "-" + step);
          client.submit(
              SubmitOrder.market(
                  id,
                  InMemoryBinance.BTCUSDT,
                  rnd.nextBoolean() ? Side.BUY : Side.SELL,
                  Quantity.parse("0.002")));
          submitted.add(id);
          ids.add(id);
          rec.waitFor(() -> !rec.of(id).isEmpty(), 20);
        } else if (a < 8 && !ids.isEmpty()) {
          client.cancel(new CancelOrder(ids.get(rnd.nextInt(ids.size())), InMemoryBinance.BTCUSDT));
        } else if (a < 9 && !ids.isEmpty()) {
          // The engine resubmits an id it used: refused locally, never a second venue order.
          client.submit(
              SubmitOrder.market(
                  ids.get(rnd.nextInt(ids.size())),
                  InMemoryBinance.BTCUSDT,
                  Side.BUY,
                  Quantity.parse("0.001")));
        } else {
          venue.marketTrades(
              new BigDecimal("64990.0").subtract(BigDecimal.valueOf(rnd.nextInt(6), 1)),
              BigDecimal.valueOf(1 + rnd.nextInt(6), 3));
        }
      }
      // Let the worker meet the faults with every command before the network heals.
      rec.waitFor(() -> submitted.stream().allMatch(id -> !rec.of(id).isEmpty()), 50);
      venue.faults(false);
      venue.pump();
      String[] why = new String[1];
      boolean settled = false;
      for (int round = 0; round < 40 && !settled; round++) {
        venue.reconnect();
        try {
          rec.awaitTrue(() -> check(venue, rec, submitted, why), 100, "settled state");
          settled = true;
        } catch (AssertionError notYet) {
          // another reconnect round
        }
      }
      assertThat(settled).as("run %d settles: %s", seed, why[0]).isTrue();
    } finally {
      client.close();
    }
    for (ClientOrderId id : submitted) {
      assertThat(venue.ordersWithId(id.value())).as("seed %d, %s", seed, id).isLessThanOrEqualTo(1);
    }
    return new RunResult(venue.injected(), rec.all().size(), client.resyncs(), client.resends());
  }

  /**
   * Whether every order is settled consistently; throws at once on a violation that cannot heal (a
   * duplicate venue order, a duplicated trade, an event after a terminal one, a rejection of an
   * order the venue holds).
   */
  private static boolean check(
      InMemoryBinance venue, Recorder rec, Set<ClientOrderId> submitted, String[] why) {
    for (ClientOrderId id : submitted) {
      int n = venue.ordersWithId(id.value());
      if (n > 1) {
        throw new IllegalStateException("duplicated order " + id + ": " + n + " at the venue");
      }
      List<OrderEvent> evs = new ArrayList<>();
      for (OrderEvent e : rec.of(id)) {
        if (!(e instanceof OrderRejected && ((OrderRejected) e).reason().startsWith(DUPLICATE))) {
          evs.add(e);
        }
      }
      if (evs.isEmpty()) {
        why[0] = id + " has no event yet";
        return false;
      }
      int terminal = 0;
      for (int i = 0; i < evs.size(); i++) {
        if (evs.get(i).isTerminal()) {
          terminal++;
          if (i != evs.size() - 1) {
            throw new IllegalStateException(id + ": event after terminal " + evs);
          }
        }
      }
      if (n == 0) {
        if (evs.size() != 1 || !(evs.get(0) instanceof OrderRejected)) {
          why[0] = id + " not at the venue, events " + evs;
          return false;
        }
        continue;
      }
      InMemoryBinance.Order o = venue.order(id.value()).orElseThrow();
      if (evs.stream().anyMatch(e -> e instanceof OrderRejected)) {
        throw new IllegalStateException(id + " exists at the venue but was rejected: " + evs);
      }
      if (!(evs.get(0) instanceof OrderAccepted)) {
        throw new IllegalStateException(id + ": first event is not the acknowledgement " + evs);
      }
      if (!((OrderAccepted) evs.get(0)).venueOrderId().value().equals(Long.toString(o.orderId))) {
        throw new IllegalStateException(id + ": wrong venue order id " + evs);
      }
      Quantity sum = Quantity.zero(3);
      Set<String> trades = new HashSet<>();
      for (OrderEvent e : evs) {
        if (e instanceof OrderFillEvent) {
          OrderFillEvent f = (OrderFillEvent) e;
          if (!trades.add(f.execution().tradeId().value())) {
            throw new IllegalStateException(id + ": trade reported twice " + evs);
          }
          sum = sum.plus(f.execution().lastQuantity());
          if (f.execution().cumulativeQuantity().compareTo(sum) != 0) {
            throw new IllegalStateException(id + ": cumulative is not the running sum " + evs);
          }
        }
      }
      if (sum.compareTo(Quantity.parse(o.filled.toPlainString())) != 0) {
        why[0] = id + " filled " + sum + " of venue " + o.filled;
        return false;
      }
      OrderEvent last = evs.get(evs.size() - 1);
      switch (o.status) {
        case "FILLED":
          if (!(last instanceof OrderFilled)) {
            why[0] = id + " filled at the venue, events " + evs;
            return false;
          }
          break;
        case "CANCELED":
          if (!(last instanceof OrderCancelled)) {
            why[0] = id + " cancelled at the venue, events " + evs;
            return false;
          }
          break;
        default:
          if (terminal != 0) {
            throw new IllegalStateException(id + " open at the venue but terminal " + evs);
          }
      }
    }
    return true;
  }

  /** The test instrument's tick. */
  private static final class InstrumentTicks {
    static final Price TICK = InMemoryBinance.BTC.tickSize();
  }
}
