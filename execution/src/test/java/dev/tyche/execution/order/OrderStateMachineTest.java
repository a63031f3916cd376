package dev.tyche.execution.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.strategy.StrategyId;
import org.junit.jupiter.api.Test;

class OrderStateMachineTest {

  private final Orders o = new Orders("s1-1", 10);

  private OrderStateMachine accepted() {
    OrderStateMachine m = o.machine();
    m.apply(o.submitted());
    m.apply(o.accepted());
    return m;
  }

  @Test
  void happyPathPendingSubmittedAcceptedPartialFilled() {
    OrderStateMachine m = o.machine();
    assertThat(m.state()).isEqualTo(OrderState.PENDING_SUBMIT);
    assertThat(m.apply(o.submitted())).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.SUBMITTED);
    assertThat(m.apply(o.accepted())).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(m.venueOrderId()).contains(Orders.VID);
    assertThat(m.apply(o.partial("T1", 4, 4))).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(m.filledQuantity().units()).isEqualTo(4);
    assertThat(m.leavesQuantity().units()).isEqualTo(6);
    assertThat(m.apply(o.filled("T2", 6))).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.FILLED);
    assertThat(m.fillCount()).isEqualTo(2);
    assertThat(m.hasTrade(dev.tyche.core.id.TradeId.of("T1"))).isTrue();
    assertThat(m.updateCount()).isEqualTo(4);
    assertThat(m.snapshot().state()).isEqualTo(OrderState.FILLED);
  }

  @Test
  void deniedOnlyFromPendingSubmit() {
    OrderStateMachine m = o.machine();
    assertThat(m.apply(o.denied())).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.DENIED);
    assertThat(m.apply(o.denied())).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThatThrownBy(() -> m.apply(o.accepted()))
        .isInstanceOf(IllegalOrderTransitionException.class);
    assertThatThrownBy(() -> m.apply(o.submitted()))
        .isInstanceOf(IllegalOrderTransitionException.class);

    OrderStateMachine sent = o.machine();
    sent.apply(o.submitted());
    assertThatThrownBy(() -> sent.apply(o.denied()))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("needs state PENDING_SUBMIT");
  }

  @Test
  void venueEventsBeforeSubmitAreIllegal() {
    OrderStateMachine m = o.machine();
    assertThatThrownBy(() -> m.apply(o.accepted()))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("never sent");
    assertThatThrownBy(() -> m.apply(o.partial("T1", 1, 1)))
        .isInstanceOf(IllegalOrderTransitionException.class);
    assertThatThrownBy(m::requestCancel).isInstanceOf(IllegalOrderTransitionException.class);
    assertThatThrownBy(m::markUnknown).isInstanceOf(IllegalOrderTransitionException.class);
    assertThat(m.state()).isEqualTo(OrderState.PENDING_SUBMIT);
  }

  @Test
  void duplicateTradeIdIsIgnoredExactlyOnce() {
    OrderStateMachine m = accepted();
    m.apply(o.partial("T1", 3, 3));
    assertThat(m.apply(o.partial("T1", 3, 3))).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThat(m.filledQuantity().units()).isEqualTo(3);
    m.apply(o.filled("T2", 7));
    // The final fill re-delivered after the order ended is still a duplicate, not an error.
    assertThat(m.apply(o.filled("T2", 7))).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThat(m.filledQuantity().units()).isEqualTo(10);
  }

  @Test
  void overfillAndInconsistentFillsAreRefused() {
    OrderStateMachine m = accepted();
    m.apply(o.partial("T1", 6, 6));
    assertThatThrownBy(() -> m.apply(o.filled("T2", 5, 11)))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("past the order quantity");
    assertThatThrownBy(() -> m.apply(o.partial("T2", 1, 9)))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("missed");
    assertThatThrownBy(() -> m.apply(o.filled("T2", 3)))
        .isInstanceOf(IllegalOrderTransitionException.class);
    dev.tyche.core.order.Execution full = o.execution("T2", 4, 10);
    dev.tyche.core.order.Execution lying =
        new dev.tyche.core.order.Execution(
            full.venueOrderId(),
            full.tradeId(),
            full.side(),
            full.lastPrice(),
            full.lastQuantity(),
            full.cumulativeQuantity(),
            dev.tyche.core.num.Quantity.of(1, 3),
            full.fee(),
            full.liquidity());
    assertThatThrownBy(
            () ->
                m.apply(new dev.tyche.core.order.OrderPartiallyFilled(o.id, Orders.SYM, 1, lying)))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("completes");
    assertThat(m.filledQuantity().units()).isEqualTo(6);
    assertThat(m.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
  }

  @Test
  void fillsOfTheWrongOrderSideOrVenueIdAreRefused() {
    OrderStateMachine m = accepted();
    Orders other = new Orders("s1-2", 10);
    assertThatThrownBy(() -> m.apply(other.accepted()))
        .isInstanceOf(IllegalOrderTransitionException.class);
    dev.tyche.core.order.Execution e = o.execution("T9", 1, 1);
    dev.tyche.core.order.Execution sell =
        new dev.tyche.core.order.Execution(
            e.venueOrderId(),
            e.tradeId(),
            dev.tyche.core.order.Side.SELL,
            e.lastPrice(),
            e.lastQuantity(),
            e.cumulativeQuantity(),
            e.leavesQuantity(),
            e.fee(),
            e.liquidity());
    assertThatThrownBy(
            () -> m.apply(new dev.tyche.core.order.OrderPartiallyFilled(o.id, Orders.SYM, 1, sell)))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("SELL");
    dev.tyche.core.order.Execution otherVenue =
        new dev.tyche.core.order.Execution(
            VenueOrderId.of("V2"),
            e.tradeId(),
            e.side(),
            e.lastPrice(),
            e.lastQuantity(),
            e.cumulativeQuantity(),
            e.leavesQuantity(),
            e.fee(),
            e.liquidity());
    assertThatThrownBy(
            () ->
                m.apply(
                    new dev.tyche.core.order.OrderPartiallyFilled(o.id, Orders.SYM, 1, otherVenue)))
        .isInstanceOf(IllegalOrderTransitionException.class);
    assertThatThrownBy(() -> m.apply(new OrderAccepted(o.id, Orders.SYM, 1, VenueOrderId.of("V2"))))
        .isInstanceOf(IllegalOrderTransitionException.class);
  }

  @Test
  void cancelFlow() {
    OrderStateMachine m = accepted();
    assertThat(m.requestCancel()).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.CANCEL_PENDING);
    assertThat(m.requestCancel()).isEqualTo(Outcome.DUPLICATE_IGNORED);
    // A fill racing the cancel is applied; the cancel stays pending.
    assertThat(m.apply(o.partial("T1", 2, 2))).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.CANCEL_PENDING);
    assertThat(m.apply(o.accepted())).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThat(m.apply(o.cancelled(2))).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.CANCELLED);
    assertThat(m.apply(o.cancelled(2))).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThat(m.requestCancel()).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThat(m.markUnknown()).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThatThrownBy(() -> m.apply(o.partial("T3", 1, 3)))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("after the order ended");
    assertThatThrownBy(() -> m.apply(o.expired(2)))
        .isInstanceOf(IllegalOrderTransitionException.class);
  }

  @Test
  void acceptanceArrivingAfterCancelRequestRecordsVenueId() {
    OrderStateMachine m = o.machine();
    m.apply(o.submitted());
    m.requestCancel();
    assertThat(m.apply(o.accepted())).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.CANCEL_PENDING);
    assertThat(m.venueOrderId()).contains(Orders.VID);
    assertThatThrownBy(() -> m.apply(o.rejected()))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("after the venue accepted");
  }

  @Test
  void rejectionOnlyBeforeAcceptance() {
    OrderStateMachine m = o.machine();
    m.apply(o.submitted());
    assertThat(m.apply(o.rejected())).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.REJECTED);
    assertThat(m.apply(o.rejected())).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThat(m.apply(o.accepted())).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThatThrownBy(() -> accepted().apply(o.rejected()))
        .isInstanceOf(IllegalOrderTransitionException.class);
  }

  @Test
  void unknownIsResolvedByTheNextVenueEvent() {
    OrderStateMachine m = o.machine();
    m.apply(o.submitted());
    assertThat(m.markUnknown()).isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.UNKNOWN);
    assertThat(m.markUnknown()).isEqualTo(Outcome.DUPLICATE_IGNORED);
    assertThat(m.state().isOpen()).isTrue();
    m.apply(o.accepted());
    assertThat(m.state()).isEqualTo(OrderState.ACCEPTED);

    // An order that had filled partly returns to PARTIALLY_FILLED, not ACCEPTED.
    OrderStateMachine p = accepted();
    p.apply(o.partial("T1", 5, 5));
    p.markUnknown();
    assertThat(p.apply(o.accepted())).isEqualTo(Outcome.APPLIED);
    assertThat(p.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(p.apply(o.accepted())).isEqualTo(Outcome.DUPLICATE_IGNORED);
    OrderStateMachine q = o.machine();
    q.apply(o.submitted());
    q.markUnknown();
    q.apply(o.partial("T1", 5, 5));
    assertThat(q.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    q.markUnknown();
    q.apply(o.expired(5));
    assertThat(q.state()).isEqualTo(OrderState.EXPIRED);
    assertThat(q.apply(o.expired(5))).isEqualTo(Outcome.DUPLICATE_IGNORED);

    OrderStateMachine r = o.machine();
    r.apply(o.submitted());
    r.markUnknown();
    assertThat(r.apply(o.rejected())).isEqualTo(Outcome.APPLIED);
  }

  @Test
  void cancelledWithoutRequestAndFromSubmitted() {
    OrderStateMachine m = o.machine();
    m.apply(o.submitted());
    assertThat(
            m.apply(
                new OrderCancelled(
                    o.id, Orders.SYM, 1, o.order.quantity().minus(o.order.quantity()))))
        .isEqualTo(Outcome.APPLIED);
    assertThat(m.state()).isEqualTo(OrderState.CANCELLED);
    assertThat(m.apply(o.submitted())).isEqualTo(Outcome.DUPLICATE_IGNORED);
  }

  @Test
  void stateFlags() {
    assertThat(OrderState.PENDING_SUBMIT.isOpen()).isFalse();
    assertThat(OrderState.PENDING_SUBMIT.isTerminal()).isFalse();
    assertThat(OrderState.CANCEL_PENDING.isOpen()).isTrue();
    for (OrderState s :
        new OrderState[] {
          OrderState.FILLED,
          OrderState.CANCELLED,
          OrderState.REJECTED,
          OrderState.DENIED,
          OrderState.EXPIRED
        }) {
      assertThat(s.isTerminal()).isTrue();
      assertThat(s.isOpen()).isFalse();
    }
    assertThat(Outcome.APPLIED.applied()).isTrue();
    assertThat(Outcome.DUPLICATE_IGNORED.applied()).isFalse();
  }

  @Test
  void exceptionNamesOrderAndState() {
    IllegalOrderTransitionException e =
        new IllegalOrderTransitionException(ClientOrderId.of("x-1"), OrderState.FILLED, "boom");
    assertThat(e.clientOrderId()).isEqualTo(ClientOrderId.of("x-1"));
    assertThat(e.state()).isEqualTo(OrderState.FILLED);
    assertThat(e.getMessage()).contains("x-1").contains("FILLED").contains("boom");
    assertThatThrownBy(() -> new OrderStateMachine(null, o.order))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new OrderStateMachine(StrategyId.of("a"), null))
        .isInstanceOf(NullPointerException.class);
  }
}
