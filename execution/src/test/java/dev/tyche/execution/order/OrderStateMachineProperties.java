package dev.tyche.execution.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The order state machine under random input sequences: every input is either applied, ignored as a
 * duplicate (changing nothing) or refused with an exception (changing nothing); the filled quantity
 * never exceeds the order quantity and equals the sum of the distinct fills applied; no input is
 * applied after a terminal state; every trade id is applied at most once.
 */
class OrderStateMachineProperties {

  @Property(tries = 1000)
  void randomSequencesKeepTheInvariants(
      @ForAll @IntRange(min = 1, max = 12) int qty,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 10_000) Integer> script) {
    Orders o = new Orders("p-1", qty);
    OrderStateMachine m = o.machine();
    long modelFilled = 0;
    Set<String> appliedTrades = new HashSet<>();
    boolean terminalSeen = false;
    for (int code : script) {
      int op = code % 11;
      int arg = code / 11;
      OrderSnapshot before = m.snapshot();
      long beforeUpdates = m.updateCount();
      Outcome outcome;
      String trade = "T" + (arg % 5);
      try {
        switch (op) {
          case 0:
            outcome = m.apply(o.submitted());
            break;
          case 1:
            outcome = m.apply(o.denied());
            break;
          case 2:
            outcome = m.apply(o.accepted());
            break;
          case 3:
          case 4:
            {
              // Mostly consistent fills, sometimes too large or with a wrong cumulative.
              long last = 1 + arg % (qty + 1);
              long cum = modelFilled + last + (arg % 7 == 0 ? 1 : 0);
              OrderEvent e = cum >= qty ? o.filled(trade, last, cum) : o.partial(trade, last, cum);
              outcome = m.apply(e);
              break;
            }
          case 5:
            outcome = m.apply(o.cancelled(modelFilled));
            break;
          case 6:
            outcome = m.apply(o.expired(modelFilled));
            break;
          case 7:
            outcome = m.apply(o.rejected());
            break;
          case 8:
            outcome = m.requestCancel();
            break;
          case 9:
            outcome = m.markUnknown();
            break;
          default:
            outcome = m.apply(o.filled(trade, qty - modelFilled > 0 ? qty - modelFilled : 1));
            break;
        }
      } catch (IllegalOrderTransitionException e) {
        assertThat(m.snapshot()).isEqualTo(before);
        assertThat(m.updateCount()).isEqualTo(beforeUpdates);
        continue;
      }
      if (outcome == Outcome.DUPLICATE_IGNORED) {
        assertThat(m.snapshot()).isEqualTo(before);
        continue;
      }
      assertThat(terminalSeen).as("applied after a terminal state").isFalse();
      assertThat(m.updateCount()).isGreaterThan(beforeUpdates);
      if (m.fillCount() > before.fillCount()) {
        assertThat(m.fillCount()).isEqualTo(before.fillCount() + 1);
        String id = lastTrade(m, before, appliedTrades);
        assertThat(appliedTrades.add(id)).as("trade applied twice: " + id).isTrue();
        modelFilled = m.filledQuantity().units();
      }
      terminalSeen = m.state().isTerminal();
    }
    assertThat(m.filledQuantity().compareTo(o.order.quantity())).isLessThanOrEqualTo(0);
    assertThat(m.filledQuantity().units()).isEqualTo(modelFilled);
    assertThat(m.fillCount()).isEqualTo(appliedTrades.size());
    if (m.state() == OrderState.FILLED) {
      assertThat(m.filledQuantity().units()).isEqualTo(qty);
    }
  }

  private static String lastTrade(OrderStateMachine m, OrderSnapshot before, Set<String> known) {
    for (int i = 0; i < 5; i++) {
      String t = "T" + i;
      if (m.hasTrade(dev.tyche.core.id.TradeId.of(t)) && !known.contains(t)) {
        return t;
      }
    }
    throw new AssertionError("a fill was counted but no new trade id is known; before " + before);
  }

  @Property(tries = 300)
  void fillsAreExactlyOnceUnderRedelivery(
      @ForAll @IntRange(min = 2, max = 40) int qty,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 5) Integer> chunks,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 39) Integer> redeliver) {
    Orders o = new Orders("p-2", qty);
    OrderStateMachine m = o.machine();
    m.apply(o.submitted());
    m.apply(o.accepted());
    java.util.ArrayList<OrderFillEvent> sent = new java.util.ArrayList<>();
    long cum = 0;
    int n = 0;
    for (int c : chunks) {
      if (cum >= qty) {
        break;
      }
      long last = Math.min(c, qty - cum);
      cum += last;
      OrderFillEvent e = cum == qty ? o.filled("F" + n, last) : o.partial("F" + n, last, cum);
      n++;
      assertThat(m.apply(e)).isEqualTo(Outcome.APPLIED);
      sent.add(e);
      for (int r : redeliver) {
        if (r < sent.size()) {
          assertThat(m.apply(sent.get(r))).isEqualTo(Outcome.DUPLICATE_IGNORED);
        }
      }
    }
    assertThat(m.filledQuantity().units()).isEqualTo(cum);
    assertThat(m.fillCount()).isEqualTo(sent.size());
    assertThat(m.state()).isEqualTo(cum == qty ? OrderState.FILLED : OrderState.PARTIALLY_FILLED);
  }
}
