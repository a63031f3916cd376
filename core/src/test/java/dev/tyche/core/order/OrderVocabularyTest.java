package dev.tyche.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderVocabularyTest {
  static final ClientOrderId ID = ClientOrderId.of("t-1");
  static final Symbol BTC = Symbol.of("BTCUSDT");

  @Test
  void sidesAndTypes() {
    assertThat(Side.BUY.sign()).isEqualTo(1);
    assertThat(Side.SELL.sign()).isEqualTo(-1);
    assertThat(Side.BUY.opposite()).isEqualTo(Side.SELL);
    assertThat(Side.SELL.opposite()).isEqualTo(Side.BUY);
    assertThat(OrderType.LIMIT.hasLimitPrice()).isTrue();
    assertThat(OrderType.STOP_MARKET.hasLimitPrice()).isFalse();
    assertThat(OrderType.STOP_MARKET.isConditional()).isTrue();
    assertThat(OrderType.MARKET.isConditional()).isFalse();
  }

  @Test
  void buildsValidOrders() {
    SubmitOrder m = SubmitOrder.market(ID, BTC, Side.BUY, Quantity.parse("0.010"));
    assertThat(m.type()).isEqualTo(OrderType.MARKET);
    assertThat(m.timeInForce()).isEqualTo(TimeInForce.IOC);
    assertThat(m.limitPrice()).isEmpty();
    assertThat(m.withReduceOnly().reduceOnly()).isTrue();
    SubmitOrder l =
        SubmitOrder.limit(
            ID, BTC, Side.SELL, Quantity.parse("0.010"), Price.parse("61800.20"), TimeInForce.GTC);
    assertThat(l.limitPrice()).contains(Price.parse("61800.20"));
    SubmitOrder stop =
        new SubmitOrder(
            ID,
            BTC,
            Side.SELL,
            OrderType.STOP_MARKET,
            Quantity.parse("0.010"),
            Optional.empty(),
            Optional.of(Price.parse("60000.0")),
            TimeInForce.IOC,
            true);
    assertThat(stop.triggerPrice()).isPresent();
    assertThat(new CancelOrder(ID, BTC).clientOrderId()).isEqualTo(ID);
  }

  @Test
  void rejectsContradictoryOrders() {
    assertThatThrownBy(() -> SubmitOrder.market(ID, BTC, Side.BUY, Quantity.parse("0")))
        .hasMessage("quantity must be > 0 but was 0");
    assertThatThrownBy(
            () ->
                new SubmitOrder(
                    ID,
                    BTC,
                    Side.BUY,
                    OrderType.LIMIT,
                    Quantity.parse("1"),
                    Optional.empty(),
                    Optional.empty(),
                    TimeInForce.GTC,
                    false))
        .hasMessageContaining("limitPrice must be present");
    assertThatThrownBy(
            () ->
                new SubmitOrder(
                    ID,
                    BTC,
                    Side.BUY,
                    OrderType.STOP_LIMIT,
                    Quantity.parse("1"),
                    Optional.of(Price.parse("1")),
                    Optional.empty(),
                    TimeInForce.GTC,
                    false))
        .hasMessageContaining("triggerPrice must be present");
    assertThatThrownBy(
            () ->
                new SubmitOrder(
                    ID,
                    BTC,
                    Side.BUY,
                    OrderType.LIMIT,
                    Quantity.parse("1"),
                    Optional.of(Price.parse("1")),
                    Optional.of(Price.parse("1")),
                    TimeInForce.GTC,
                    false))
        .hasMessageContaining("triggerPrice must be absent");
    assertThatThrownBy(
            () ->
                new SubmitOrder(
                    ID,
                    BTC,
                    Side.BUY,
                    OrderType.MARKET,
                    Quantity.parse("1"),
                    Optional.empty(),
                    Optional.empty(),
                    TimeInForce.GTC,
                    false))
        .hasMessageContaining("must be IOC");
    assertThatThrownBy(() -> new CancelOrder(null, BTC)).isInstanceOf(NullPointerException.class);
  }

  static Execution execution(String last, String cum, String leaves) {
    return new Execution(
        VenueOrderId.of("42"),
        TradeId.of("7"),
        Side.BUY,
        Price.parse("61800.20"),
        Quantity.parse(last),
        Quantity.parse(cum),
        Quantity.parse(leaves),
        Money.parse(Asset.USDT, "0.01"),
        Liquidity.TAKER);
  }

  @Test
  void eventsKnowWhetherTheyAreTerminal() {
    SubmitOrder order = SubmitOrder.market(ID, BTC, Side.BUY, Quantity.parse("0.010"));
    List<OrderEvent> events =
        List.of(
            new OrderSubmitted(ID, BTC, 1, order),
            new OrderAccepted(ID, BTC, 2, VenueOrderId.of("42")),
            new OrderPartiallyFilled(ID, BTC, 3, execution("0.004", "0.004", "0.006")),
            new OrderFilled(ID, BTC, 4, execution("0.006", "0.010", "0.000")),
            new OrderRejected(ID, BTC, 5, "margin is insufficient", -2019),
            new OrderDenied(ID, BTC, 6, "max-notional", "notional 1000 above limit 500"),
            new OrderCancelled(ID, BTC, 7, Quantity.parse("0")),
            new OrderExpired(ID, BTC, 8, Quantity.parse("0"), "post-only would take"));
    assertThat(events)
        .extracting(OrderEvent::isTerminal)
        .containsExactly(false, false, false, true, true, true, true, true);
    assertThat(events)
        .extracting(OrderEvent::eventTime)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    OrderFillEvent fill = (OrderFillEvent) events.get(3);
    assertThat(fill.execution().orderQuantity()).isEqualTo(Quantity.parse("0.010"));
  }

  @Test
  void rejectsInconsistentEvents() {
    assertThatThrownBy(() -> new OrderFilled(ID, BTC, 1, execution("0.004", "0.004", "0.006")))
        .hasMessageContaining("leavesQuantity");
    assertThatThrownBy(
            () -> new OrderPartiallyFilled(ID, BTC, 1, execution("0.004", "0.004", "0.000")))
        .hasMessageContaining("leavesQuantity");
    assertThatThrownBy(() -> execution("0.004", "0.003", "0"))
        .hasMessageContaining("cumulativeQuantity must be >= lastQuantity");
    assertThatThrownBy(() -> execution("0", "0.003", "0"))
        .hasMessageContaining("lastQuantity must be > 0");
    assertThatThrownBy(() -> new OrderAccepted(ID, BTC, -1, VenueOrderId.of("1")))
        .hasMessage("eventTime must be >= 0 but was -1");
  }
}
