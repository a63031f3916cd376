package dev.tyche.execution.engine;

import static dev.tyche.execution.engine.Fixture.SYM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tyche.core.id.TradeId;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.core.time.SystemClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveModeTest {

  /** Records trade ids and the threads it was called on; counts down per trade. */
  static class Counting implements Strategy {
    final List<String> ids = new ArrayList<>();
    final List<String> threads = new ArrayList<>();
    final CountDownLatch done;
    final CountDownLatch timer = new CountDownLatch(1);
    StrategyContext ctx;
    volatile boolean stopped;

    Counting(int n) {
      this.done = new CountDownLatch(n);
    }

    @Override
    public void onStart(StrategyContext context) {
      ctx = context;
      context.subscribe(Subscription.of(SYM, MarketDataKind.TRADES));
      // Due in 50 ms of wall time: the idle loop must wake up for it without any input.
      context.scheduleAt(context.clock().currentTimeMillis() + 50, "wake");
    }

    @Override
    public void onTrade(Trade trade) {
      ids.add(trade.tradeId().value());
      threads.add(Thread.currentThread().getName());
      done.countDown();
    }

    @Override
    public void onTimer(TimerEvent t) {
      timer.countDown();
    }

    @Override
    public void onStop() {
      stopped = true;
    }
  }

  private static Trade trade(int i) {
    return new Trade(
        SYM,
        TradeId.of(Integer.toString(i)),
        Price.parse("30000.00"),
        Quantity.parse("0.001"),
        Side.BUY,
        1_700_000_000_000L + i,
        1_700_000_000_000L + i);
  }

  private static TradingEngine liveEngine(Fixture f, Strategy s, String name) {
    return f.builder(new Fixture.Recording())
        .name(name)
        .clock(SystemClock.INSTANCE)
        .strategy(dev.tyche.core.strategy.StrategyId.of("live"), s)
        .build();
  }

  @Test
  void eventsFromAnotherThreadAreProcessedInOrderAndStopEndsTheThread() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          int n = 5_000;
          Counting s1 = new Counting(n);
          Counting s2 = new Counting(n);
          TradingEngine e1 = liveEngine(new Fixture(), s1, "one");
          TradingEngine e2 = liveEngine(new Fixture(), s2, "two");
          Thread t1 = e1.startOnOwnThread();
          Thread t2 = e2.startOnOwnThread();
          assertThat(s1.timer.await(5, TimeUnit.SECONDS)).isTrue();
          MarketDataListener in1 = e1.marketDataListener();
          MarketDataListener in2 = e2.marketDataListener();
          Thread producer =
              new Thread(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      in1.onMarketEvent(trade(i));
                      in2.onMarketEvent(trade(i));
                    }
                  },
                  "producer");
          producer.start();
          assertThat(s1.done.await(10, TimeUnit.SECONDS)).isTrue();
          assertThat(s2.done.await(10, TimeUnit.SECONDS)).isTrue();
          producer.join();
          e1.stop();
          e2.stop();
          assertThat(t1.isAlive()).isFalse();
          assertThat(t2.isAlive()).isFalse();
          assertThat(s1.stopped).isTrue();
          assertThat(e1.failure()).isEmpty();
          List<String> expected = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            expected.add(Integer.toString(i));
          }
          assertThat(s1.ids).isEqualTo(expected);
          assertThat(s2.ids).isEqualTo(expected);
          assertThat(s1.threads).containsOnly("tyche-engine-one");
          assertThat(s2.threads).containsOnly("tyche-engine-two");
        });
  }

  @Test
  void strategyFailureEndsTheThreadAndIsReported() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          Strategy bad =
              new Counting(1) {
                @Override
                public void onTrade(Trade trade) {
                  throw new IllegalStateException("strategy bug");
                }
              };
          TradingEngine e = liveEngine(new Fixture(), bad, "bad");
          Thread t = e.startOnOwnThread();
          e.marketDataListener().onMarketEvent(trade(1));
          t.join(5_000);
          assertThat(t.isAlive()).isFalse();
          assertThat(e.failure()).get().extracting(Throwable::getMessage).isEqualTo("strategy bug");
          e.stop();
        });
  }

  @Test
  void busySpinModeAlsoStops() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          Counting s = new Counting(3);
          Fixture f = new Fixture();
          TradingEngine e =
              f.builder(new Fixture.Recording())
                  .clock(SystemClock.INSTANCE)
                  .busySpin(true)
                  .strategy(dev.tyche.core.strategy.StrategyId.of("spin"), s)
                  .build();
          Thread t = e.startOnOwnThread();
          for (int i = 0; i < 3; i++) {
            e.marketDataListener().onMarketEvent(trade(i));
          }
          assertThat(s.done.await(5, TimeUnit.SECONDS)).isTrue();
          e.stop();
          assertThat(t.isAlive()).isFalse();
        });
  }
}
