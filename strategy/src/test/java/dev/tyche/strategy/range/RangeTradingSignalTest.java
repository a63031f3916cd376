package dev.tyche.strategy.range;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.time.BarInterval;
import dev.tyche.strategy.testing.Bars;
import dev.tyche.strategy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked decisions: range of the 3 previous bars, entry zone 20 % of the width, breakout 10 %
 * beyond, 1 bar of cool-down.
 *
 * <pre>
 * i  O     H      L      C     S      R      W     decision
 * 0  105   110    100    105                       warm-up
 * 1  105   110    100    105                       warm-up
 * 2  105   110    100    105                       warm-up
 * 3  105   106    100.5  101   100    110    10    101 &lt;= 102: long
 * 4  101   106    101    105   100    110    10    hold long
 * 5  105   109.5  104    109   100    110    10    109 &gt;= 108: short
 * 6  109   111.5  108.5  111   100.5  109.5  9     111 &gt; 110.4: breakout, flat
 * 7  111   111    101.5  102   101    111.5  10.5  cool-down, flat (else long)
 * 8  102   104    102    103   101.5  111.5  10    103 &lt;= 103.5: long
 * </pre>
 */
class RangeTradingSignalTest {

  private static final BarInterval H1 = BarInterval.HOUR_1;

  private static final double[][] OHLC = {
    {105, 110, 100, 105},
    {105, 110, 100, 105},
    {105, 110, 100, 105},
    {105, 106, 100.5, 101},
    {101, 106, 101, 105},
    {105, 109.5, 104, 109},
    {109, 111.5, 108.5, 111},
    {111, 111, 101.5, 102},
    {102, 104, 102, 103},
  };

  static List<Bar> bars() {
    Bar[] out = new Bar[OHLC.length];
    for (int i = 0; i < OHLC.length; i++) {
      double[] b = OHLC[i];
      out[i] = Bars.bar(PERP, H1, i, b[0], b[1], b[2], b[3]);
    }
    return List.of(out);
  }

  private static RangeTradingParameters params(boolean allowShort) {
    return new RangeTradingParameters(PERP, H1, 3, 0.2, 0.1, 1, allowShort);
  }

  @Test
  void supportResistanceBreakoutAndCooldown() {
    RangeTradingSignal signal = new RangeTradingSignal(params(true));
    List<Bar> bars = bars();
    List<Double> targets = Fixtures.targets(signal, PERP, bars.subList(0, 7));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, -1.0, 0.0);
    // The levels of the breakout bar exclude that bar's own high of 111.5.
    assertThat(signal.support()).isEqualTo(100.5);
    assertThat(signal.resistance()).isEqualTo(109.5);
    assertThat(Fixtures.targets(signal, PERP, bars.subList(7, 9))).containsExactly(0.0, 1.0);
    assertThat(signal.support()).isEqualTo(101.5);
    assertThat(signal.resistance()).isEqualTo(111.5);
  }

  @Test
  void longOnlySellsItsLongNearResistance() {
    RangeTradingSignal signal = new RangeTradingSignal(params(false));
    assertThat(Fixtures.targets(signal, PERP, bars()))
        .containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0);
  }

  @Test
  void noCooldownTradesRightAfterTheBreakout() {
    RangeTradingSignal signal =
        new RangeTradingSignal(new RangeTradingParameters(PERP, H1, 3, 0.2, 0.1, 0, true));
    assertThat(Fixtures.targets(signal, PERP, bars()))
        .containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, -1.0, 0.0, 1.0, 1.0);
  }

  @Test
  void aZeroWidthRangeStandsAside() {
    RangeTradingSignal signal = new RangeTradingSignal(params(true));
    List<Double> targets =
        Fixtures.targets(signal, PERP, Bars.fromCloses(PERP, H1, 0, 0.0, 100, 100, 100, 100, 99));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0);
    assertThat(signal.support()).isEqualTo(100.0);
    assertThat(new RangeTradingSignal(params(true)).support()).isNaN();
  }

  @Test
  void ignoresOtherEvents() {
    RangeTradingSignal signal = new RangeTradingSignal(params(true));
    assertThat(signal.onMarketEvent(Bars.bar(Symbol.of("ETHUSDT"), H1, 0, 1, 1, 1, 1))).isFalse();
    assertThat(signal.onMarketEvent(Bars.bar(PERP, BarInterval.HOUR_4, 0, 1, 1, 1, 1))).isFalse();
    assertThat(signal.onMarketEvent(Bars.funding(PERP, 1, 0.0001))).isFalse();
    assertThatThrownBy(() -> signal.target(Symbol.of("ETHUSDT")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(signal.subscriptions()).hasSize(1);
    assertThat(signal.parameters().lookback()).isEqualTo(3);
  }

  @Test
  void invalidParameters() {
    assertThatThrownBy(() -> new RangeTradingParameters(PERP, H1, 1, 0.2, 0.1, 1, true))
        .hasMessageContaining("lookback must be >= 2 but was 1");
    assertThatThrownBy(() -> new RangeTradingParameters(PERP, H1, 20, 0.5, 0.1, 1, true))
        .hasMessageContaining("entryZone must be in (0, 0.5) but was 0.5");
    assertThatThrownBy(() -> new RangeTradingParameters(PERP, H1, 20, 0.0, 0.1, 1, true))
        .hasMessageContaining("entryZone");
    assertThatThrownBy(() -> new RangeTradingParameters(PERP, H1, 20, 0.2, -0.1, 1, true))
        .hasMessageContaining("breakoutThreshold");
    assertThatThrownBy(() -> new RangeTradingParameters(PERP, H1, 20, 0.2, Double.NaN, 1, true))
        .hasMessageContaining("breakoutThreshold");
    assertThatThrownBy(() -> new RangeTradingParameters(PERP, H1, 20, 0.2, 0.1, -1, true))
        .hasMessageContaining("cooldownBars");
    assertThatThrownBy(
            () -> new RangeTradingParameters(PERP, BarInterval.MONTH_1, 20, 0.2, 0.1, 1, true))
        .hasMessageContaining("fixed length");
    assertThat(RangeTradingParameters.defaults(PERP, H1).lookback()).isEqualTo(20);
  }
}
