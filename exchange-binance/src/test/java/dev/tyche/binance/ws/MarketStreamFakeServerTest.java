package dev.tyche.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.fakews.FakeBinanceWsServer;
import dev.tyche.binance.fakews.FakeBinanceWsServer.Fault;
import dev.tyche.core.id.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The market stream client and book keeper against the fake Binance WebSocket server. */
class MarketStreamFakeServerTest {

  static FakeBinanceWsServer fake;
  static final MarketStreamClient.Options FAST =
      MarketStreamClient.Options.defaults().withTimings(5, 40, 3_600_000, 50);

  @BeforeAll
  static void startServer() throws InterruptedException {
    fake = new FakeBinanceWsServer(1).startAndWait();
  }

  @AfterAll
  static void stopServer() {
    fake.close();
  }

  @BeforeEach
  void resetMarket() {
    fake.reset(42);
  }

  @Test
  void syncsThenStaysLiveAndMatchesTheExchangeBook() {
    try (WsHarness h = new WsHarness(fake, 7, FAST).start()) {
      for (int i = 0; i < 50; i++) {
        fake.step(Fault.NONE);
      }
      h.catchUp();
      h.assertTradesContiguous();
      h.assertBooksMatchTheExchange();
      assertThat(h.statuses()).containsExactly("SYNCING", "LIVE");
      assertThat(h.book.gaps()).isZero();
    }
  }

  @Test
  void reconnectsResubscribesAndLosesNoTradeAfterADrop() {
    try (WsHarness h = new WsHarness(fake, 8, FAST).start()) {
      for (int i = 0; i < 20; i++) {
        fake.step(Fault.NONE);
      }
      h.catchUp();
      int before = fake.connections();
      fake.step(Fault.DROP_AFTER);
      for (int i = 0; i < 30; i++) {
        fake.step(Fault.NONE); // published while the client is away: lost on the stream
      }
      WsHarness.await(() -> fake.subscribers("btcusdt@trade") == 1, 5_000, "resubscribed");
      h.catchUp();
      assertThat(fake.connections()).isGreaterThanOrEqualTo(before + 2);
      assertThat(h.marketClient.drops()).isGreaterThanOrEqualTo(1);
      assertThat(fake.controlLog())
          .filteredOn(s -> s.startsWith("SUBSCRIBE"))
          .hasSizeGreaterThanOrEqualTo(4);
      h.assertTradesContiguous();
      h.assertBooksMatchTheExchange();
      List<String> s = h.statuses();
      assertThat(s).startsWith("SYNCING", "LIVE").contains("STALE").endsWith("LIVE");
      assertThat(h.marketClient.sequencer("btcusdt@trade").orElseThrow().backfilled()).isPositive();
    }
  }

  @Test
  void statusGoesStaleOnAGapAndLiveAgainAfterTheResync() {
    try (WsHarness h = new WsHarness(fake, 9, FAST).start()) {
      for (int i = 0; i < 10; i++) {
        fake.step(Fault.NONE);
      }
      h.catchUp();
      fake.step(Fault.WITHHOLD_DEPTH);
      h.catchUp();
      assertThat(h.statuses()).containsExactly("SYNCING", "LIVE", "STALE", "LIVE");
      assertThat(h.book.gaps()).isEqualTo(1);
      assertThat(h.snapshots()).hasSize(2);
      h.assertBooksMatchTheExchange();
      h.assertTradesContiguous();
    }
  }

  @Test
  void duplicatesAndSwapsNeitherDuplicateNorLoseTrades() {
    try (WsHarness h = new WsHarness(fake, 10, FAST).start()) {
      for (int i = 0; i < 40; i++) {
        fake.step(i % 2 == 0 ? Fault.DUPLICATE : Fault.SWAP_WITH_NEXT);
      }
      h.catchUp();
      h.assertTradesContiguous();
      h.assertBooksMatchTheExchange();
      assertThat(h.book.duplicates()).isPositive();
      h.assertStatusLifecycle();
    }
  }

  @Test
  void rotatesBeforeTheLimitWithoutGapsOrDuplicates() {
    MarketStreamClient.Options rotating =
        MarketStreamClient.Options.defaults().withTimings(5, 40, 120, 60);
    try (WsHarness h = new WsHarness(fake, 11, rotating).start()) {
      for (int i = 0; i < 120; i++) {
        fake.step(Fault.NONE);
        WsHarness.waitFor(() -> false, 4);
      }
      h.catchUp();
      assertThat(h.marketClient.rotations()).isPositive();
      assertThat(h.publicClient.rotations()).isPositive();
      h.assertTradesContiguous();
      h.assertBooksMatchTheExchange();
      assertThat(h.statuses()).containsExactly("SYNCING", "LIVE");
    }
  }

  @Test
  void answersPingsAndPacesControlMessagesUnderTheLimit() {
    MarketStreamClient.Options paced =
        new MarketStreamClient.Options(1, 3, 4.0, 5, 40, 3_600_000, 50, 0, 64);
    try (WsHarness h = new WsHarness(fake, 12, paced)) {
      List<String> extra = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        extra.add(StreamNames.trade(Symbol.of("SYM" + i + "USDT")));
      }
      h.marketClient.subscribe(extra.toArray(new String[0]));
      long t0 = System.nanoTime();
      h.start();
      WsHarness.await(() -> fake.subscribers("sym5usdt@trade") == 1, 10_000, "all subscribed");
      long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
      // 7 market + 2 public requests, 1 stream each, burst 3 then 4/s per connection.
      assertThat(elapsedMs).isGreaterThanOrEqualTo(900);
      assertThat(fake.maxControlPerSecond()).isLessThanOrEqualTo(7);
      h.marketClient.unsubscribe(extra.get(0));
      WsHarness.await(() -> fake.subscribers(extra.get(0)) == 0, 5_000, "unsubscribed");
      int pongs = fake.pongs();
      fake.pingAll();
      WsHarness.await(() -> fake.pongs() >= pongs + 2, 5_000, "pongs");
      assertThat(h.marketClient.controlErrors()).isZero();
    }
  }

  @Test
  void seededRandomFaultRuns() {
    int runs = 100;
    int faults = 0;
    for (int run = 0; run < runs; run++) {
      long seed = 1_000 + run;
      fake.reset(seed);
      SplittableRandom rnd = new SplittableRandom(seed);
      try (WsHarness h = new WsHarness(fake, seed, FAST).start()) {
        for (int i = 0; i < 25; i++) {
          Fault f =
              rnd.nextInt(10) < 7
                  ? Fault.NONE
                  : Fault.values()[1 + rnd.nextInt(Fault.values().length - 1)];
          if (f != Fault.NONE) {
            faults++;
          }
          fake.step(f);
          if (f == Fault.DROP_AFTER) {
            WsHarness.waitFor(() -> false, 2 + rnd.nextInt(20));
          }
        }
        h.catchUp();
        try {
          h.assertTradesContiguous();
          h.assertBooksMatchTheExchange();
          h.assertStatusLifecycle();
        } catch (AssertionError e) {
          throw new AssertionError("run with seed " + seed + ": " + e.getMessage(), e);
        }
      }
    }
    System.out.println("ws fault runs: " + runs + " runs, " + faults + " faults injected");
    assertThat(faults).isGreaterThan(runs);
  }
}
