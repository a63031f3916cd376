package dev.tyche.execution.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All orders of one engine, each an {@link OrderStateMachine}, keyed by client order id, with the
 * per-strategy id generators and running open-order counts for the risk gate.
 *
 * <p>Orders iterate in creation order, so anything derived from the manager (reconciliation
 * requests, snapshots) is deterministic. Terminal orders stay until {@link #purgeTerminal()}; a
 * re-delivered event for a purged order is then reported as unknown by {@link #contains}.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class OrderManager {
  private final Map<ClientOrderId, OrderStateMachine> orders = new LinkedHashMap<>();
  private final Map<StrategyId, ClientOrderIds> ids = new HashMap<>();
  private final Map<Symbol, int[]> openBySymbol = new HashMap<>();
  private int open;

  /** An empty manager. */
  public OrderManager() {}

  /**
   * The id generator of a strategy, created on first use.
   *
   * @param strategyId the strategy
   * @return its generator, shared by every call
   */
  public ClientOrderIds ids(StrategyId strategyId) {
    Objects.requireNonNull(strategyId, "strategyId must not be null");
    return ids.computeIfAbsent(strategyId, ClientOrderIds::new);
  }

  /**
   * Registers a new order in {@link OrderState#PENDING_SUBMIT}.
   *
   * @param strategyId the owning strategy
   * @param order the order
   * @return {@link Outcome#APPLIED} for a new order; {@link Outcome#DUPLICATE_IGNORED} if the same
   *     strategy already submitted an equal order under this id (a resend: nothing is created and
   *     nothing must be sent again)
   * @throws IllegalArgumentException if the id is already used by a different order or strategy
   */
  public Outcome create(StrategyId strategyId, SubmitOrder order) {
    Objects.requireNonNull(strategyId, "strategyId must not be null");
    Objects.requireNonNull(order, "order must not be null");
    OrderStateMachine known = orders.get(order.clientOrderId());
    if (known != null) {
      if (known.strategyId().equals(strategyId) && known.order().equals(order)) {
        return Outcome.DUPLICATE_IGNORED;
      }
      throw new IllegalArgumentException(
          "clientOrderId "
              + order.clientOrderId()
              + " is already used by "
              + known.strategyId()
              + " for "
              + known.order()
              + "; client order ids must be unique (use nextClientOrderId())");
    }
    orders.put(order.clientOrderId(), new OrderStateMachine(strategyId, order));
    ids(strategyId).observe(order.clientOrderId());
    return Outcome.APPLIED;
  }

  /**
   * Applies a venue or engine event to its order.
   *
   * @param event the event
   * @return what the order did with it
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalOrderTransitionException if the order refuses the event
   */
  public Outcome apply(OrderEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    OrderStateMachine m = require(event.clientOrderId());
    boolean wasOpen = m.state().isOpen();
    Outcome outcome = m.apply(event);
    recount(m, wasOpen);
    return outcome;
  }

  /**
   * Records a cancel request.
   *
   * @param id the order
   * @return {@link Outcome#APPLIED} if the cancel must be sent, else {@link
   *     Outcome#DUPLICATE_IGNORED}
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalOrderTransitionException if the order was never sent
   */
  public Outcome requestCancel(ClientOrderId id) {
    OrderStateMachine m = require(id);
    boolean wasOpen = m.state().isOpen();
    Outcome outcome = m.requestCancel();
    recount(m, wasOpen);
    return outcome;
  }

  /**
   * Records that the venue's reply about an order was lost.
   *
   * @param id the order
   * @return {@link Outcome#APPLIED} if it became {@link OrderState#UNKNOWN}, else {@link
   *     Outcome#DUPLICATE_IGNORED}
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalOrderTransitionException if the order was never sent
   */
  public Outcome markUnknown(ClientOrderId id) {
    OrderStateMachine m = require(id);
    boolean wasOpen = m.state().isOpen();
    Outcome outcome = m.markUnknown();
    recount(m, wasOpen);
    return outcome;
  }

  /**
   * Whether the manager holds an order.
   *
   * @param id the client order id
   * @return true if known (and not purged)
   */
  public boolean contains(ClientOrderId id) {
    return orders.containsKey(id);
  }

  /**
   * The state of an order.
   *
   * @param id the client order id
   * @return the state, or empty if unknown
   */
  public Optional<OrderState> state(ClientOrderId id) {
    OrderStateMachine m = orders.get(id);
    return m == null ? Optional.empty() : Optional.of(m.state());
  }

  /**
   * The strategy that owns an order.
   *
   * @param id the client order id
   * @return the strategy, or empty if unknown
   */
  public Optional<StrategyId> owner(ClientOrderId id) {
    OrderStateMachine m = orders.get(id);
    return m == null ? Optional.empty() : Optional.of(m.strategyId());
  }

  /**
   * A snapshot of one order.
   *
   * @param id the client order id
   * @return the snapshot, or empty if unknown
   */
  public Optional<OrderSnapshot> snapshot(ClientOrderId id) {
    OrderStateMachine m = orders.get(id);
    return m == null ? Optional.empty() : Optional.of(m.snapshot());
  }

  /**
   * Snapshots of every order, in creation order.
   *
   * @return an immutable list
   */
  public List<OrderSnapshot> snapshots() {
    List<OrderSnapshot> out = new ArrayList<>(orders.size());
    for (OrderStateMachine m : orders.values()) {
      out.add(m.snapshot());
    }
    return List.copyOf(out);
  }

  /**
   * Snapshots of the orders that are not terminal (including {@link OrderState#PENDING_SUBMIT}), in
   * creation order: the ones to reconcile with the venue after a restart.
   *
   * @return an immutable list
   */
  public List<OrderSnapshot> nonTerminal() {
    List<OrderSnapshot> out = new ArrayList<>();
    for (OrderStateMachine m : orders.values()) {
      if (!m.state().isTerminal()) {
        out.add(m.snapshot());
      }
    }
    return List.copyOf(out);
  }

  /**
   * The number of open orders (see {@link OrderState#isOpen()}), all symbols. O(1).
   *
   * @return the count
   */
  public int openOrders() {
    return open;
  }

  /**
   * The number of open orders in one symbol. O(1).
   *
   * @param symbol the instrument
   * @return the count
   */
  public int openOrders(Symbol symbol) {
    int[] n = openBySymbol.get(symbol);
    return n == null ? 0 : n[0];
  }

  /**
   * The number of open orders of one strategy in one symbol. O(number of orders).
   *
   * @param strategyId the strategy
   * @param symbol the instrument
   * @return the count
   */
  public int openOrders(StrategyId strategyId, Symbol symbol) {
    int n = 0;
    for (OrderStateMachine m : orders.values()) {
      if (m.state().isOpen()
          && m.strategyId().equals(strategyId)
          && m.order().symbol().equals(symbol)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The number of orders held.
   *
   * @return the count, terminal ones included until purged
   */
  public int size() {
    return orders.size();
  }

  /**
   * Forgets every terminal order, so that a long-running engine does not grow without bound. The id
   * generators keep their counters, so purged ids are never issued again.
   *
   * @return how many orders were removed
   */
  public int purgeTerminal() {
    int removed = 0;
    for (Iterator<OrderStateMachine> it = orders.values().iterator(); it.hasNext(); ) {
      if (it.next().state().isTerminal()) {
        it.remove();
        removed++;
      }
    }
    return removed;
  }

  private OrderStateMachine require(ClientOrderId id) {
    Objects.requireNonNull(id, "clientOrderId must not be null");
    OrderStateMachine m = orders.get(id);
    if (m == null) {
      throw new IllegalArgumentException("unknown order " + id);
    }
    return m;
  }

  private void recount(OrderStateMachine m, boolean wasOpen) {
    boolean isOpen = m.state().isOpen();
    if (wasOpen == isOpen) {
      return;
    }
    int delta = isOpen ? 1 : -1;
    open += delta;
    openBySymbol.computeIfAbsent(m.order().symbol(), s -> new int[1])[0] += delta;
  }
}
