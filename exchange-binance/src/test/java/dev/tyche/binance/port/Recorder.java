package dev.tyche.binance.port;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.port.OrderEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Records order events from any thread and waits for conditions. Thread-safe. */
final class Recorder implements OrderEventListener {
  private final List<OrderEvent> list = new ArrayList<>();

  @Override
  public synchronized void onOrderEvent(OrderEvent event) {
    list.add(event);
    notifyAll();
  }

  synchronized List<OrderEvent> all() {
    return List.copyOf(list);
  }

  synchronized List<OrderEvent> of(ClientOrderId id) {
    List<OrderEvent> out = new ArrayList<>();
    for (OrderEvent e : list) {
      if (e.clientOrderId().equals(id)) {
        out.add(e);
      }
    }
    return out;
  }

  <T extends OrderEvent> T await(ClientOrderId id, Class<T> type, long timeoutMillis) {
    awaitTrue(
        () -> of(id).stream().anyMatch(type::isInstance),
        timeoutMillis,
        id.value() + " " + type.getSimpleName());
    return type.cast(of(id).stream().filter(type::isInstance).findFirst().orElseThrow());
  }

  /** Waits up to the timeout for the condition; returns whether it holds. */
  synchronized boolean waitFor(BooleanSupplier condition, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (deadline - System.nanoTime() <= 0) {
        return false;
      }
      try {
        wait(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Waits (woken by events, else polling every millisecond) until the condition holds. */
  synchronized boolean awaitTrue(BooleanSupplier condition, long timeoutMillis, String what) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + what + " within " + timeoutMillis + " ms; events " + list);
      }
      try {
        wait(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return true;
  }
}
