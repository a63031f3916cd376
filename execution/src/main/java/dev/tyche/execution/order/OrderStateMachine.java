package dev.tyche.execution.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderSubmitted;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.strategy.StrategyId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state machine of one order: it applies the engine's own steps (risk decision, cancel request,
 * lost reply) and the venue's events, refusing every transition that cannot happen.
 *
 * <p><b>Transitions</b> (anything not listed throws {@link IllegalOrderTransitionException} and
 * leaves the order unchanged):
 *
 * <ul>
 *   <li>{@code OrderDenied}: PENDING_SUBMIT to DENIED. {@code OrderSubmitted}: PENDING_SUBMIT to
 *       SUBMITTED.
 *   <li>{@code OrderAccepted}: SUBMITTED or UNKNOWN to ACCEPTED (to PARTIALLY_FILLED if something
 *       already filled); in CANCEL_PENDING it records the venue id and stays.
 *   <li>fill ({@code OrderPartiallyFilled} / {@code OrderFilled}): from SUBMITTED, ACCEPTED,
 *       PARTIALLY_FILLED, CANCEL_PENDING or UNKNOWN. A partial fill leads to PARTIALLY_FILLED (a
 *       pending cancel stays CANCEL_PENDING), a complete fill to FILLED.
 *   <li>{@code OrderCancelled} / {@code OrderExpired}: from SUBMITTED, ACCEPTED, PARTIALLY_FILLED,
 *       CANCEL_PENDING or UNKNOWN to CANCELLED / EXPIRED.
 *   <li>{@code OrderRejected}: from SUBMITTED or UNKNOWN, and from CANCEL_PENDING if the venue
 *       never accepted the order, to REJECTED.
 *   <li>{@link #requestCancel()}: SUBMITTED, ACCEPTED, PARTIALLY_FILLED or UNKNOWN to
 *       CANCEL_PENDING.
 *   <li>{@link #markUnknown()}: SUBMITTED, ACCEPTED, PARTIALLY_FILLED or CANCEL_PENDING to UNKNOWN.
 * </ul>
 *
 * <p><b>Idempotent re-deliveries</b> return {@link Outcome#DUPLICATE_IGNORED} and change nothing: a
 * fill whose trade id this order already applied (exactly-once fills; trade ids are kept per order
 * because Binance numbers trades per symbol, so a self-trade reports the same trade id for two of
 * our orders); an {@code OrderAccepted} or {@code OrderSubmitted} that arrives after the order
 * moved past it (a status reply overtaken by the stream); an event of the same kind as the one that
 * ended the order, arriving after it (a status reply for a finished order); a second cancel
 * request; a cancel request or a lost-reply mark for a finished order.
 *
 * <p><b>Exact fills.</b> The filled quantity is the exact sum of the applied executions' {@code
 * lastQuantity}; a fill that would take it past the order quantity, a partial fill that would
 * complete it and a complete fill that would not are refused. The venue's {@code
 * cumulativeQuantity} must agree with that sum: a disagreement means a fill was missed or invented
 * and is refused rather than papered over. The {@code filledQuantity} of a cancel or expiry is the
 * venue's information; the order's own sum is authoritative.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class OrderStateMachine {
  private final StrategyId strategyId;
  private final SubmitOrder order;
  // The applied trade ids: most orders fill once or never, so the first one is kept in a field and
  // a set is made only for a second.
  private TradeId firstTradeId;
  private Set<TradeId> moreTradeIds;
  private OrderState state = OrderState.PENDING_SUBMIT;
  private Quantity filled;
  private VenueOrderId venueOrderId;
  private boolean everAccepted;
  private long updateCount;

  /**
   * A new order in {@link OrderState#PENDING_SUBMIT}.
   *
   * @param strategyId the strategy that owns it
   * @param order the order as the strategy submitted it
   */
  public OrderStateMachine(StrategyId strategyId, SubmitOrder order) {
    this.strategyId = Objects.requireNonNull(strategyId, "strategyId must not be null");
    this.order = Objects.requireNonNull(order, "order must not be null");
    this.filled = Quantity.zero(order.quantity().scale());
  }

  /**
   * The owning strategy.
   *
   * @return the strategy id
   */
  public StrategyId strategyId() {
    return strategyId;
  }

  /**
   * The order as submitted.
   *
   * @return the command
   */
  public SubmitOrder order() {
    return order;
  }

  /**
   * The client order id.
   *
   * @return the id
   */
  public ClientOrderId clientOrderId() {
    return order.clientOrderId();
  }

  /**
   * The current state.
   *
   * @return the state
   */
  public OrderState state() {
    return state;
  }

  /**
   * The exact sum of the applied fills.
   *
   * @return the filled quantity, at most the order quantity
   */
  public Quantity filledQuantity() {
    return filled;
  }

  /**
   * The quantity not filled yet (zero once the order is terminal only if it filled).
   *
   * @return order quantity minus filled quantity
   */
  public Quantity leavesQuantity() {
    return order.quantity().minus(filled);
  }

  /**
   * The venue's id of the order, once an acceptance or fill reported it.
   *
   * @return the id, or empty
   */
  public Optional<VenueOrderId> venueOrderId() {
    return Optional.ofNullable(venueOrderId);
  }

  /**
   * Whether a trade id was already applied to this order.
   *
   * @param tradeId the venue's trade id
   * @return true if a fill with this id was applied
   */
  public boolean hasTrade(TradeId tradeId) {
    return firstTradeId != null
        && (firstTradeId.equals(tradeId)
            || (moreTradeIds != null && moreTradeIds.contains(tradeId)));
  }

  /**
   * The number of fills applied.
   *
   * @return the count of distinct trade ids
   */
  public int fillCount() {
    return firstTradeId == null ? 0 : 1 + (moreTradeIds == null ? 0 : moreTradeIds.size());
  }

  /**
   * How many inputs changed this order so far.
   *
   * @return the count of {@link Outcome#APPLIED} inputs
   */
  public long updateCount() {
    return updateCount;
  }

  /**
   * An immutable copy of the order's state.
   *
   * @return the snapshot
   */
  public OrderSnapshot snapshot() {
    return new OrderSnapshot(
        strategyId, order, state, filled, Optional.ofNullable(venueOrderId), fillCount());
  }

  /**
   * Applies an event about this order.
   *
   * @param event the event; its client order id and symbol must be this order's
   * @return {@link Outcome#APPLIED} or {@link Outcome#DUPLICATE_IGNORED}
   * @throws IllegalOrderTransitionException if the event cannot happen now (see the class comment)
   */
  public Outcome apply(OrderEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (!event.clientOrderId().equals(order.clientOrderId())
        || !event.symbol().equals(order.symbol())) {
      throw illegal(
          "event is for "
              + event.clientOrderId()
              + " on "
              + event.symbol()
              + " but this order is on "
              + order.symbol());
    }
    if (event instanceof OrderFillEvent) {
      return applyFill((OrderFillEvent) event);
    }
    if (state.isTerminal()) {
      return afterTerminal(event);
    }
    if (event instanceof OrderSubmitted) {
      if (state == OrderState.PENDING_SUBMIT) {
        return move(OrderState.SUBMITTED);
      }
      // Already past it: the engine's own event was replayed or re-delivered.
      return Outcome.DUPLICATE_IGNORED;
    }
    if (event instanceof OrderDenied) {
      requireState(event, OrderState.PENDING_SUBMIT);
      return move(OrderState.DENIED);
    }
    requireSentToVenue(event);
    if (event instanceof OrderAccepted) {
      return applyAccepted((OrderAccepted) event);
    }
    if (event instanceof OrderRejected) {
      if (everAccepted) {
        throw illegal("OrderRejected after the venue accepted the order");
      }
      return move(OrderState.REJECTED);
    }
    if (event instanceof OrderCancelled) {
      return move(OrderState.CANCELLED);
    }
    if (event instanceof OrderExpired) {
      return move(OrderState.EXPIRED);
    }
    throw illegal("unexpected event " + event.getClass().getSimpleName());
  }

  /**
   * Records that the engine sent a cancel request.
   *
   * @return {@link Outcome#APPLIED} if the cancel should go to the venue, {@link
   *     Outcome#DUPLICATE_IGNORED} if one is already pending or the order is already finished
   * @throws IllegalOrderTransitionException if the order has not been sent yet
   */
  public Outcome requestCancel() {
    if (state.isTerminal() || state == OrderState.CANCEL_PENDING) {
      return Outcome.DUPLICATE_IGNORED;
    }
    if (state == OrderState.PENDING_SUBMIT) {
      throw illegal("cannot cancel an order that has not passed the risk gate");
    }
    return move(OrderState.CANCEL_PENDING);
  }

  /**
   * Records that the venue's answer about this order was lost (a timeout): the order moves to
   * {@link OrderState#UNKNOWN} until the next venue event for it.
   *
   * @return {@link Outcome#APPLIED}, or {@link Outcome#DUPLICATE_IGNORED} if the order is already
   *     unknown or finished
   * @throws IllegalOrderTransitionException if the order has not been sent yet
   */
  public Outcome markUnknown() {
    if (state.isTerminal() || state == OrderState.UNKNOWN) {
      return Outcome.DUPLICATE_IGNORED;
    }
    if (state == OrderState.PENDING_SUBMIT) {
      throw illegal("an order that was never sent cannot have a lost reply");
    }
    return move(OrderState.UNKNOWN);
  }

  private Outcome applyAccepted(OrderAccepted accepted) {
    if (venueOrderId != null && !venueOrderId.equals(accepted.venueOrderId())) {
      throw illegal(
          "OrderAccepted with venue id "
              + accepted.venueOrderId()
              + " but the venue already called it "
              + venueOrderId);
    }
    switch (state) {
      case SUBMITTED:
      case UNKNOWN:
        venueOrderId = accepted.venueOrderId();
        everAccepted = true;
        return move(filled.isZero() ? OrderState.ACCEPTED : OrderState.PARTIALLY_FILLED);
      case CANCEL_PENDING:
        if (everAccepted) {
          return Outcome.DUPLICATE_IGNORED;
        }
        venueOrderId = accepted.venueOrderId();
        everAccepted = true;
        updateCount++;
        return Outcome.APPLIED;
      default:
        // ACCEPTED or PARTIALLY_FILLED: the venue already told us; a status reply repeats it.
        return Outcome.DUPLICATE_IGNORED;
    }
  }

  private Outcome applyFill(OrderFillEvent event) {
    Execution e = event.execution();
    if (hasTrade(e.tradeId())) {
      return Outcome.DUPLICATE_IGNORED;
    }
    if (state.isTerminal()) {
      throw illegal("new fill " + e.tradeId() + " after the order ended");
    }
    requireSentToVenue(event);
    if (e.side() != order.side()) {
      throw illegal(
          "fill " + e.tradeId() + " is a " + e.side() + " but the order is a " + order.side());
    }
    if (venueOrderId != null && !venueOrderId.equals(e.venueOrderId())) {
      throw illegal(
          "fill "
              + e.tradeId()
              + " names venue order "
              + e.venueOrderId()
              + " not "
              + venueOrderId);
    }
    Quantity after = filled.plus(e.lastQuantity());
    int vsOrder = after.compareTo(order.quantity());
    if (vsOrder > 0) {
      throw illegal(
          "fill "
              + e.tradeId()
              + " of "
              + e.lastQuantity()
              + " would take the filled quantity from "
              + filled
              + " past the order quantity "
              + order.quantity());
    }
    if (after.compareTo(e.cumulativeQuantity()) != 0) {
      throw illegal(
          "fill "
              + e.tradeId()
              + " reports cumulative "
              + e.cumulativeQuantity()
              + " but the applied fills sum to "
              + after
              + " (a fill was missed or duplicated under another trade id)");
    }
    boolean complete = event instanceof OrderFilled;
    if (complete && vsOrder != 0) {
      throw illegal("OrderFilled leaves " + order.quantity().minus(after) + " unfilled");
    }
    if (event instanceof OrderPartiallyFilled && vsOrder == 0) {
      throw illegal("OrderPartiallyFilled completes the order quantity " + order.quantity());
    }
    if (firstTradeId == null) {
      firstTradeId = e.tradeId();
    } else {
      if (moreTradeIds == null) {
        moreTradeIds = new HashSet<>();
      }
      moreTradeIds.add(e.tradeId());
    }
    filled = after;
    venueOrderId = e.venueOrderId();
    everAccepted = true;
    if (complete) {
      return move(OrderState.FILLED);
    }
    return move(state == OrderState.CANCEL_PENDING ? state : OrderState.PARTIALLY_FILLED);
  }

  private Outcome afterTerminal(OrderEvent event) {
    boolean sameKind =
        (state == OrderState.CANCELLED && event instanceof OrderCancelled)
            || (state == OrderState.EXPIRED && event instanceof OrderExpired)
            || (state == OrderState.REJECTED && event instanceof OrderRejected)
            || (state == OrderState.DENIED && event instanceof OrderDenied);
    boolean stale =
        state != OrderState.DENIED
            && (event instanceof OrderAccepted || event instanceof OrderSubmitted);
    if (sameKind || stale) {
      return Outcome.DUPLICATE_IGNORED;
    }
    throw illegal(event.getClass().getSimpleName() + " after the order ended");
  }

  private void requireState(OrderEvent event, OrderState expected) {
    if (state != expected) {
      throw illegal(event.getClass().getSimpleName() + " needs state " + expected);
    }
  }

  private void requireSentToVenue(OrderEvent event) {
    if (state == OrderState.PENDING_SUBMIT) {
      throw illegal(event.getClass().getSimpleName() + " for an order never sent to the venue");
    }
  }

  private Outcome move(OrderState next) {
    state = next;
    updateCount++;
    return Outcome.APPLIED;
  }

  private IllegalOrderTransitionException illegal(String message) {
    return new IllegalOrderTransitionException(order.clientOrderId(), state, message);
  }
}
