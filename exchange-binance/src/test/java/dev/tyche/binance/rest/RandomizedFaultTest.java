package dev.tyche.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.binance.fake.FakeBinanceServer;
import dev.tyche.binance.fake.FakeBinanceServer.Fault;
import dev.tyche.binance.fake.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized fault runs: orders are placed while every request (orders, look-ups, time
 * syncs) may meet a random fault. The caller follows the client's contract: resend with the same id
 * only after NOT_FOUND or a definite failure, resolve again after UNRESOLVED. Afterwards the fake
 * exchange must hold exactly one order per intended client id: none lost, none duplicated. Market
 * orders fill at once, so a blind resend would duplicate them (Binance only rejects a duplicate id
 * among open orders).
 */
class RandomizedFaultTest {

  /** The default suite runs 200; raise with -Dtyche.binance.faultRuns=N. */
  private static final int RUNS = Integer.getInteger("tyche.binance.faultRuns", 200);

  private static final int ORDERS_PER_RUN = 3;
  private static final Fault[] FAULTS = {
    Fault.ERROR_500_BEFORE,
    Fault.ERROR_503_AFTER_ACCEPT,
    Fault.BACKEND_TIMEOUT_1007_AFTER_ACCEPT,
    Fault.MALFORMED_AFTER_ACCEPT,
    Fault.CLOCK_SKEW_1021,
    Fault.RATE_LIMIT_429
  };

  @Test
  void noOrderIsLostOrDuplicatedUnderRandomFaults() throws Exception {
    ManualClock clock = new ManualClock(RestTestSupport.START);
    // Waiting advances the manual clock and also yields a little real time, so that a look-up
    // cannot overtake a request the fake is still receiving.
    Sleeper sleeper =
        millis -> {
          clock.advance(millis);
          Thread.sleep(Math.min(millis, 5));
        };
    Map<Fault, Integer> injected = new HashMap<>();
    int placements = 0;
    try (FakeBinanceServer fake =
        new FakeBinanceServer(clock, RestTestSupport.KEY, RestTestSupport.SECRET, 700)) {
      BinanceConfig config =
          BinanceConfig.testnet(Credentials.of(RestTestSupport.KEY, RestTestSupport.SECRET))
              .withRestBaseUrl(fake.baseUrl())
              .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
              .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(2))
              .withOrderLookup(3, Duration.ofMillis(200));
      try (BinanceRestClient client = new BinanceRestClient(config, clock, sleeper, 99)) {
        for (int run = 0; run < RUNS; run++) {
          fake.reset();
          SplittableRandom rnd = new SplittableRandom(1_000L + run);
          fake.setFaultPlan(
              (method, path) -> {
                double u = rnd.nextDouble();
                Fault f;
                if (u < 0.70) {
                  f = Fault.NONE;
                } else if (u < 0.715) {
                  f = Fault.TIMEOUT_AFTER_ACCEPT;
                } else if (u < 0.72) {
                  f = Fault.BAN_418;
                } else {
                  f = FAULTS[rnd.nextInt(FAULTS.length)];
                }
                injected.merge(f, 1, Integer::sum);
                return f;
              });
          Map<String, Long> known = new LinkedHashMap<>();
          for (int i = 0; i < ORDERS_PER_RUN; i++) {
            String id = "r" + run + "-" + i;
            NewOrderRequest req =
                i == 1
                    ? NewOrderRequest.limit(
                        "BTCUSDT", BinanceSide.BUY, "0.010", "60000.00", BinanceTimeInForce.GTC, id)
                    : NewOrderRequest.market("BTCUSDT", BinanceSide.BUY, "0.010", id);
            OrderResponse placed = placeFollowingTheContract(client, clock, req);
            placements++;
            known.put(id, placed.orderId());
          }
          fake.setFaultPlan((m, p) -> Fault.NONE);
          Map<String, Integer> perId = fake.ordersPerClientId();
          assertThat(perId).as("run %d: one order per intended id", run).hasSize(ORDERS_PER_RUN);
          for (Map.Entry<String, Long> e : known.entrySet()) {
            assertThat(perId.get(e.getKey())).as("run %d, %s", run, e.getKey()).isEqualTo(1);
            long venueId =
                fake.orders().stream()
                    .filter(o -> o.clientOrderId.equals(e.getKey()))
                    .findFirst()
                    .orElseThrow()
                    .orderId;
            assertThat(e.getValue()).as("the client knows the venue's order").isEqualTo(venueId);
          }
          assertThat(fake.signatureFailures()).isZero();
        }
      }
    }
    System.out.println(
        "randomized fault runs: " + RUNS + ", orders " + placements + ", faults " + injected);
    assertThat(placements).isEqualTo(RUNS * ORDERS_PER_RUN);
    assertThat(injected.getOrDefault(Fault.ERROR_503_AFTER_ACCEPT, 0)).isPositive();
    assertThat(injected.getOrDefault(Fault.TIMEOUT_AFTER_ACCEPT, 0)).isPositive();
  }

  private static OrderResponse placeFollowingTheContract(
      BinanceRestClient client, ManualClock clock, NewOrderRequest req) {
    for (int attempt = 0; attempt < 50; attempt++) {
      OrderPlacement<OrderResponse> p;
      try {
        p = client.placeOrder(req);
      } catch (BinanceException e) {
        if (e.kind() == ErrorKind.IP_BANNED) {
          clock.advance(e.retryAfterMillis().orElse(120_000L) + 1);
        }
        // A definite failure: Binance did not place it, so resending the same id is safe.
        continue;
      }
      for (int r = 0; r < 50 && p.status() == OrderPlacement.Status.UNRESOLVED; r++) {
        if (p.cause().map(c -> c.kind() == ErrorKind.IP_BANNED).orElse(false)) {
          clock.advance(p.cause().get().retryAfterMillis().orElse(120_000L) + 1);
        }
        try {
          p = client.resolveOrder(req.symbol(), req.clientId());
        } catch (BinanceException e) {
          if (e.kind() == ErrorKind.IP_BANNED) {
            clock.advance(e.retryAfterMillis().orElse(120_000L) + 1);
          }
        }
      }
      if (p.exists()) {
        return p.order().orElseThrow();
      }
      // NOT_FOUND: resend with the same id.
    }
    throw new AssertionError("order " + req.clientId() + " could not be placed in 50 attempts");
  }
}
