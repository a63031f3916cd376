package dev.tyche.execution.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.strategy.StrategyId;
import org.junit.jupiter.api.Test;

class OrderManagerTest {

  @Test
  void createApplyCountAndPurge() {
    OrderManager m = new OrderManager();
    Orders a = new Orders("s1-1", 10);
    Orders b = new Orders("s1-2", 10);
    assertThat(m.create(Orders.S, a.order)).isEqualTo(Outcome.APPLIED);
    assertThat(m.create(Orders.S, a.order)).isEqualTo(Outcome.DUPLICATE_IGNORED);
    m.create(Orders.S, b.order);
    assertThat(m.openOrders()).isZero();
    m.apply(a.submitted());
    m.apply(b.submitted());
    assertThat(m.openOrders()).isEqualTo(2);
    assertThat(m.openOrders(Orders.SYM)).isEqualTo(2);
    assertThat(m.openOrders(Symbol.of("ETHUSDT"))).isZero();
    assertThat(m.openOrders(Orders.S, Orders.SYM)).isEqualTo(2);
    assertThat(m.openOrders(StrategyId.of("other"), Orders.SYM)).isZero();
    assertThat(m.requestCancel(a.id)).isEqualTo(Outcome.APPLIED);
    assertThat(m.openOrders()).isEqualTo(2);
    m.apply(a.cancelled(0));
    assertThat(m.openOrders()).isEqualTo(1);
    assertThat(m.markUnknown(b.id)).isEqualTo(Outcome.APPLIED);
    assertThat(m.state(b.id)).contains(OrderState.UNKNOWN);
    assertThat(m.nonTerminal()).extracting(OrderSnapshot::clientOrderId).containsExactly(b.id);
    assertThat(m.snapshots()).hasSize(2);
    assertThat(m.owner(a.id)).contains(Orders.S);
    assertThat(m.snapshot(a.id).orElseThrow().state()).isEqualTo(OrderState.CANCELLED);
    assertThat(m.purgeTerminal()).isEqualTo(1);
    assertThat(m.contains(a.id)).isFalse();
    assertThat(m.size()).isEqualTo(1);
    assertThat(m.state(a.id)).isEmpty();
    assertThat(m.owner(a.id)).isEmpty();
    assertThat(m.snapshot(a.id)).isEmpty();
    // Ids seen are never issued again, even after a purge.
    assertThat(m.ids(Orders.S).next()).isEqualTo(ClientOrderId.of("s1-3"));
  }

  @Test
  void reusedIdForAnotherOrderOrUnknownOrderIsAnError() {
    OrderManager m = new OrderManager();
    Orders a = new Orders("s1-1", 10);
    m.create(Orders.S, a.order);
    assertThatThrownBy(() -> m.create(StrategyId.of("s2"), a.order))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already used");
    assertThatThrownBy(() -> m.create(Orders.S, new Orders("s1-1", 11).order))
        .isInstanceOf(IllegalArgumentException.class);
    Orders unknown = new Orders("zz-1", 1);
    assertThatThrownBy(() -> m.apply(unknown.accepted()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown order");
    assertThatThrownBy(() -> m.requestCancel(unknown.id))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientOrderIdsAreDeterministicAndBinanceCompliant() {
    ClientOrderIds ids = new ClientOrderIds(StrategyId.of("abcdefghijklmnop"));
    assertThat(ids.next().value()).isEqualTo("abcdefghijklmnop-1");
    assertThat(ids.next().value()).isEqualTo("abcdefghijklmnop-2");
    assertThat(ids.issued()).isEqualTo(2);
    ids.observe(ClientOrderId.of("abcdefghijklmnop-41"));
    ids.observe(ClientOrderId.of("abcdefghijklmnop-7"));
    ids.observe(ClientOrderId.of("other-99"));
    ids.observe(ClientOrderId.of("abcdefghijklmnop-x"));
    assertThat(ids.next().value()).isEqualTo("abcdefghijklmnop-42");
    String longest = "abcdefghijklmnop-" + Long.MAX_VALUE;
    assertThat(longest).hasSize(36).matches("[.A-Z:/a-z0-9_-]{1,36}");
    assertThat(ClientOrderIds.sequenceOf(ids.strategyId(), ClientOrderId.of(longest)))
        .hasValue(Long.MAX_VALUE);
    assertThat(
            ClientOrderIds.sequenceOf(
                StrategyId.of("a"), ClientOrderId.of("a-99999999999999999999")))
        .isEmpty();
    assertThat(ClientOrderIds.sequenceOf(StrategyId.of("a"), ClientOrderId.of("a-"))).isEmpty();
  }
}
