package dev.tyche.execution.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.order.Side;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class SmartOrderRouterTest {
  private static final SmartOrderRouter ROUTER = new SmartOrderRouter(RouterConfig.DEFAULT);

  private static RoutingRequest req(
      double qty, double urgency, double depth, double spread, double p) {
    return new RoutingRequest(Side.BUY, qty, urgency, depth, spread, FeeTier.BINANCE_VIP0, p);
  }

  @Example
  void smallOrdersCompareTakingWithPostingAndRecordTheNumbers() {
    // Spread 1 bps, VIP0: aggressive 0.5 + 5 = 5.5 bps.
    // p = 0.9, u = 0: passive = 0.9 (2 - 0.5) + 0.1 (0.5 + 5) = 1.35 + 0.55 = 1.9 -> PASSIVE.
    RoutingDecision d = ROUTER.route(req(1, 0, 10, 1, 0.9));
    assertThat(d.route()).isEqualTo(Route.PASSIVE);
    assertThat(d.aggressiveCostBps()).isCloseTo(5.5, within(1e-12));
    assertThat(d.passiveCostBps()).isCloseTo(1.9, within(1e-12));
    assertThat(d.depthRatio()).isCloseTo(0.1, within(1e-12));
    assertThat(d.reason()).contains("5.500", "1.900", "0.100", "PASSIVE");
    // p = 0.1, u = 0.5: passive = 0.1 * 1.5 + 0.9 (5.5 + 10) = 14.1 > 5.5 -> AGGRESSIVE.
    RoutingDecision a = ROUTER.route(req(1, 0.5, 10, 1, 0.1));
    assertThat(a.route()).isEqualTo(Route.AGGRESSIVE);
    assertThat(a.passiveCostBps()).isCloseTo(14.1, within(1e-12));
    assertThat(a.reason()).contains("<=");
  }

  @Example
  void largeOrdersAreScheduledAndUrgencyPicksTheSchedule() {
    assertThat(ROUTER.route(req(50, 0.2, 10, 1, 0.9)).route()).isEqualTo(Route.TWAP);
    assertThat(ROUTER.route(req(50, 0.6, 10, 1, 0.9)).route()).isEqualTo(Route.ADAPTIVE);
    assertThat(ROUTER.route(req(50, 0.95, 10, 1, 0.9)).route()).isEqualTo(Route.AGGRESSIVE);
    RoutingDecision noDepth = ROUTER.route(req(1, 0.2, 0, 1, 0.9));
    assertThat(noDepth.route()).isEqualTo(Route.TWAP);
    assertThat(noDepth.depthRatio()).isInfinite();
    assertThat(ROUTER.route(req(50, 0.2, 10, 1, 0.9)).reason()).contains("5.000 > 1.000");
  }

  @Property
  void theRouteIsMonotoneInUrgency(
      @ForAll @DoubleRange(min = 0.01, max = 100) double qty,
      @ForAll @DoubleRange(min = 0, max = 100) double depth,
      @ForAll @DoubleRange(min = 0, max = 50) double spread,
      @ForAll @DoubleRange(min = 0, max = 1) double p,
      @ForAll @DoubleRange(min = -1, max = 3) double maker,
      @ForAll @DoubleRange(min = 0, max = 5) double extraTaker,
      @ForAll @DoubleRange(min = 0, max = 1) double u1,
      @ForAll @DoubleRange(min = 0, max = 1) double u2) {
    FeeTier fees = new FeeTier(maker, maker + extraTaker);
    double lo = Math.min(u1, u2);
    double hi = Math.max(u1, u2);
    Route a = ROUTER.route(new RoutingRequest(Side.SELL, qty, lo, depth, spread, fees, p)).route();
    Route b = ROUTER.route(new RoutingRequest(Side.SELL, qty, hi, depth, spread, fees, p)).route();
    assertThat(b.aggressiveness()).isGreaterThanOrEqualTo(a.aggressiveness());
  }

  @Example
  void requestFromABook() {
    BookSnapshot book =
        new BookSnapshot(
            Symbol.of("BTCUSDT"),
            1,
            1,
            List.of(BookLevel.parse("99.99", "2"), BookLevel.parse("99.98", "3")),
            List.of(
                BookLevel.parse("100.01", "1"),
                BookLevel.parse("100.02", "4"),
                BookLevel.parse("100.03", "9")));
    RoutingRequest buy =
        RoutingRequest.fromBook(Side.BUY, 3, 0.3, book, 2, FeeTier.BINANCE_VIP0, 0.5);
    assertThat(buy.visibleDepth()).isEqualTo(5.0);
    assertThat(buy.spreadBps()).isCloseTo(2.0, within(1e-9));
    RoutingRequest sell =
        RoutingRequest.fromBook(Side.SELL, 3, 0.3, book, 5, FeeTier.BINANCE_VIP0, 0.5);
    assertThat(sell.visibleDepth()).isEqualTo(5.0);
    BookSnapshot oneSided = new BookSnapshot(Symbol.of("BTCUSDT"), 1, 1, List.of(), book.asks());
    assertThatThrownBy(
            () -> RoutingRequest.fromBook(Side.BUY, 1, 0, oneSided, 1, FeeTier.BINANCE_VIP0, 0.5))
        .hasMessageContaining("bids and asks");
    assertThatThrownBy(
            () -> RoutingRequest.fromBook(Side.BUY, 1, 0, book, 0, FeeTier.BINANCE_VIP0, 0.5))
        .hasMessageContaining("levels");
  }

  @Example
  void poissonFillProbabilityMatchesClosedForms() {
    // mu = 2: K = 1 -> 1 - e^-2; K = 2 -> 1 - 3 e^-2.
    assertThat(FillProbability.poisson(0, 1, 1, 1, 2)).isCloseTo(1 - Math.exp(-2), within(1e-12));
    assertThat(FillProbability.poisson(1, 1, 1, 1, 2))
        .isCloseTo(1 - 3 * Math.exp(-2), within(1e-12));
    assertThat(FillProbability.poisson(1, 0.5, 1, 1, 2))
        .isCloseTo(1 - 3 * Math.exp(-2), within(1e-12));
    assertThat(FillProbability.poisson(0, 1, 0, 1, 2)).isZero();
    assertThat(FillProbability.poisson(1e9, 1, 1, 1, 2)).isZero();
    // Large mu, K at the mean: about one half.
    assertThat(FillProbability.poisson(9_999, 1, 10, 1, 1_000)).isCloseTo(0.5, within(0.01));
    assertThat(FillProbability.poisson(5, 1, 1, 1, 10))
        .isGreaterThan(FillProbability.poisson(6, 1, 1, 1, 10));
  }

  @Example
  void badInput() {
    assertThatThrownBy(() -> req(0, 0, 1, 1, 0.5)).hasMessageContaining("quantity");
    assertThatThrownBy(() -> req(1, 1.5, 1, 1, 0.5)).hasMessageContaining("urgency");
    assertThatThrownBy(() -> req(1, Double.NaN, 1, 1, 0.5)).hasMessageContaining("urgency");
    assertThatThrownBy(() -> req(1, 0, -1, 1, 0.5)).hasMessageContaining("visibleDepth");
    assertThatThrownBy(() -> req(1, 0, 1, Double.POSITIVE_INFINITY, 0.5))
        .hasMessageContaining("spreadBps");
    assertThatThrownBy(() -> req(1, 0, 1, 1, 2)).hasMessageContaining("passiveFillProbability");
    assertThatThrownBy(() -> new FeeTier(5, 2)).hasMessageContaining("takerBps");
    assertThatThrownBy(() -> new FeeTier(Double.NaN, 2)).hasMessageContaining("makerBps");
    assertThatThrownBy(() -> new RouterConfig(0, 0.5, 0.9, 20)).hasMessageContaining("largeOrder");
    assertThatThrownBy(() -> new RouterConfig(1, 0.95, 0.9, 20))
        .hasMessageContaining("sweepUrgency");
    assertThatThrownBy(() -> new RouterConfig(1, -0.1, 0.9, 20))
        .hasMessageContaining("adaptiveUrgency");
    assertThatThrownBy(() -> new RouterConfig(1, 0.5, 0.9, -1))
        .hasMessageContaining("delayPenalty");
    assertThatThrownBy(() -> new RoutingDecision(Route.TWAP, " ", 1, 1, 1))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> FillProbability.poisson(-1, 1, 1, 1, 1))
        .hasMessageContaining("queueAhead");
    assertThatThrownBy(() -> FillProbability.poisson(0, 0, 1, 1, 1))
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> FillProbability.poisson(0, 1, 1, 0, 1))
        .hasMessageContaining("meanTradeSize");
    assertThatThrownBy(() -> FillProbability.poisson(0, 1, 1, 1, Double.NaN))
        .hasMessageContaining("horizon");
    assertThat(ROUTER.config()).isEqualTo(RouterConfig.DEFAULT);
  }
}
