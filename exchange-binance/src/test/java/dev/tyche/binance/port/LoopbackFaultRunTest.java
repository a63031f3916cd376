package dev.tyche.binance.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.fake.FakeBinanceServer;
import dev.tyche.binance.fake.FakeBinanceServer.Fault;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded fault runs through the whole stack on 127.0.0.1: the execution client, the real REST
 * client over HTTP with the fake server injecting faults into every request (orders, look-ups,
 * trades, time), and the real user data stream over WebSocket with listen-key expiries. After the
 * faults stop and the stream is forced to reconnect once more, every order the venue holds must
 * have been reported as accepted and in its venue state, every order it does not hold as rejected,
 * and no client id may have two venue orders. The default runs 24; {@code
 * -Dtyche.loopbackFaultRuns=N} runs more.
 */
class LoopbackFaultRunTest {

  private static final int RUNS = Integer.getInteger("tyche.loopbackFaultRuns", 24);
  private static final Fault[] FAULTS = {
    Fault.ERROR_500_BEFORE,
    Fault.ERROR_503_AFTER_ACCEPT,
    Fault.BACKEND_TIMEOUT_1007_AFTER_ACCEPT,
    Fault.MALFORMED_AFTER_ACCEPT,
    Fault.CLOCK_SKEW_1021,
    Fault.RATE_LIMIT_429
  };

  @Test
  void noOrderIsLostOrDuplicatedThroughTheWholeStack() throws Exception {
    Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    int orders = 0;
    try (FakeExchange ex = new FakeExchange(77)) {
      for (int run = 0; run < RUNS; run++) {
        orders += runOnce(ex, run, injected);
      }
    }
    System.out.println(
        "loopback fault runs: " + RUNS + ", orders " + orders + ", faults " + injected);
    if (RUNS >= 20) {
      assertThat(injected.keySet()).contains(Fault.ERROR_503_AFTER_ACCEPT, Fault.RATE_LIMIT_429);
    }
  }

  private static int runOnce(FakeExchange ex, int run, Map<Fault, Integer> injected) {
    ex.rest.reset();
    SplittableRandom rnd = new SplittableRandom(9_000L + run);
    Recorder rec = new Recorder();
    List<ClientOrderId> ids = new ArrayList<>();
    BinanceExecutionClient client = ex.executionClient();
    try {
      client.start(rec);
      ex.awaitUserStream();
      ex.rest.setFaultPlan(
          (method, path) -> {
            double u;
            synchronized (rnd) {
              u = rnd.nextDouble();
              Fault f =
                  u < 0.75
                      ? Fault.NONE
                      : u < 0.76 ? Fault.TIMEOUT_AFTER_ACCEPT : FAULTS[rnd.nextInt(FAULTS.length)];
              synchronized (injected) {
                injected.merge(f, 1, Integer::sum);
              }
              return f;
            }
          });
      for (int i = 0; i < 4; i++) {
        ClientOrderId id = ClientOrderId.of("lb" + run + "-" + i);
        ids.add(id);
        if (i % 2 == 0) {
          client.submit(
              SubmitOrder.limit(
                  id,
                  FakeExchange.BTCUSDT,
                  Side.BUY,
                  Quantity.parse("0.004"),
                  Price.parse("64999.00").plusTicks(-i, ex.btc().tickSize()),
                  TimeInForce.GTC));
        } else {
          client.submit(
              SubmitOrder.market(id, FakeExchange.BTCUSDT, Side.SELL, Quantity.parse("0.002")));
        }
        rec.waitFor(() -> !rec.of(id).isEmpty(), 200);
        if (i == 1 && rnd.nextBoolean()) {
          ex.ws.expireListenKey(ex.clock.currentTimeMillis(), rnd.nextBoolean());
        }
      }
      ex.rest.tradeAt("BTCUSDT", "64999.00");
      client.cancel(new CancelOrder(ids.get(2), FakeExchange.BTCUSDT));
      rec.waitFor(() -> !rec.of(ids.get(2)).isEmpty(), 200);
      ex.rest.setFaultPlan((m, p) -> Fault.NONE);
      // The stream reconnects once more: the client resynchronises every open order.
      ex.ws.expireListenKey(ex.clock.currentTimeMillis(), true);
      rec.awaitTrue(() -> settled(ex.rest, rec, ids), 10_000, "run " + run + " settled");
      for (ClientOrderId id : ids) {
        assertThat(ex.rest.ordersPerClientId().getOrDefault(id.value(), 0))
            .as("run %d, %s", run, id)
            .isLessThanOrEqualTo(1);
      }
    } finally {
      client.close();
    }
    return ids.size();
  }

  private static boolean settled(FakeBinanceServer rest, Recorder rec, List<ClientOrderId> ids) {
    for (ClientOrderId id : ids) {
      List<OrderEvent> evs = rec.of(id);
      FakeBinanceServer.FakeOrder venue = null;
      int n = 0;
      for (FakeBinanceServer.FakeOrder o : rest.orders()) {
        if (o.clientOrderId.equals(id.value())) {
          venue = o;
          n++;
        }
      }
      if (n > 1) {
        throw new IllegalStateException("duplicated order " + id);
      }
      if (evs.isEmpty()) {
        return false;
      }
      if (venue == null) {
        if (evs.size() != 1 || !(evs.get(0) instanceof OrderRejected)) {
          return false;
        }
        continue;
      }
      if (evs.stream().anyMatch(e -> e instanceof OrderRejected)) {
        throw new IllegalStateException(id + " exists at the venue but was rejected: " + evs);
      }
      if (!(evs.get(0) instanceof OrderAccepted)) {
        throw new IllegalStateException(id + ": not acknowledged first: " + evs);
      }
      OrderEvent last = evs.get(evs.size() - 1);
      switch (venue.status) {
        case "FILLED":
          if (!(last instanceof OrderFilled)) {
            return false;
          }
          break;
        case "CANCELED":
          if (!(last instanceof OrderCancelled)) {
            return false;
          }
          break;
        default:
          if (last.isTerminal()) {
            throw new IllegalStateException(id + " open at the venue but ended: " + evs);
          }
      }
    }
    return true;
  }
}
