package dev.tyche.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DataValidatorTest {
  private static final Symbol SYM = Symbol.of("TESTUSDT");
  private static final long H = 3_600_000L;
  private static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % H;

  /** A clean Gaussian random walk (seeded, 0.5 % hourly sd) of n hourly bars. */
  private static BarSeries.Builder clean(int n) {
    java.util.Random rnd = new java.util.Random(42);
    BarSeries.Builder b = BarSeries.builder(SYM, H, "synthetic");
    double c = 100;
    for (int i = 0; i < n; i++) {
      double o = c;
      c = o * Math.exp(0.005 * rnd.nextGaussian());
      b.add(i + 2, T0 + i * H, o, Math.max(o, c) * 1.001, Math.min(o, c) * 0.999, c, 100 + i % 5);
    }
    return b;
  }

  @Test
  void cleanSeriesHasNoIssuesAndScoresOne() {
    DataQualityReport r = DataValidator.defaults().validate(clean(200).build());
    assertThat(r.issues()).isEmpty();
    assertThat(r.score()).isEqualTo(1.0);
    assertThat(r.expectedBars()).isEqualTo(200);
    assertThat(r.firstOpenTime()).hasValue(T0);
    assertThat(r.lastOpenTime()).hasValue(T0 + 199 * H);
  }

  @Test
  void gapsListEveryMissingTimestamp() {
    BarSeries.Builder b = BarSeries.builder(SYM, H, "gaps");
    b.add(2, T0, 1, 1, 1, 1, 1);
    b.add(3, T0 + 4 * H, 1, 1, 1, 1, 1); // 3 missing
    b.add(4, T0 + 14 * H, 1, 1, 1, 1, 1); // 9 missing
    DataQualityReport r = DataValidator.of(12, 0, 1).validate(b.build());
    assertThat(r.gaps()).hasSize(2);
    assertThat(r.gaps().get(0).missingOpenTimes()).containsExactly(T0 + H, T0 + 2 * H, T0 + 3 * H);
    assertThat(r.gaps().get(0).previousLine()).isEqualTo(2);
    assertThat(r.gaps().get(0).nextLine()).isEqualTo(3);
    assertThat(r.gaps().get(1).missingBars()).isEqualTo(9);
    assertThat(r.gaps().get(1).firstMissingOpenTime()).isEqualTo(T0 + 5 * H);
    assertThat(r.gaps().get(1).lastMissingOpenTime()).isEqualTo(T0 + 13 * H);
    assertThat(r.missingBars()).isEqualTo(12);
    // score = 1 - (0 defect rows + 12 missing) / (3 rows + 12 missing)
    assertThat(r.score()).isCloseTo(1 - 12.0 / 15, Offset.offset(1e-15));
    assertThat(r.toText()).contains("line 3 ", "3 missing bars:", "9 missing bars:", " .. ");
    assertThatThrownBy(() -> new Gap(2, T0, 3, T0 + H, H)).hasMessageContaining("multiple >= 2");
  }

  @Test
  void duplicatesUnsortedAndIrregularSpacingAreDefects() {
    BarSeries.Builder b = BarSeries.builder(SYM, H, "messy");
    b.add(2, T0, 1, 1, 1, 1, 1);
    b.add(3, T0 + H, 1, 1, 1, 1, 1);
    b.add(4, T0 + H, 1, 1, 1, 1, 1); // duplicate of line 3
    b.add(5, T0 + 3 * H, 1, 1, 1, 1, 1);
    b.add(6, T0 + 2 * H, 1, 1, 1, 1, 1); // unsorted (fills the slot, so no gap)
    b.add(7, T0 + 4 * H + 1000, 1, 1, 1, 1, 1); // irregular
    DataQualityReport r = DataValidator.of(12, 0, 1).validate(b.build());
    assertThat(r.issuesOf(DataIssue.Kind.DUPLICATE))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.lineNumber()).isEqualTo(4);
              assertThat(i.detail()).contains("line 3");
            });
    assertThat(r.issuesOf(DataIssue.Kind.UNSORTED))
        .singleElement()
        .satisfies(i -> assertThat(i.lineNumber()).isEqualTo(6));
    assertThat(r.issuesOf(DataIssue.Kind.IRREGULAR_SPACING))
        .singleElement()
        .satisfies(i -> assertThat(i.lineNumber()).isEqualTo(7));
    assertThat(r.gaps()).isEmpty();
    assertThat(r.defectRows()).isEqualTo(3);
    assertThat(r.score()).isCloseTo(0.5, Offset.offset(1e-15));
    assertThat(r.hasDefects()).isTrue();
  }

  @Test
  void ohlcInconsistencyIsADefectNamingTheValues() {
    BarSeries.Builder b = clean(20);
    b.add(99, T0 + 20 * H, 100, 99, 98, 100.5, 5); // high below open and close
    DataQualityReport r = DataValidator.defaults().validate(b.build());
    assertThat(r.issuesOf(DataIssue.Kind.OHLC_INCONSISTENT))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.lineNumber()).isEqualTo(99);
              assertThat(i.detail()).contains("high=99.0", "close=100.5");
            });
  }

  @Test
  void placeholdersAreTheLeadingNearZeroVolumeBarsOnly() {
    BarSeries.Builder b = BarSeries.builder(SYM, H, "launch");
    b.add(2, T0, 10000, 10000, 10000, 10000, 0.002);
    b.add(3, T0 + H, 10000, 10000, 10000, 10000, 0);
    b.add(4, T0 + 2 * H, 10300, 10400, 10200, 10350, 500);
    b.add(5, T0 + 3 * H, 10350, 10350, 10350, 10350, 0); // zero-volume flat, but not leading
    for (int i = 4; i < 50; i++) {
      b.add(i + 2, T0 + i * H, 10350, 10400, 10300, 10360, 400 + i);
    }
    DataQualityReport r = DataValidator.defaults().validate(b.build());
    assertThat(r.issuesOf(DataIssue.Kind.LAUNCH_PLACEHOLDER))
        .extracting(DataIssue::lineNumber)
        .containsExactly(2L, 3L);
    assertThat(r.issuesOf(DataIssue.Kind.ZERO_VOLUME_FLAT))
        .extracting(DataIssue::lineNumber)
        .containsExactly(3L, 5L);
    assertThat(r.anomalyRows()).isEqualTo(3);
    assertThat(r.score()).isCloseTo(1 - 1.5 / 50, Offset.offset(1e-15));
    // With the rule disabled only the flat bars remain.
    DataQualityReport off = DataValidator.of(12, 0, 168).validate(b.build());
    assertThat(off.count(DataIssue.Kind.LAUNCH_PLACEHOLDER)).isZero();
  }

  @Test
  void anInjectedSpikeIsAnOutlierButDoesNotLowerTheScore() {
    BarSeries.Builder b = clean(100);
    double last = b.build().close(99);
    b.add(500, T0 + 100 * H, last, last * 1.5, last, last * 1.5, 100);
    DataQualityReport r = DataValidator.defaults().validate(b.build());
    assertThat(r.issuesOf(DataIssue.Kind.OUTLIER))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.lineNumber()).isEqualTo(500);
              assertThat(i.detail()).contains("close", "log return +0.4055", "robust sd");
            });
    assertThat(r.score()).isEqualTo(1.0);
    assertThat(r.toText()).contains("INFO: outlier return (1)", "line 500");
  }

  @Test
  void constantPricesHaveNoOutliers() {
    BarSeries.Builder b = BarSeries.builder(SYM, H, "flat");
    for (int i = 0; i < 30; i++) {
      b.add(i + 1, T0 + i * H, 5, 5, 5, 5, 1);
    }
    assertThat(DataValidator.defaults().validate(b.build()).issues()).isEmpty();
  }

  @Test
  void reportTextListsAtMost25PerKind() {
    BarSeries.Builder b = BarSeries.builder(SYM, H, "many");
    for (int i = 0; i < 40; i++) {
      b.add(i + 2, T0 + 2 * i * H, 1, 1, 1, 1, 1); // a gap after every bar
    }
    DataQualityReport r = DataValidator.of(12, 0, 1).validate(b.build());
    assertThat(r.count(DataIssue.Kind.GAP)).isEqualTo(39);
    assertThat(r.toText()).contains("... and 14 more");
    assertThat(r.toString()).isEqualTo(r.toText());
  }

  @Test
  void validatorRejectsBadThresholds() {
    assertThatThrownBy(() -> DataValidator.of(0, 0.001, 1))
        .hasMessageContaining("outlierThreshold");
    assertThatThrownBy(() -> DataValidator.of(Double.NaN, 0.001, 1))
        .hasMessageContaining("outlierThreshold");
    assertThatThrownBy(() -> DataValidator.of(3, 1, 1))
        .hasMessageContaining("placeholderVolumeFraction");
    assertThatThrownBy(() -> DataValidator.of(3, 0.1, 0)).hasMessageContaining("placeholderWindow");
    assertThat(DataValidator.of(3, 0.1, 5).outlierThreshold()).isEqualTo(3);
  }

  @Test
  void seriesFromBarsAndSlices() {
    Bar bar =
        new Bar(
            SYM,
            H,
            T0,
            Price.parse("10"),
            Price.parse("11"),
            Price.parse("9"),
            Price.parse("10.5"),
            Quantity.parse("2.5"));
    BarSeries s = BarSeries.of(SYM, H, "bars", List.of(bar, bar));
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.lineNumber(1)).isEqualTo(2);
    assertThat(s.closeTime(0)).isEqualTo(bar.closeTime());
    assertThat(s.closes()).containsExactly(10.5, 10.5);
    assertThat(s.opens()).containsExactly(10.0, 10.0);
    assertThat(s.highs()).containsExactly(11.0, 11.0);
    assertThat(s.lows()).containsExactly(9.0, 9.0);
    assertThat(s.volumes()).containsExactly(2.5, 2.5);
    assertThat(s.openTimes()).containsExactly(T0, T0);
    s.closes()[0] = -1; // copies: the series cannot be changed from outside
    assertThat(s.close(0)).isEqualTo(10.5);
    assertThat(s.slice(1, 2).size()).isEqualTo(1);
    assertThat(s.toString()).contains("TESTUSDT", "1h", "x2");
    assertThatThrownBy(() -> s.slice(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> BarSeries.of(Symbol.of("OTHER"), H, "x", List.of(bar)))
        .hasMessageContaining("bars[0] must be OTHER");
    assertThatThrownBy(() -> BarSeries.builder(SYM, 0, "x")).hasMessageContaining("intervalMillis");
  }

  /** The score stays in [0, 1] and is 1 exactly when there are no defects or anomalies. */
  @Property(tries = 200)
  void scoreIsBoundedAndOneOnlyWhenClean(
      @ForAll @IntRange(min = 1, max = 60) int n, @ForAll @IntRange(min = 0, max = 999) int seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    BarSeries.Builder b = BarSeries.builder(SYM, H, "random");
    long t = T0;
    for (int i = 0; i < n; i++) {
      t += H * (rnd.nextInt(10) == 0 ? rnd.nextInt(-1, 4) : 1);
      double c = 100 + rnd.nextDouble(-1, 1);
      double v = rnd.nextInt(8) == 0 ? 0 : 10 + rnd.nextDouble();
      double h = c + (rnd.nextInt(20) == 0 ? -1 : 0.5);
      b.add(i + 2, t, c, h, c - 0.5, c, v);
    }
    DataQualityReport r = DataValidator.defaults().validate(b.build());
    assertThat(r.score()).isBetween(0.0, 1.0);
    boolean clean =
        r.count(DataIssue.Severity.DEFECT) == 0 && r.count(DataIssue.Severity.ANOMALY) == 0;
    assertThat(r.score() == 1.0).isEqualTo(clean);
  }
}
