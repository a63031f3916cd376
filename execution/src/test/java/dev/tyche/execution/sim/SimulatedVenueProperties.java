package dev.tyche.execution.sim;

import static dev.tyche.execution.sim.Sim.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the simulated venue over random scenarios: queue positions never negative, fills
 * never exceed orders, ledger conservation through the venue, and determinism.
 */
class SimulatedVenueProperties {

  private static final TimeInForce[] TIFS = TimeInForce.values();

  /** Drives one random scenario; the scenario depends only on {@code scenarioSeed}. */
  private static final class Scenario {
    final Sim sim;
    final SplittableRandom rnd;
    final List<ClientOrderId> sent = new ArrayList<>();
    final Map<ClientOrderId, Quantity> ordered = new HashMap<>();
    int next;

    Scenario(SimulatedVenueConfig config, long scenarioSeed) {
      sim = new Sim(config);
      rnd = new SplittableRandom(scenarioSeed);
      sim.venue.deposit(Money.parse(Asset.USDT, "1000000"));
      sim.snapshot(
          Sim.T0,
          Sim.levels("100.0:1.000", "99.9:2.000", "99.8:3.000"),
          Sim.levels("100.1:1.000", "100.2:2.000", "100.3:3.000"));
    }

    Price price() {
      return Price.of(990 + rnd.nextInt(21), 1); // 99.0 .. 101.0
    }

    Quantity quantity(int maxUnits) {
      return Quantity.of(1 + rnd.nextInt(maxUnits), 3);
    }

    void step() {
      long now = Sim.T0 + next * 2L;
      int action = rnd.nextInt(100);
      ClientOrderId id = ClientOrderId.of("o" + next++);
      sim.clock.advanceTo(now);
      if (action < 25) {
        List<BookLevel> levels = new ArrayList<>();
        for (int i = rnd.nextInt(4); i >= 0; i--) {
          levels.add(new BookLevel(price(), Quantity.of(rnd.nextInt(4000), 3)));
        }
        if (rnd.nextBoolean()) {
          sim.delta(now, levels, List.of());
        } else {
          sim.delta(now, List.of(), levels);
        }
      } else if (action < 50) {
        sim.trade(
            now,
            price().toPlainString(),
            quantity(2000).toPlainString(),
            rnd.nextBoolean() ? Side.BUY : Side.SELL);
      } else if (action < 75) {
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        Quantity q = Quantity.of(50 + rnd.nextInt(950), 3);
        SubmitOrder order =
            SubmitOrder.limit(id, BTC, side, q, price(), TIFS[rnd.nextInt(TIFS.length)]);
        submit(rnd.nextInt(10) == 0 ? order.withReduceOnly() : order);
      } else if (action < 82) {
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        SubmitOrder order =
            SubmitOrder.market(id, BTC, side, Quantity.of(50 + rnd.nextInt(3000), 3));
        submit(rnd.nextInt(5) == 0 ? order.withReduceOnly() : order);
      } else if (action < 86) {
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        submit(
            new SubmitOrder(
                id,
                BTC,
                side,
                OrderType.STOP_MARKET,
                Quantity.of(100, 3),
                Optional.empty(),
                Optional.of(price()),
                TimeInForce.IOC,
                false));
      } else if (action < 94) {
        if (!sent.isEmpty()) {
          sim.venue.cancel(new CancelOrder(sent.get(rnd.nextInt(sent.size())), BTC));
        }
      } else if (action < 97) {
        sim.venue.onMarketEvent(MarkPrice.of(BTC, now, price()));
      } else {
        sim.venue.onMarketEvent(
            new FundingRate(
                BTC,
                now + next * 3_600_000L, // one settlement per step index: never a duplicate
                Decimal.of(rnd.nextInt(21) - 10, 5),
                Optional.of(price())));
      }
    }

    void submit(SubmitOrder order) {
      sent.add(order.clientOrderId());
      ordered.put(order.clientOrderId(), order.quantity());
      sim.venue.submit(order);
    }

    void finish() {
      sim.clock.advanceTo(Sim.T0 + next * 2L + 1_000);
      sim.venue.advance();
    }
  }

  private static SimulatedVenueConfig config(long venueSeed, boolean jitter) {
    return SimulatedVenueConfig.of(FillModel.book())
        .withOrderLatency(jitter ? new LatencyModel(0, 5) : LatencyModel.ZERO)
        .withSeed(venueSeed);
  }

  @Property(tries = 60)
  void queuePositionIsNeverNegativeAndFillsNeverExceedTheOrder(
      @ForAll long seed, @ForAll @IntRange(min = 20, max = 200) int steps) {
    Scenario s = new Scenario(config(seed, true), seed);
    for (int i = 0; i < steps; i++) {
      s.step();
      for (ClientOrderId id : s.sent) {
        s.sim.venue.queueAhead(id).ifPresent(q -> assertThat(q.signum()).isNotNegative());
      }
    }
    s.finish();
    Map<ClientOrderId, Quantity> filled = new HashMap<>();
    for (OrderFillEvent f : s.sim.fills()) {
      Quantity sum =
          filled
              .getOrDefault(f.clientOrderId(), Quantity.zero(3))
              .plus(f.execution().lastQuantity());
      filled.put(f.clientOrderId(), sum);
      assertThat(sum).isEqualTo(f.execution().cumulativeQuantity());
      assertThat(f.execution().orderQuantity()).isEqualTo(s.ordered.get(f.clientOrderId()));
    }
    filled.forEach((id, q) -> assertThat(q.compareTo(s.ordered.get(id))).isLessThanOrEqualTo(0));
  }

  @Property(tries = 60)
  void ledgerIsConservedThroughTheVenue(
      @ForAll long seed, @ForAll @IntRange(min = 20, max = 200) int steps) {
    Scenario s = new Scenario(config(seed, false), seed);
    for (int i = 0; i < steps; i++) {
      s.step();
    }
    s.finish();
    // Independent sums from the reported events.
    Money fees = Money.zero(Asset.USDT, 8);
    Decimal cash = Decimal.ZERO;
    Decimal signedQty = Decimal.ZERO;
    for (OrderFillEvent f : s.sim.fills()) {
      fees = fees.plus(f.execution().fee());
      Decimal notional = f.execution().lastPrice().times(f.execution().lastQuantity());
      Decimal q = Decimal.of(f.execution().lastQuantity().units(), 3);
      if (f.execution().side() == Side.BUY) {
        cash = cash.minus(notional);
        signedQty = signedQty.plus(q);
      } else {
        cash = cash.plus(notional);
        signedQty = signedQty.minus(q);
      }
    }
    Money funding = Money.zero(Asset.USDT, 8);
    for (VenueAccountEvent e : s.sim.accountEvents) {
      funding = funding.plus(((FundingSettled) e).amount());
    }
    net.jqwik.api.statistics.Statistics.label("fills")
        .collect(s.sim.fills().size() > 5 ? "more than 5" : "at most 5");
    net.jqwik.api.statistics.Statistics.label("funding")
        .collect(s.sim.accountEvents.isEmpty() ? "none" : "some");
    Price mark = s.sim.venue.referencePrice(BTC).orElseThrow();
    Money expected =
        Money.parse(Asset.USDT, "1000000")
            .minus(fees)
            .plus(funding)
            .plus(cash)
            .plus(signedQty.times(mark));
    Money actual = s.sim.venue.balance(Asset.USDT).plus(s.sim.venue.unrealisedPnl(Asset.USDT));
    assertThat(actual.compareValue(expected)).as(actual + " vs " + expected).isZero();
    assertThat(s.sim.venue.fees(Asset.USDT).compareValue(fees)).isZero();
    assertThat(s.sim.venue.funding(Asset.USDT).compareValue(funding)).isZero();
    Decimal position = s.sim.venue.position(BTC).map(p -> p.signedQuantity()).orElse(Decimal.ZERO);
    assertThat(position.compareValue(signedQty)).isZero();
  }

  @Property(tries = 30)
  void sameDataAndSeedGiveTheSameEventSequence(
      @ForAll long seed, @ForAll @IntRange(min = 20, max = 150) int steps) {
    List<List<Object>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Scenario s = new Scenario(config(seed, true), seed);
      for (int i = 0; i < steps; i++) {
        s.step();
      }
      s.finish();
      List<Object> log = new ArrayList<>();
      for (OrderEvent e : s.sim.events) {
        log.add(e);
      }
      log.addAll(s.sim.accountEvents);
      log.add(s.sim.venue.accountSnapshot());
      runs.add(log);
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }
}
