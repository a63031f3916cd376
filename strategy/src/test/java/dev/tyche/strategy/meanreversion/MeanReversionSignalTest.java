package dev.tyche.strategy.meanreversion;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.time.BarInterval;
import dev.tyche.strategy.testing.Bars;
import dev.tyche.strategy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked decisions: Bollinger(5, 1 sd, population), RSI(2) with 30/70, 5 % stop.
 *
 * <pre>
 * i  close  window               middle  sd     lower   upper   RSI    target
 * 4  100    100 x5               100     0      100     100     50     0  (not below the band)
 * 5   95    100 x4, 95            99     2       97     101      0     +1 (95 &lt; 97, RSI 0)
 * 6   97    ..., 95, 97           98.4                                  +1 (97 &lt; middle)
 * 7   99    100,100,95,97,99      98.2                                   0 (99 &gt;= middle: exit)
 * 8  106    100,95,97,99,106      99.4   3.72    95.68  103.12  93.2   -1 (106 &gt; 103.12)
 * 9  112    stop 106 * 1.05 = 111.3                                      0 (stopped, short locked)
 * 10 113    97,99,106,112,113    105.4   6.53            111.93  97.5    0 (locked)
 * </pre>
 *
 * RSI: changes 0,0,0,0,-5,+2,+2,+7,+6,+1; Wilder averages seeded with the mean of the first two
 * changes, then {@code avg += (x - avg)/2}: at 8 avgU = 4.25, avgD = 0.3125.
 */
class MeanReversionSignalTest {

  private static final BarInterval H1 = BarInterval.HOUR_1;
  private static final double[] CLOSES = {100, 100, 100, 100, 100, 95, 97, 99, 106, 112, 113};

  private static MeanReversionParameters params(boolean allowShort) {
    return new MeanReversionParameters(PERP, H1, 5, 1.0, 2, 30.0, 70.0, 0.05, allowShort);
  }

  @Test
  void bandAndRsiEntriesMiddleExitStopAndLock() {
    MeanReversionSignal signal = new MeanReversionSignal(params(true));
    List<Double> targets =
        Fixtures.targets(signal, PERP, Bars.fromCloses(PERP, H1, 0, 0.0, CLOSES));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, -1.0, 0.0, 0.0);
    assertThat(signal.entryPrice()).isNaN();
  }

  @Test
  void entryPriceIsTheEntryClose() {
    MeanReversionSignal signal = new MeanReversionSignal(params(true));
    Fixtures.targets(signal, PERP, Bars.fromCloses(PERP, H1, 0, 0.0, 100, 100, 100, 100, 100, 95));
    assertThat(signal.entryPrice()).isEqualTo(95.0);
  }

  @Test
  void longOnlyIgnoresTheUpperBand() {
    MeanReversionSignal signal = new MeanReversionSignal(params(false));
    List<Double> targets =
        Fixtures.targets(signal, PERP, Bars.fromCloses(PERP, H1, 0, 0.0, CLOSES));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0);
  }

  @Test
  void longStopAndLockUntilBackInsideTheBands() {
    // 5: long at 95. 6: 90 <= 95 * 0.95 = 90.25 -> stopped, long locked. 7: 85 is below the band
    // with RSI 0 but locked. 8: 95 is back inside the bands (87.9 .. 98.1) -> unlocked, no entry.
    // 9: 80 is below the band (83.17) with RSI 22.5 -> long again.
    MeanReversionSignal signal = new MeanReversionSignal(params(true));
    List<Double> targets =
        Fixtures.targets(
            signal,
            PERP,
            Bars.fromCloses(PERP, H1, 0, 0.0, 100, 100, 100, 100, 100, 95, 90, 85, 95, 80));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0);
  }

  @Test
  void ignoresOtherEvents() {
    MeanReversionSignal signal = new MeanReversionSignal(params(true));
    assertThat(signal.onMarketEvent(Bars.bar(Symbol.of("ETHUSDT"), H1, 0, 1, 1, 1, 1))).isFalse();
    assertThat(signal.onMarketEvent(Bars.bar(PERP, BarInterval.HOUR_4, 0, 1, 1, 1, 1))).isFalse();
    assertThat(signal.onMarketEvent(Bars.funding(PERP, 1, 0.0001))).isFalse();
    assertThatThrownBy(() -> signal.target(Symbol.of("ETHUSDT")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(signal.symbols()).containsExactly(PERP);
    assertThat(signal.parameters()).isEqualTo(params(true));
  }

  @Test
  void invalidParameters() {
    assertThatThrownBy(() -> new MeanReversionParameters(PERP, H1, 1, 2, 14, 30, 70, 0.05, true))
        .hasMessageContaining("bandPeriod must be >= 2 but was 1");
    assertThatThrownBy(
            () -> new MeanReversionParameters(PERP, H1, 20, Double.NaN, 14, 30, 70, 0.05, true))
        .hasMessageContaining("bandWidth");
    assertThatThrownBy(() -> new MeanReversionParameters(PERP, H1, 20, 2, 0, 30, 70, 0.05, true))
        .hasMessageContaining("rsiPeriod");
    assertThatThrownBy(() -> new MeanReversionParameters(PERP, H1, 20, 2, 14, 70, 30, 0.05, true))
        .hasMessageContaining("oversold and overbought");
    assertThatThrownBy(() -> new MeanReversionParameters(PERP, H1, 20, 2, 14, 0, 70, 0.05, true))
        .hasMessageContaining("oversold and overbought");
    assertThatThrownBy(() -> new MeanReversionParameters(PERP, H1, 20, 2, 14, 30, 100, 0.05, true))
        .hasMessageContaining("oversold and overbought");
    assertThatThrownBy(() -> new MeanReversionParameters(PERP, H1, 20, 2, 14, 30, 70, 0, true))
        .hasMessageContaining("stopFraction");
    assertThatThrownBy(() -> new MeanReversionParameters(PERP, H1, 20, 2, 14, 30, 70, 1, true))
        .hasMessageContaining("stopFraction");
    assertThatThrownBy(
            () ->
                new MeanReversionParameters(
                    PERP, BarInterval.MONTH_1, 20, 2, 14, 30, 70, 0.05, true))
        .hasMessageContaining("fixed length");
    assertThat(MeanReversionParameters.defaults(PERP, H1).bandPeriod()).isEqualTo(20);
  }
}
