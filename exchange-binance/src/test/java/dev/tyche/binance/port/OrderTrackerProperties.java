package dev.tyche.binance.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The order filter: whatever the stream does to an order's true life cycle (duplicates, swaps,
 * drops), what passes the filter plus the REST truth offered afterwards is exactly the true life
 * cycle, in order.
 */
class OrderTrackerProperties {

  private static final ClientOrderId ID = ClientOrderId.of("p-1");
  private static final Symbol S = Symbol.of("BTCUSDT");
  private static final VenueOrderId V = VenueOrderId.of("77");

  /** The true life cycle: accepted, {@code fills} fills of 1..3 units, then filled or cancelled. */
  private static List<OrderEvent> truth(int fills, boolean cancelled, SplittableRandom rnd) {
    List<OrderEvent> out = new ArrayList<>();
    out.add(new OrderAccepted(ID, S, 1, V));
    long[] sizes = new long[fills];
    long total = 0;
    for (int i = 0; i < fills; i++) {
      sizes[i] = 1 + rnd.nextInt(3);
      total += sizes[i];
    }
    long orderQty = total + (cancelled ? 1 + rnd.nextInt(3) : 0);
    long cum = 0;
    for (int i = 0; i < fills; i++) {
      cum += sizes[i];
      Execution ex =
          new Execution(
              V,
              TradeId.of(Long.toString(500 + i)),
              Side.BUY,
              Price.parse("100.0"),
              Quantity.of(sizes[i], 3),
              Quantity.of(cum, 3),
              Quantity.of(orderQty - cum, 3),
              Money.zero(Asset.USDT, 2),
              Liquidity.MAKER);
      out.add(
          cum == orderQty
              ? new OrderFilled(ID, S, 10 + i, ex)
              : new OrderPartiallyFilled(ID, S, 10 + i, ex));
    }
    if (cancelled) {
      out.add(new OrderCancelled(ID, S, 100, Quantity.of(cum, 3)));
    }
    return out;
  }

  @Property(tries = 500)
  void streamFaultsPlusRestTruthGiveTheTrueLifeCycle(
      @ForAll @IntRange(min = 0, max = 6) int fills, @ForAll boolean cancelled, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean reallyCancelled = cancelled || fills == 0;
    List<OrderEvent> truth = truth(fills, reallyCancelled, rnd);
    List<OrderEvent> stream = new ArrayList<>();
    for (OrderEvent e : truth) {
      double u = rnd.nextDouble();
      if (u < 0.2) {
        continue; // dropped
      }
      stream.add(e);
      if (u < 0.35) {
        stream.add(e); // duplicated
      }
    }
    for (int i = 0; i + 1 < stream.size(); i++) {
      if (rnd.nextDouble() < 0.25) {
        OrderEvent a = stream.get(i);
        stream.set(i, stream.get(i + 1));
        stream.set(i + 1, a);
      }
    }
    OrderTracker t = new OrderTracker();
    List<OrderEvent> passed = new ArrayList<>();
    for (OrderEvent e : stream) {
      passed.addAll(t.offer(e).emit());
      // Anything reported must already be a prefix of the truth.
      assertThat(keys(truth.subList(0, Math.min(passed.size(), truth.size()))))
          .isEqualTo(keys(passed));
    }
    passed.addAll(t.applyTruth(truth).emit());
    assertThat(keys(passed)).isEqualTo(keys(truth));
    // Nothing more, whatever is replayed.
    for (OrderEvent e : stream) {
      assertThat(t.offer(e).emit()).isEmpty();
    }
    assertThat(t.applyTruth(truth).emit()).isEmpty();
    assertThat(t.open()).isEmpty();
  }

  /**
   * An event without its time when it is an acknowledgement (a synthesised one carries the time of
   * the fill that overtook it).
   */
  private static List<Object> keys(List<OrderEvent> events) {
    List<Object> out = new ArrayList<>();
    for (OrderEvent e : events) {
      out.add(e instanceof OrderAccepted ? "accepted " + ((OrderAccepted) e).venueOrderId() : e);
    }
    return out;
  }

  @Test
  void fillBeforeAcknowledgementSynthesisesIt() {
    List<OrderEvent> truth = truth(1, false, new SplittableRandom(1));
    OrderTracker t = new OrderTracker();
    List<OrderEvent> out = t.offer(truth.get(1)).emit();
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isInstanceOf(OrderAccepted.class);
    assertThat(((OrderAccepted) out.get(0)).venueOrderId()).isEqualTo(V);
    assertThat(out.get(1)).isEqualTo(truth.get(1));
    assertThat(t.offer(truth.get(0)).emit()).isEmpty();
  }

  @Test
  void gapAsksForRestAndRegistrationRefusesDuplicates() {
    List<OrderEvent> truth = truth(3, false, new SplittableRandom(2));
    OrderTracker t = new OrderTracker();
    assertThat(t.register(ID, S, false)).isTrue();
    assertThat(t.register(ID, S, false)).isFalse();
    t.offer(truth.get(0));
    OrderTracker.Result r = t.offer(truth.get(2));
    assertThat(r.emit()).isEmpty();
    assertThat(r.needsResync()).isTrue();
    assertThat(t.open()).hasSize(1);
  }
}
