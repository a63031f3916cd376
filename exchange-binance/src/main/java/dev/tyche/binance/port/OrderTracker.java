package dev.tyche.binance.port;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderRejected;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine has been told about each order, and the filter that turns the venue's raw,
 * possibly duplicated, reordered or gapped reports into a clean life cycle per order.
 *
 * <p>Rules, per client order id: at most one {@link OrderAccepted} (synthesised from a fill's venue
 * order id when a fill overtakes the acknowledgement); a fill is passed on once per (venue order
 * id, trade id) and only if it continues the reported cumulative quantity, otherwise the order
 * needs a resynchronisation from REST (an earlier fill is missing or arrives late); a cancel or an
 * expiry is passed on only after the acknowledgement and if its filled quantity equals what was
 * reported; nothing is passed on after a terminal event. REST truth ({@link #applyTruth}) goes
 * through the same rules in its canonical order (acknowledgement, fills by time, terminal event),
 * so it fills exactly the gaps.
 *
 * <p>Mutable; confined to one thread (the execution client calls it under its lock).
 */
final class OrderTracker {

  /** The outcome of offering events: what to pass on and whether REST truth is needed. */
  record Result(List<OrderEvent> emit, boolean needsResync) {
    Result {
      emit = List.copyOf(emit);
    }
  }

  /** What is known of one order. */
  static final class Entry {
    final ClientOrderId id;
    final Symbol symbol;
    boolean algo;
    boolean accepted;
    boolean terminal;
    boolean unresolved;
    Quantity filled = Quantity.zero(0);
    final Set<String> trades = new HashSet<>();
    OrderEvent last;

    Entry(ClientOrderId id, Symbol symbol) {
      this.id = id;
      this.symbol = symbol;
    }
  }

  private final Map<ClientOrderId, Entry> entries = new HashMap<>();

  /**
   * Registers an order about to be sent.
   *
   * @param id the client order id
   * @param symbol the symbol
   * @param algo whether it goes to the algo (conditional) endpoint
   * @return false if the id is already known (a duplicate)
   */
  boolean register(ClientOrderId id, Symbol symbol, boolean algo) {
    if (entries.containsKey(id)) {
      return false;
    }
    Entry e = new Entry(id, symbol);
    e.algo = algo;
    entries.put(id, e);
    return true;
  }

  Optional<Entry> entry(ClientOrderId id) {
    return Optional.ofNullable(entries.get(id));
  }

  /**
   * Orders that are neither terminal nor waiting for an unknown outcome to be resolved.
   *
   * @return their ids
   */
  List<Entry> open() {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (!e.terminal) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Offers one event reported by the venue (stream or REST reply).
   *
   * @param event the event
   * @return what to pass on, and whether the order needs REST truth
   */
  Result offer(OrderEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    Entry e = entries.computeIfAbsent(event.clientOrderId(), k -> new Entry(k, event.symbol()));
    List<OrderEvent> out = new ArrayList<>(2);
    boolean resync = apply(e, event, out);
    return new Result(out, resync);
  }

  /**
   * Offers the venue's full account of one order from REST, in canonical order.
   *
   * @param events acknowledgement, fills in execution order, terminal event
   * @return what to pass on; a status answer that adds nothing repeats the latest event
   */
  Result applyTruth(List<OrderEvent> events) {
    List<OrderEvent> out = new ArrayList<>();
    boolean resync = false;
    for (OrderEvent ev : events) {
      Entry e = entries.computeIfAbsent(ev.clientOrderId(), k -> new Entry(k, ev.symbol()));
      resync |= apply(e, ev, out);
    }
    return new Result(out, resync);
  }

  private static boolean apply(Entry e, OrderEvent ev, List<OrderEvent> out) {
    if (e.terminal) {
      return false;
    }
    if (ev instanceof OrderAccepted) {
      if (!e.accepted) {
        e.accepted = true;
        emit(e, ev, out);
      }
      return false;
    }
    if (ev instanceof OrderFillEvent) {
      OrderFillEvent f = (OrderFillEvent) ev;
      String key = f.execution().venueOrderId().value() + "/" + f.execution().tradeId().value();
      if (e.trades.contains(key)) {
        return false;
      }
      Quantity before = f.execution().cumulativeQuantity().minus(f.execution().lastQuantity());
      if (before.compareTo(e.filled) != 0) {
        return true; // an earlier fill is missing (or this one is stale): ask REST
      }
      if (!e.accepted) {
        e.accepted = true;
        emit(
            e, new OrderAccepted(e.id, e.symbol, f.eventTime(), f.execution().venueOrderId()), out);
      }
      e.trades.add(key);
      e.filled = f.execution().cumulativeQuantity();
      e.terminal = f instanceof OrderFilled;
      emit(e, ev, out);
      return false;
    }
    Quantity filledAtEnd = null;
    if (ev instanceof OrderCancelled) {
      filledAtEnd = ((OrderCancelled) ev).filledQuantity();
    } else if (ev instanceof OrderExpired) {
      filledAtEnd = ((OrderExpired) ev).filledQuantity();
    }
    if (filledAtEnd != null) {
      if (!e.accepted || filledAtEnd.compareTo(e.filled) != 0) {
        // The end overtook the acknowledgement or fills (Binance always acknowledges first):
        // ask REST for the whole account.
        return true;
      }
      e.terminal = true;
      emit(e, ev, out);
      return false;
    }
    if (ev instanceof OrderRejected) {
      e.terminal = true;
      emit(e, ev, out);
    }
    return false;
  }

  private static void emit(Entry e, OrderEvent ev, List<OrderEvent> out) {
    e.last = ev;
    out.add(ev);
  }
}
