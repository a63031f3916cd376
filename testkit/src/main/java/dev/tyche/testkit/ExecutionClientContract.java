package dev.tyche.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.port.ExecutionClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ExecutionClient} implementation must meet, as seen by the engine. A
 * concrete subclass supplies the client under test and hooks that drive its venue's market; the
 * suite then checks the order life cycle through the port alone.
 *
 * <p>Assumptions about the venue: it trades {@link #instrument()}, its market is at {@link
 * #referencePrice()} when the test starts (a buy limit ten ticks below rests), and {@link
 * #marketTradesAt(Price)} makes the market trade at a price so that resting orders at or through it
 * fill completely. Events may arrive on any thread; the suite waits up to {@link #eventTimeout()}
 * for each expected one.
 *
 * <p>The defined outcomes the suite pins down: a cancel of an unknown order produces no event and
 * no exception; a second order with a client order id the venue already knows is answered with an
 * {@code OrderRejected} for that id and leaves the first order working; a status request is
 * answered with an event reflecting the order's current state, and with an {@code OrderRejected}
 * for an order the venue does not know (so that an engine can resolve a lost submit); before {@code
 * start} every call throws {@code IllegalStateException} and nothing is reported.
 */
public abstract class ExecutionClientContract {

  /** The client under test, started by {@link #setUp()} unless a test says otherwise. */
  protected ExecutionClient client;

  /** What the client reported, in order. */
  protected final Recorder events = new Recorder();

  private int ids;

  /**
   * A new, unstarted client connected to a fresh venue.
   *
   * @return the client
   */
  protected abstract ExecutionClient newClient();

  /**
   * The instrument the venue trades.
   *
   * @return the instrument
   */
  protected abstract Instrument instrument();

  /**
   * The market price when a test starts.
   *
   * @return a price on the tick grid
   */
  protected abstract Price referencePrice();

  /**
   * Makes the venue's market trade at a price.
   *
   * @param price the price
   */
  protected abstract void marketTradesAt(Price price);

  /**
   * How long to wait for an expected event.
   *
   * @return the timeout
   */
  protected Duration eventTimeout() {
    return Duration.ofSeconds(5);
  }

  /** Creates the client (not started). */
  @BeforeEach
  void setUp() {
    client = newClient();
  }

  /** Closes the client. */
  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void restingLimitOrderIsAcceptedThenFilledInOrder() {
    client.start(events);
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    OrderAccepted accepted = events.await(buy.clientOrderId(), OrderAccepted.class);
    marketTradesAt(buy.limitPrice().orElseThrow());
    OrderFilled filled = events.await(buy.clientOrderId(), OrderFilled.class);

    List<OrderEvent> mine = events.of(buy.clientOrderId());
    assertThat(mine.get(0)).isEqualTo(accepted);
    assertThat(mine.get(mine.size() - 1)).isEqualTo(filled);
    Quantity sum = Quantity.zero(buy.quantity().scale());
    for (OrderEvent e : mine) {
      if (e instanceof OrderFillEvent) {
        OrderFillEvent f = (OrderFillEvent) e;
        sum = sum.plus(f.execution().lastQuantity());
        assertThat(f.execution().cumulativeQuantity().compareTo(sum)).isZero();
        assertThat(f.execution().venueOrderId()).isEqualTo(accepted.venueOrderId());
        assertThat(f.execution().side()).isEqualTo(Side.BUY);
        assertThat(f.execution().lastPrice().compareTo(buy.limitPrice().orElseThrow()))
            .isLessThanOrEqualTo(0);
      }
    }
    assertThat(sum.compareTo(buy.quantity())).isZero();
    assertThat(filled.isTerminal()).isTrue();
  }

  @Test
  void cancelOfRestingOrderReportsCancelled() {
    client.start(events);
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    events.await(buy.clientOrderId(), OrderAccepted.class);
    client.cancel(new dev.tyche.core.order.CancelOrder(buy.clientOrderId(), buy.symbol()));
    OrderCancelled cancelled = events.await(buy.clientOrderId(), OrderCancelled.class);
    assertThat(cancelled.filledQuantity().isZero()).isTrue();

    // Nothing fills after the cancel, even if the market trades through the old limit.
    marketTradesAt(buy.limitPrice().orElseThrow());
    SubmitOrder probe = restingBuy();
    client.submit(probe);
    events.await(probe.clientOrderId(), OrderAccepted.class);
    assertThat(events.of(buy.clientOrderId()))
        .noneMatch(e -> e instanceof OrderFillEvent)
        .last()
        .isEqualTo(cancelled);
  }

  @Test
  void cancelOfUnknownOrderReportsNothingAndDoesNotThrow() {
    client.start(events);
    ClientOrderId unknown = ClientOrderId.of("contract-unknown-1");
    client.cancel(new dev.tyche.core.order.CancelOrder(unknown, instrument().symbol()));
    // A later order's acknowledgement is a barrier: the venue handled the cancel before it.
    SubmitOrder probe = restingBuy();
    client.submit(probe);
    events.await(probe.clientOrderId(), OrderAccepted.class);
    assertThat(events.of(unknown)).isEmpty();
  }

  @Test
  void duplicateClientOrderIdIsRejectedAndFirstOrderKeepsWorking() {
    client.start(events);
    SubmitOrder first = restingBuy();
    client.submit(first);
    events.await(first.clientOrderId(), OrderAccepted.class);
    SubmitOrder again =
        SubmitOrder.limit(
            first.clientOrderId(),
            first.symbol(),
            Side.BUY,
            first.quantity(),
            first.limitPrice().orElseThrow(),
            TimeInForce.GTC);
    client.submit(again);
    OrderRejected rejected = events.await(first.clientOrderId(), OrderRejected.class);
    assertThat(rejected.reason()).isNotBlank();

    marketTradesAt(first.limitPrice().orElseThrow());
    events.await(first.clientOrderId(), OrderFilled.class);
  }

  @Test
  void statusRequestAnswersWithCurrentState() {
    client.start(events);
    SubmitOrder buy = restingBuy();
    client.submit(buy);
    OrderAccepted accepted = events.await(buy.clientOrderId(), OrderAccepted.class);

    int before = events.of(buy.clientOrderId()).size();
    client.requestStatus(buy.clientOrderId(), buy.symbol());
    OrderEvent working = events.awaitNth(buy.clientOrderId(), before + 1);
    assertThat(working).isInstanceOf(OrderAccepted.class);
    assertThat(((OrderAccepted) working).venueOrderId()).isEqualTo(accepted.venueOrderId());

    marketTradesAt(buy.limitPrice().orElseThrow());
    OrderFilled filled = events.await(buy.clientOrderId(), OrderFilled.class);
    before = events.of(buy.clientOrderId()).size();
    client.requestStatus(buy.clientOrderId(), buy.symbol());
    OrderEvent done = events.awaitNth(buy.clientOrderId(), before + 1);
    assertThat(done).isInstanceOf(OrderFilled.class);
    assertThat(((OrderFilled) done).execution().tradeId()).isEqualTo(filled.execution().tradeId());

    ClientOrderId never = ClientOrderId.of("contract-never-sent");
    client.requestStatus(never, buy.symbol());
    assertThat(events.await(never, OrderRejected.class).clientOrderId()).isEqualTo(never);
  }

  @Test
  void nothingBeforeStartAndEventsAfterIt() {
    SubmitOrder buy = restingBuy();
    assertThatThrownBy(() -> client.submit(buy)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.requestStatus(buy.clientOrderId(), buy.symbol()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(events.all()).isEmpty();

    client.start(events);
    client.submit(buy);
    assertThat(events.await(buy.clientOrderId(), OrderAccepted.class).clientOrderId())
        .isEqualTo(buy.clientOrderId());
  }

  /** A buy limit ten ticks below the reference price, of the minimum quantity times four. */
  protected SubmitOrder restingBuy() {
    Instrument i = instrument();
    Price limit = referencePrice().plusTicks(-10, i.tickSize());
    Quantity qty = i.minQuantity().times(4);
    return SubmitOrder.limit(
        ClientOrderId.of("contract-" + ++ids), i.symbol(), Side.BUY, qty, limit, TimeInForce.GTC);
  }

  /**
   * Records events from any thread and waits for expected ones.
   *
   * <p>Thread-safe.
   */
  @dev.tyche.core.SuppressForbidden(
      reason = "an asynchronous adapter is given a real-time deadline to deliver its events")
  protected final class Recorder implements dev.tyche.core.port.OrderEventListener {
    private final List<OrderEvent> list = new ArrayList<>();

    @Override
    public synchronized void onOrderEvent(OrderEvent event) {
      list.add(event);
      notifyAll();
    }

    /** Every event so far. */
    public synchronized List<OrderEvent> all() {
      return List.copyOf(list);
    }

    /** The events of one order so far. */
    public synchronized List<OrderEvent> of(ClientOrderId id) {
      List<OrderEvent> out = new ArrayList<>();
      for (OrderEvent e : list) {
        if (e.clientOrderId().equals(id)) {
          out.add(e);
        }
      }
      return out;
    }

    /** Waits for the first event of a type for an order. */
    public <T extends OrderEvent> T await(ClientOrderId id, Class<T> type) {
      OrderEvent e =
          awaitMatch(
              x -> x.clientOrderId().equals(id) && type.isInstance(x),
              id + " " + type.getSimpleName());
      return type.cast(e);
    }

    /** Waits until an order has {@code n} events and returns the n-th (1-based). */
    public synchronized OrderEvent awaitNth(ClientOrderId id, int n) {
      long deadline = System.nanoTime() + eventTimeout().toNanos();
      while (of(id).size() < n) {
        waitUntil(deadline, "event #" + n + " of " + id);
      }
      return of(id).get(n - 1);
    }

    private synchronized OrderEvent awaitMatch(Predicate<OrderEvent> p, String what) {
      long deadline = System.nanoTime() + eventTimeout().toNanos();
      while (true) {
        for (OrderEvent e : list) {
          if (p.test(e)) {
            return e;
          }
        }
        waitUntil(deadline, what);
      }
    }

    private void waitUntil(long deadline, String what) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + what + " within " + eventTimeout() + "; events: " + list);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
