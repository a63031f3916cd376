package dev.tyche.strategy.signal;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static dev.tyche.strategy.testing.Fixtures.SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.strategy.testing.FakeStrategyContext;
import dev.tyche.strategy.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetExecutorTest {

  private static final ExecutionSettings MARKET =
      new ExecutionSettings(OrderStyle.MARKET, 1.0, 0.0, 0);

  /** Receives order events the way the engine would deliver them to a strategy. */
  private static Strategy listener(TargetExecutor executor) {
    return new Strategy() {
      @Override
      public void onStart(StrategyContext context) {}

      @Override
      public void onOrderEvent(dev.tyche.core.order.OrderEvent event) {
        executor.onOrderEvent(event);
      }
    };
  }

  @Test
  void buysTheDifferenceRoundedDown() {
    // 0.5 * 10 000 / 300 = 16.6667 target, 2.5 held -> buy 14.1666.. -> 14.166.
    FakeStrategyContext context = Fixtures.context();
    context.setPosition(PERP, Decimal.parse("2.5"));
    TargetExecutor executor = new TargetExecutor(MARKET);
    Optional<SubmitOrder> order = executor.rebalance(context, PERP, 0.5, 300.0);
    assertThat(order).isPresent();
    assertThat(order.get().side()).isEqualTo(Side.BUY);
    assertThat(order.get().type()).isEqualTo(OrderType.MARKET);
    assertThat(order.get().quantity()).isEqualTo(Quantity.parse("14.166"));
    assertThat(context.submitted()).containsExactly(order.get());
    assertThat(executor.workingOrder(PERP)).contains(order.get().clientOrderId());
  }

  @Test
  void sellsToGoShortAndCapitalFractionLevers() {
    // -1 * 2 * 10 000 / 100 = -200 target, +10 held -> sell 210.
    FakeStrategyContext context = Fixtures.context();
    context.setPosition(PERP, Decimal.parse("10"));
    TargetExecutor executor = new TargetExecutor(new ExecutionSettings(OrderStyle.MARKET, 2, 0, 0));
    SubmitOrder order = executor.rebalance(context, PERP, -1.0, 100.0).orElseThrow();
    assertThat(order.side()).isEqualTo(Side.SELL);
    assertThat(order.quantity()).isEqualTo(Quantity.parse("210.000"));
  }

  @Test
  void waitsForAWorkingMarketOrderThenTradesAgain() {
    FakeStrategyContext context = Fixtures.context();
    TargetExecutor executor = new TargetExecutor(MARKET);
    assertThat(executor.rebalance(context, PERP, 1.0, 100.0)).isPresent();
    assertThat(executor.rebalance(context, PERP, 1.0, 100.0)).isEmpty();
    assertThat(context.cancels()).isEmpty();
    context.fillMarketOrders(listener(executor), PERP, 100.0);
    assertThat(executor.workingOrder(PERP)).isEmpty();
    assertThat(context.position(PERP).toPlainString()).isEqualTo("100.000");
    // At the target: nothing to do.
    assertThat(executor.rebalance(context, PERP, 1.0, 100.0)).isEmpty();
    assertThat(executor.rebalance(context, PERP, 0.0, 100.0).orElseThrow().side())
        .isEqualTo(Side.SELL);
  }

  @Test
  void limitOrdersArePricedInsideAndCancelledOnce() {
    FakeStrategyContext context = Fixtures.context();
    TargetExecutor executor =
        new TargetExecutor(new ExecutionSettings(OrderStyle.LIMIT, 1.0, 0.0, 3));
    SubmitOrder buy = executor.rebalance(context, PERP, 1.0, 100.004).orElseThrow();
    // 100.004 - 3 ticks of 0.01 = 99.974, rounded down to 99.97.
    assertThat(buy.type()).isEqualTo(OrderType.LIMIT);
    assertThat(buy.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(buy.limitPrice()).contains(Price.parse("99.97"));
    assertThat(executor.rebalance(context, PERP, 1.0, 100.0)).isEmpty();
    assertThat(executor.rebalance(context, PERP, 1.0, 100.0)).isEmpty();
    assertThat(context.cancels()).containsExactly(buy.clientOrderId());
    context.confirmCancels(listener(executor));
    context.setPosition(PERP, Decimal.parse("150"));
    SubmitOrder sell = executor.rebalance(context, PERP, 1.0, 100.001).orElseThrow();
    // 100.001 + 0.03 = 100.031, rounded up to 100.04.
    assertThat(sell.side()).isEqualTo(Side.SELL);
    assertThat(sell.limitPrice()).contains(Price.parse("100.04"));
  }

  @Test
  void noLimitOrderWhenTheOffsetReachesZero() {
    FakeStrategyContext context = Fixtures.context();
    TargetExecutor executor =
        new TargetExecutor(new ExecutionSettings(OrderStyle.LIMIT, 1.0, 0.0, 100));
    assertThat(executor.rebalance(context, PERP, 1.0, 0.5)).isEmpty();
    assertThat(context.submitted()).isEmpty();
  }

  @Test
  void spotIsNeverSoldShort() {
    FakeStrategyContext context = Fixtures.context();
    TargetExecutor executor = new TargetExecutor(MARKET);
    assertThat(executor.rebalance(context, SPOT, -1.0, 100.0)).isEmpty();
    context.setPosition(SPOT, Decimal.parse("3"));
    SubmitOrder order = executor.rebalance(context, SPOT, -1.0, 100.0).orElseThrow();
    assertThat(order.side()).isEqualTo(Side.SELL);
    assertThat(order.quantity()).isEqualTo(Quantity.parse("3.000"));
  }

  @Test
  void skipsBelowMinimumNotionalStepAndTolerance() {
    FakeStrategyContext context = Fixtures.context();
    TargetExecutor executor = new TargetExecutor(MARKET);
    // 0.0004 * 10 000 / 100 = 0.04 -> notional 4 < min notional 5.
    assertThat(executor.rebalance(context, PERP, 0.0004, 100.0)).isEmpty();
    // 0.05 * 10 000 / 1 000 000 = 0.0005 < one step of 0.001.
    assertThat(executor.rebalance(context, PERP, 0.05, 1_000_000.0)).isEmpty();
    // Tolerance 10 %: a 500 USDT trade on 10 000 of capital is skipped...
    TargetExecutor tolerant =
        new TargetExecutor(new ExecutionSettings(OrderStyle.MARKET, 1.0, 0.1, 0));
    assertThat(tolerant.rebalance(context, PERP, 0.05, 100.0)).isEmpty();
    // ...but closing a position is always sent.
    context.setPosition(PERP, Decimal.parse("0.5"));
    assertThat(tolerant.rebalance(context, PERP, 0.0, 100.0)).isPresent();
    assertThat(context.submitted()).hasSize(1);
  }

  @Test
  void noEquityMeansFlat() {
    FakeStrategyContext context = Fixtures.context();
    context.setEquity(Money.parse(Asset.USDT, "-5.00"));
    context.setPosition(PERP, Decimal.parse("-2"));
    SubmitOrder order =
        new TargetExecutor(MARKET).rebalance(context, PERP, 1.0, 100.0).orElseThrow();
    assertThat(order.side()).isEqualTo(Side.BUY);
    assertThat(order.quantity()).isEqualTo(Quantity.parse("2.000"));
  }

  @Test
  void otherOrdersEventsAreIgnored() {
    FakeStrategyContext context = Fixtures.context();
    TargetExecutor executor = new TargetExecutor(MARKET);
    SubmitOrder order = executor.rebalance(context, PERP, 1.0, 100.0).orElseThrow();
    executor.onOrderEvent(
        new dev.tyche.core.order.OrderCancelled(
            dev.tyche.core.id.ClientOrderId.of("other-1"), PERP, 0, Quantity.parse("0")));
    assertThat(executor.workingOrder(PERP)).contains(order.clientOrderId());
    executor.onOrderEvent(
        new dev.tyche.core.order.OrderAccepted(
            order.clientOrderId(), PERP, 0, dev.tyche.core.id.VenueOrderId.of("v1")));
    assertThat(executor.workingOrder(PERP)).contains(order.clientOrderId());
  }

  @Test
  void badInput() {
    FakeStrategyContext context = Fixtures.context();
    TargetExecutor executor = new TargetExecutor(MARKET);
    assertThatThrownBy(() -> executor.rebalance(context, PERP, Double.NaN, 100.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exposure must be finite but was NaN");
    for (double p : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> executor.rebalance(context, PERP, 1.0, p))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("price must be finite and > 0");
    }
    assertThatThrownBy(() -> executor.rebalance(context, Symbol.of("XRPUSDT"), 1.0, 1.0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("XRPUSDT");
    assertThatThrownBy(() -> new ExecutionSettings(OrderStyle.MARKET, 0, 0, 0))
        .hasMessageContaining("capitalFraction must be in (0, 10] but was 0.0");
    assertThatThrownBy(() -> new ExecutionSettings(OrderStyle.MARKET, Double.NaN, 0, 0))
        .hasMessageContaining("capitalFraction");
    assertThatThrownBy(() -> new ExecutionSettings(OrderStyle.MARKET, 1, 1, 0))
        .hasMessageContaining("rebalanceTolerance");
    assertThatThrownBy(() -> new ExecutionSettings(OrderStyle.MARKET, 1, 0, -1))
        .hasMessageContaining("limitOffsetTicks");
    assertThatThrownBy(() -> new TargetExecutor(null)).isInstanceOf(NullPointerException.class);
    assertThat(executor.settings()).isEqualTo(MARKET);
  }
}
