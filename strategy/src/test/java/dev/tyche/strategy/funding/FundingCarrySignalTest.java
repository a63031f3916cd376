package dev.tyche.strategy.funding;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static dev.tyche.strategy.testing.Fixtures.SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.FundingSchedule;
import dev.tyche.strategy.signal.ExecutionSettings;
import dev.tyche.strategy.signal.SignalStrategy;
import dev.tyche.strategy.testing.Bars;
import dev.tyche.strategy.testing.FakeStrategyContext;
import dev.tyche.strategy.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked carry decisions. 8-hourly funding annualises by {@code 3 * 365 = 1095}; the entry
 * threshold is {@code 0.004 * 365 / 30 + 0.05 = 0.0986667} a year, the exit 0.02.
 *
 * <pre>
 * k  rate      EWMA (alpha 0.5)  annual     decision
 * 1  0.0001    0.0001            0.1095     warm-up (1 of 2)
 * 2  0.0001    0.0001            0.1095     &gt; 0.0987: enter
 * 3  0.00002   0.00006           0.0657     &gt;= 0.02: stay
 * 4  -0.00004  0.00001           0.01095    &lt; 0.02: exit
 * 5  0.0002    0.000105          0.114975   enter
 * </pre>
 */
class FundingCarrySignalTest {

  private static final BarInterval H1 = BarInterval.HOUR_1;

  private static FundingCarryParameters params() {
    return new FundingCarryParameters(
        SPOT, PERP, H1, FundingSchedule.EVERY_8_HOURS, 0.5, 2, 0.004, 30.0, 0.05, 0.02, 0.5);
  }

  private static final double[] RATES = {0.0001, 0.0001, 0.00002, -0.00004, 0.0002};

  @Test
  void entersAboveFeesPlusBufferAndExitsBelowExitCarry() {
    FundingCarrySignal signal = new FundingCarrySignal(params());
    assertThat(params().entryThreshold()).isCloseTo(0.004 * 365 / 30 + 0.05, within(1e-15));
    List<Double> spot = new ArrayList<>();
    List<Double> perp = new ArrayList<>();
    double[] carry = new double[RATES.length];
    for (int k = 0; k < RATES.length; k++) {
      assertThat(signal.onMarketEvent(Bars.funding(PERP, k + 1, RATES[k]))).isTrue();
      spot.add(signal.target(SPOT));
      perp.add(signal.target(PERP));
      carry[k] = signal.expectedAnnualCarry();
    }
    assertThat(spot).containsExactly(0.0, 0.5, 0.5, 0.0, 0.5);
    assertThat(perp).containsExactly(0.0, -0.5, -0.5, 0.0, -0.5);
    double[] expected = {0.1095, 0.1095, 0.0657, 0.01095, 0.114975};
    for (int k = 0; k < expected.length; k++) {
      assertThat(carry[k]).as("carry %d", k).isCloseTo(expected[k], within(1e-12));
    }
    assertThat(signal.isInvested()).isTrue();
  }

  @Test
  void ignoresDuplicatesOtherSymbolsAndBars() {
    FundingCarrySignal signal = new FundingCarrySignal(params());
    assertThat(signal.expectedAnnualCarry()).isNaN();
    assertThat(signal.onMarketEvent(Bars.funding(PERP, 1, 0.001))).isTrue();
    // Same nominal time with exchange jitter: a duplicate.
    MarketEvent jittered =
        dev.tyche.core.market.FundingRate.of(
            PERP, Bars.START + 8 * 3_600_000L + 7, dev.tyche.core.num.Decimal.parse("-0.5"));
    assertThat(signal.onMarketEvent(jittered)).isFalse();
    assertThat(signal.onMarketEvent(Bars.funding(SPOT, 2, 0.001))).isFalse();
    assertThat(signal.onMarketEvent(Bars.bar(PERP, H1, 0, 1, 1, 1, 1))).isFalse();
    assertThat(signal.expectedAnnualCarry()).isCloseTo(0.001 * 1095, within(1e-12));
    assertThatThrownBy(() -> signal.target(Symbol.of("ETHUSDT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ETHUSDT");
    assertThat(signal.subscriptions())
        .containsExactly(
            Subscription.bars(SPOT, H1),
            Subscription.bars(PERP, H1),
            Subscription.of(PERP, MarketDataKind.MARK_PRICE));
    assertThat(signal.symbols()).containsExactly(SPOT, PERP);
  }

  @Test
  void tradesBothLegsDeltaNeutral() {
    // Equity 10 000, each leg 0.5: 5 000 / 100 = 50 BTC long spot and 50 short perpetual.
    FakeStrategyContext context = Fixtures.context();
    SignalStrategy strategy =
        SignalStrategy.single(
            Fixtures.ID, new FundingCarrySignal(params()), ExecutionSettings.DEFAULT);
    List<MarketEvent> events = new ArrayList<>();
    events.add(Bars.bar(SPOT, H1, 0, 100, 100, 100, 100));
    events.add(Bars.bar(PERP, H1, 0, 100, 100, 100, 100));
    events.add(Bars.funding(PERP, 1, 0.0001));
    events.add(Bars.funding(PERP, 2, 0.0001));
    events.add(Bars.funding(PERP, 3, -0.001));
    List<List<SubmitOrder>> orders = Fixtures.replay(strategy, context, events);
    assertThat(orders.get(2)).isEmpty();
    assertThat(orders.get(3)).hasSize(2);
    SubmitOrder spotOrder = orders.get(3).get(0);
    SubmitOrder perpOrder = orders.get(3).get(1);
    assertThat(perpOrder.symbol()).isEqualTo(PERP);
    assertThat(perpOrder.side()).isEqualTo(Side.SELL);
    assertThat(perpOrder.quantity()).isEqualTo(Quantity.parse("50.000"));
    assertThat(spotOrder.symbol()).isEqualTo(SPOT);
    assertThat(spotOrder.side()).isEqualTo(Side.BUY);
    assertThat(spotOrder.quantity()).isEqualTo(Quantity.parse("50.000"));
    // EWMA 0.5*0.0001 + 0.5*(-0.001) < 0: both legs closed.
    assertThat(orders.get(4)).extracting(SubmitOrder::side).containsExactly(Side.SELL, Side.BUY);
    assertThat(context.position(SPOT).signum()).isZero();
    assertThat(context.position(PERP).signum()).isZero();
  }

  @Test
  void invalidParameters() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    assertThatThrownBy(
            () -> new FundingCarryParameters(PERP, PERP, H1, s, 0.5, 2, 0.004, 30, 0.05, 0.02, 0.5))
        .hasMessageContaining("spot and perpetual must differ");
    assertThatThrownBy(
            () -> new FundingCarryParameters(SPOT, PERP, H1, s, 0, 2, 0.004, 30, 0.05, 0.02, 0.5))
        .hasMessageContaining("ewmaAlpha must be in (0, 1] but was 0.0");
    assertThatThrownBy(
            () -> new FundingCarryParameters(SPOT, PERP, H1, s, 0.5, 0, 0.004, 30, 0.05, 0.02, 0.5))
        .hasMessageContaining("minObservations");
    assertThatThrownBy(
            () -> new FundingCarryParameters(SPOT, PERP, H1, s, 0.5, 2, -0.1, 30, 0.05, 0.02, 0.5))
        .hasMessageContaining("roundTripCost");
    assertThatThrownBy(
            () -> new FundingCarryParameters(SPOT, PERP, H1, s, 0.5, 2, 0.004, 0, 0.05, 0.02, 0.5))
        .hasMessageContaining("holdingDays");
    assertThatThrownBy(
            () ->
                new FundingCarryParameters(
                    SPOT, PERP, H1, s, 0.5, 2, 0.004, 30, Double.NaN, 0.02, 0.5))
        .hasMessageContaining("basisBuffer");
    assertThatThrownBy(
            () -> new FundingCarryParameters(SPOT, PERP, H1, s, 0.5, 2, 0.004, 30, 0.05, 0.2, 0.5))
        .hasMessageContaining("exitCarry must be finite and <= the entry threshold");
    assertThatThrownBy(
            () -> new FundingCarryParameters(SPOT, PERP, H1, s, 0.5, 2, 0.004, 30, 0.05, 0.02, 1.5))
        .hasMessageContaining("exposure");
    assertThatThrownBy(
            () ->
                new FundingCarryParameters(
                    SPOT, PERP, BarInterval.MONTH_1, s, 0.5, 2, 0.004, 30, 0.05, 0.02, 0.5))
        .hasMessageContaining("fixed length");
    assertThat(FundingCarryParameters.defaults(SPOT, PERP, H1).schedule().intervalHours())
        .isEqualTo(8);
  }
}
