package dev.tyche.execution.engine;

import static dev.tyche.execution.engine.Fixture.SYM;
import static dev.tyche.execution.engine.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.execution.journal.InMemoryJournal;
import dev.tyche.risk.pretrade.MaxOpenOrdersRule;
import dev.tyche.risk.pretrade.MaxOrderNotionalRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Engine-level properties: determinism, the risk gate's guarantee, ledger conservation. */
class EngineProperties {

  /** Trades at random from a seed: market and limit orders, cancels, timers. */
  static final class RandomStrategy extends Fixture.Recording {
    private final SplittableRandom random;
    private final List<ClientOrderId> mine = new ArrayList<>();

    RandomStrategy(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public void onBar(Bar bar) {
      super.onBar(bar);
      act(bar.close());
    }

    @Override
    public void onTimer(TimerEvent timer) {
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      ctx.submit(
          SubmitOrder.market(ctx.nextClientOrderId(), SYM, side, steps(1 + random.nextInt(5))));
    }

    private void act(Price close) {
      int choice = random.nextInt(5);
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      ClientOrderId id = ctx.nextClientOrderId();
      if (choice == 0) {
        ctx.submit(SubmitOrder.market(id, SYM, side, steps(1 + random.nextInt(20))));
      } else if (choice == 1) {
        long ticks = (side == Side.BUY ? -1 : 1) * (long) random.nextInt(30);
        Price limit = close.plusTicks(ticks, Fixture.BTC.tickSize());
        ctx.submit(
            SubmitOrder.limit(
                id, SYM, side, steps(1 + random.nextInt(20)), limit, TimeInForce.GTC));
        mine.add(id);
      } else if (choice == 2 && !mine.isEmpty()) {
        ctx.cancel(mine.get(random.nextInt(mine.size())), SYM);
      } else if (choice == 3) {
        ctx.scheduleAt(ctx.clock().currentTimeMillis() + random.nextInt(200_000), "t");
      }
    }

    private static Quantity steps(int n) {
      return Quantity.of(n, 3);
    }
  }

  private static List<Object> randomMarket(long seed, int bars) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Object> events = new ArrayList<>();
    long price = 3_000_000; // 30000.00 in cents
    for (int i = 0; i < bars; i++) {
      price = Math.max(100_000, price + (r.nextInt(401) - 200) * 10);
      events.add(Fixture.bar(i, Price.of(price, 2).toString()));
      if (i % 8 == 7) {
        int rate = r.nextInt(21) - 10;
        long t = T0 + (i + 1) * 60_000L;
        events.add(new FundingRate(SYM, t, Decimal.of(rate, 5), Optional.of(Price.of(price, 2))));
      }
    }
    return events;
  }

  private static Fixture run(long seed, int bars, InMemoryJournal journal) {
    Fixture f = new Fixture();
    TradingEngine engine = f.engine(new RandomStrategy(seed), journal);
    engine.start();
    for (Object e : randomMarket(seed, bars)) {
      engine.process((dev.tyche.core.market.MarketEvent) e);
    }
    engine.stop();
    return f;
  }

  @Property(tries = 40)
  void sameInputsAndSeedGiveTheSameEventLogBitForBit(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int bars) {
    InMemoryJournal j1 = new InMemoryJournal();
    InMemoryJournal j2 = new InMemoryJournal();
    Fixture a = run(seed, bars, j1);
    Fixture b = run(seed, bars, j2);
    assertThat(a.log.entries()).isNotEmpty().isEqualTo(b.log.entries());
    assertThat(a.log.lines()).isEqualTo(b.log.lines());
    assertThat(j1.lines()).isEqualTo(j2.lines());
    assertThat(a.ledger.snapshot()).isEqualTo(b.ledger.snapshot());
    assertThat(a.log.entries(LogEntry.Kind.ANOMALY))
        .allMatch(e -> e.payload().toString().contains("ignored"));
  }

  /** One generated resting limit order: side, size in steps and distance from 30000 in ticks. */
  @Property(tries = 200)
  void noOrderViolatingTheLimitsReachesTheVenue(
      @ForAll @IntRange(min = 50, max = 5_000) int maxNotional,
      @ForAll @IntRange(min = 1, max = 6) int maxOpen,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 1_000_000) Integer> codes) {
    Fixture f = new Fixture();
    List<SubmitOrder> orders = new ArrayList<>();
    Fixture.Recording s =
        new Fixture.Recording() {
          @Override
          public void onBar(Bar bar) {
            super.onBar(bar);
            for (int c : codes) {
              Side side = c % 2 == 0 ? Side.BUY : Side.SELL;
              long steps = 1 + (c / 2) % 200;
              long ticks = 1 + (c / 400) % 1000;
              Price limit =
                  bar.close().plusTicks(side == Side.BUY ? -ticks : ticks, Fixture.BTC.tickSize());
              SubmitOrder o =
                  SubmitOrder.limit(
                      ctx.nextClientOrderId(),
                      SYM,
                      side,
                      Quantity.of(steps, 3),
                      limit,
                      TimeInForce.GTC);
              orders.add(o);
              ctx.submit(o);
            }
          }
        };
    TradingEngine engine =
        f.engine(
            s,
            null,
            new MaxOrderNotionalRule(Decimal.of(maxNotional, 0)),
            new MaxOpenOrdersRule(maxOpen, maxOpen));
    engine.start();
    engine.process(Fixture.bar(0, "30000.00"));

    // Independent expectation: in submission order, an order passes iff its notional is within
    // the limit and fewer than maxOpen earlier orders passed (they all rest).
    Set<ClientOrderId> expected = new HashSet<>();
    for (SubmitOrder o : orders) {
      BigDecimal notional = bd(o.limitPrice().orElseThrow()).multiply(bd(o.quantity()));
      if (notional.compareTo(BigDecimal.valueOf(maxNotional)) <= 0 && expected.size() < maxOpen) {
        expected.add(o.clientOrderId());
      }
    }
    Set<ClientOrderId> received = new HashSet<>();
    for (SubmitOrder o : f.venue.received()) {
      received.add(o.clientOrderId());
      BigDecimal notional = bd(o.limitPrice().orElseThrow()).multiply(bd(o.quantity()));
      assertThat(notional).isLessThanOrEqualTo(BigDecimal.valueOf(maxNotional));
    }
    assertThat(received).isEqualTo(expected);
    assertThat(received.size()).isLessThanOrEqualTo(maxOpen);
    Set<ClientOrderId> denied = new HashSet<>();
    for (OrderEvent e : s.orderEvents) {
      if (e instanceof OrderDenied) {
        denied.add(e.clientOrderId());
      }
    }
    assertThat(denied.size() + received.size()).isEqualTo(orders.size());
    denied.retainAll(received);
    assertThat(denied).isEmpty();
  }

  @Property(tries = 60)
  void ledgerIsConservedThroughTheEngine(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int bars) {
    Fixture f = run(seed, bars, null);
    // Recompute equity independently from the log: deposits - fees + funding + sum(-sign*p*q) +
    // Q*M.
    BigDecimal cash = new BigDecimal("10000");
    BigDecimal q = BigDecimal.ZERO;
    for (LogEntry e : f.log.entries()) {
      if (e.kind() == LogEntry.Kind.ORDER_EVENT && e.payload() instanceof OrderFillEvent) {
        dev.tyche.core.order.Execution x = ((OrderFillEvent) e.payload()).execution();
        BigDecimal signed = bd(x.lastQuantity()).multiply(BigDecimal.valueOf(x.side().sign()));
        cash = cash.subtract(signed.multiply(bd(x.lastPrice())));
        cash = cash.subtract(bd(x.fee().amount()));
        q = q.add(signed);
      } else if (e.kind() == LogEntry.Kind.FUNDING) {
        FundingPayment p = (FundingPayment) e.payload();
        BigDecimal pay =
            q.multiply(bd(p.markPrice()))
                .multiply(bd(p.rate()))
                .negate()
                .setScale(8, RoundingMode.HALF_EVEN);
        cash = cash.add(pay);
      }
    }
    Price mark = lastClose(f);
    BigDecimal expected = cash.add(q.multiply(bd(mark)));
    BigDecimal actual = bd(f.ledger.equity(Asset.USDT, sym -> mark).amount());
    assertThat(actual.compareTo(expected)).as("equity %s vs %s", actual, expected).isZero();
    BigDecimal position =
        f.ledger.position(SYM).map(p -> bd(p.signedQuantity())).orElse(BigDecimal.ZERO);
    assertThat(position.compareTo(q)).isZero();
  }

  private static BigDecimal bd(dev.tyche.core.num.Fixed x) {
    return BigDecimal.valueOf(x.units(), x.scale());
  }

  private static Price lastClose(Fixture f) {
    Price last = null;
    for (LogEntry e : f.log.entries(LogEntry.Kind.MARKET)) {
      if (e.payload() instanceof Bar) {
        last = ((Bar) e.payload()).close();
      }
    }
    return last;
  }
}
