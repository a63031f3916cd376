package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class StatsPropertiesTest {

  /** Values of moderate size, including repeats and exact zeros that jqwik favours. */
  @Provide
  Arbitrary<double[]> values() {
    return Arbitraries.doubles()
        .between(-1e3, 1e3)
        .ofScale(9)
        .list()
        .ofMinSize(1)
        .ofMaxSize(80)
        .map(StatsPropertiesTest::toArray);
  }

  @Provide
  Arbitrary<double[]> atLeastTwo() {
    return values().filter(x -> x.length >= 2);
  }

  @Provide
  Arbitrary<double[]> prices() {
    return Arbitraries.doubles()
        .between(0.01, 1e4)
        .ofScale(6)
        .list()
        .ofMinSize(2)
        .ofMaxSize(80)
        .map(StatsPropertiesTest::toArray);
  }

  @Provide
  Arbitrary<double[]> returns() {
    return Arbitraries.doubles()
        .between(-0.5, 0.5)
        .ofScale(9)
        .list()
        .ofMinSize(2)
        .ofMaxSize(80)
        .map(StatsPropertiesTest::toArray);
  }

  /** An array and a window length {@code 1 <= w <= n}. */
  @Provide
  Arbitrary<Object[]> arrayAndWindow() {
    return values()
        .flatMap(
            x ->
                Combinators.combine(
                        Arbitraries.just(x), Arbitraries.integers().between(1, x.length))
                    .as((a, w) -> new Object[] {a, w}));
  }

  @Property
  void quantilesAreMonotoneInPAndWithinRange(
      @ForAll("values") double[] x,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 1) double p1,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 1) double p2) {
    double lo = Math.min(p1, p2);
    double hi = Math.max(p1, p2);
    double min = Descriptive.min(x);
    double max = Descriptive.max(x);
    assertThat(Quantiles.type7(x, lo)).isLessThanOrEqualTo(Quantiles.type7(x, hi));
    assertThat(Quantiles.type1(x, lo)).isLessThanOrEqualTo(Quantiles.type1(x, hi));
    assertThat(Quantiles.type7(x, lo)).isBetween(min, max);
    assertThat(Quantiles.type1(x, hi)).isBetween(min, max);
    assertThat(Quantiles.type7(x, 0)).isEqualTo(min);
    assertThat(Quantiles.type7(x, 1)).isEqualTo(max);
    assertThat(Quantiles.type1(x, 0)).isEqualTo(min);
    assertThat(Quantiles.type1(x, 1)).isEqualTo(max);
  }

  @Property
  void type1QuantileIsADataValueWithEnoughMassBelow(
      @ForAll("values") double[] x, @ForAll @Scale(9) @DoubleRange(min = 0, max = 1) double p) {
    double q = Quantiles.type1(x, p);
    assertThat(x).contains(q);
    // Inverse ECDF: the smallest data value v with #{x_i <= v} >= n p.
    long atOrBelow = Arrays.stream(x).filter(v -> v <= q).count();
    long below = Arrays.stream(x).filter(v -> v < q).count();
    assertThat((double) atOrBelow).isGreaterThanOrEqualTo(x.length * p);
    assertThat((double) below).isLessThan(Math.max(1.0, x.length * p));
  }

  @Property
  void populationVarianceIsSampleTimesNMinusOneOverN(@ForAll("atLeastTwo") double[] x) {
    int n = x.length;
    double sample = Descriptive.sampleVariance(x);
    double population = Descriptive.populationVariance(x);
    assertThat(population).isCloseTo(sample * (n - 1) / n, relative(sample, 1e-12));
    assertThat(sample).isGreaterThanOrEqualTo(0.0);
    assertThat(Descriptive.populationCovariance(x, x))
        .isCloseTo(population, relative(sample, 1e-12));
  }

  @Property
  void varianceIsTranslationInvariantAndScalesQuadratically(
      @ForAll("atLeastTwo") double[] x,
      @ForAll @Scale(9) @DoubleRange(min = -1e4, max = 1e4) double shift,
      @ForAll @Scale(9) @DoubleRange(min = 0.01, max = 100) double scale) {
    double v = Descriptive.sampleVariance(x);
    double[] shifted = Arrays.stream(x).map(a -> a + shift).toArray();
    double[] scaled = Arrays.stream(x).map(a -> a * scale).toArray();
    // Absolute error scale: rounding of the shifted values is relative to |x| + |shift|.
    double ulpScale = 1e3 + Math.abs(shift);
    assertThat(Descriptive.sampleVariance(shifted))
        .isCloseTo(v, org.assertj.core.data.Offset.offset(1e-9 * ulpScale * ulpScale));
    assertThat(Descriptive.sampleVariance(scaled))
        .isCloseTo(v * scale * scale, relative(v * scale * scale, 1e-12));
  }

  @Property
  void correlationIsBoundedAndOneForAPositiveAffineMap(
      @ForAll("atLeastTwo") double[] x, @ForAll("atLeastTwo") double[] y) {
    int n = Math.min(x.length, y.length);
    double[] a = Arrays.copyOf(x, n);
    double[] b = Arrays.copyOf(y, n);
    double r = Descriptive.correlation(a, b);
    if (!Double.isNaN(r)) {
      assertThat(r).isBetween(-1.0, 1.0);
    }
    double[] affine = Arrays.stream(a).map(v -> 3 * v - 7).toArray();
    double self = Descriptive.correlation(a, affine);
    if (Descriptive.sampleVariance(a) > 0) {
      assertThat(self).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    } else {
      assertThat(self).isNaN();
    }
  }

  @Property
  void staticRollingEqualsNaiveRecomputation(@ForAll("arrayAndWindow") Object[] input) {
    double[] x = (double[]) input[0];
    int w = (Integer) input[1];
    double[] sum = Rolling.sum(x, w);
    double[] mean = Rolling.mean(x, w);
    double[] min = Rolling.min(x, w);
    double[] max = Rolling.max(x, w);
    double[] psd = Rolling.populationStandardDeviation(x, w);
    double[] ssd = w >= 2 ? Rolling.sampleStandardDeviation(x, w) : null;
    for (int t = 0; t < x.length; t++) {
      if (t < w - 1) {
        assertThat(sum[t]).isNaN();
        assertThat(mean[t]).isNaN();
        assertThat(min[t]).isNaN();
        assertThat(max[t]).isNaN();
        assertThat(psd[t]).isNaN();
        continue;
      }
      double[] win = Arrays.copyOfRange(x, t - w + 1, t + 1);
      assertThat(sum[t]).isCloseTo(naiveSum(win), abs(1e-9));
      assertThat(mean[t]).isCloseTo(naiveSum(win) / w, abs(1e-10));
      assertThat(min[t]).isEqualTo(Arrays.stream(win).min().orElseThrow());
      assertThat(max[t]).isEqualTo(Arrays.stream(win).max().orElseThrow());
      assertThat(psd[t]).isCloseTo(Math.sqrt(naiveSquares(win) / w), abs(1e-7));
      if (ssd != null) {
        assertThat(ssd[t]).isCloseTo(Math.sqrt(naiveSquares(win) / (w - 1)), abs(1e-7));
      }
    }
  }

  @Property
  void streamingWindowEqualsNaiveRecomputationAfterEveryAdd(
      @ForAll("values") double[] x, @ForAll @IntRange(min = 1, max = 12) int capacity) {
    RollingWindow window = new RollingWindow(capacity);
    for (int t = 0; t < x.length; t++) {
      window.add(x[t]);
      double[] held = Arrays.copyOfRange(x, Math.max(0, t - capacity + 1), t + 1);
      assertThat(window.size()).isEqualTo(held.length);
      assertThat(window.isReady()).isEqualTo(held.length == capacity);
      assertThat(window.toArray()).containsExactly(held);
      assertThat(window.sum()).isCloseTo(naiveSum(held), abs(1e-9));
      assertThat(window.mean()).isCloseTo(naiveSum(held) / held.length, abs(1e-10));
      assertThat(window.populationVariance())
          .isCloseTo(naiveSquares(held) / held.length, abs(1e-7));
      if (held.length >= 2) {
        assertThat(window.sampleStandardDeviation())
            .isCloseTo(Math.sqrt(naiveSquares(held) / (held.length - 1)), abs(1e-7));
      }
      assertThat(window.min()).isEqualTo(Arrays.stream(held).min().orElseThrow());
      assertThat(window.max()).isEqualTo(Arrays.stream(held).max().orElseThrow());
    }
  }

  @Property
  void maxDrawdownIsAFractionBelowOne(@ForAll("prices") double[] prices) {
    Drawdown d = PerformanceMetrics.maxDrawdown(prices);
    assertThat(d.maxDrawdown()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    // Brute force over all pairs s <= t.
    double worst = 0.0;
    for (int t = 0; t < prices.length; t++) {
      for (int s = 0; s <= t; s++) {
        worst = Math.max(worst, 1.0 - prices[t] / prices[s]);
      }
    }
    assertThat(d.maxDrawdown()).isCloseTo(worst, abs(1e-15));
    assertThat(d.troughValue() / d.peakValue()).isCloseTo(1 - worst, abs(1e-12));
    if (d.recoveryIndex().isPresent()) {
      assertThat(prices[d.recoveryIndex().getAsInt()]).isGreaterThanOrEqualTo(d.peakValue());
    }
  }

  @Property
  void noDrawdownForNonDecreasingPrices(@ForAll("prices") double[] prices) {
    double[] sorted = prices.clone();
    Arrays.sort(sorted);
    Drawdown d = PerformanceMetrics.maxDrawdown(sorted);
    assertThat(d.maxDrawdown()).isZero();
    assertThat(d.recoveryIndex()).isPresent();
  }

  @Property
  void sharpeIsInvariantToPositiveScaling(
      @ForAll("returns") double[] r,
      @ForAll @Scale(9) @DoubleRange(min = 0.001, max = 1000) double c) {
    double[] scaled = Arrays.stream(r).map(v -> v * c).toArray();
    double s = PerformanceMetrics.sharpeRatio(r, 0.0);
    double sc = PerformanceMetrics.sharpeRatio(scaled, 0.0);
    if (Double.isNaN(s)) {
      assertThat(sc).isNaN();
    } else {
      assertThat(sc).isCloseTo(s, abs(1e-9 * (1 + Math.abs(s))));
    }
  }

  @Property
  void returnsAndEquityRoundTrip(@ForAll("prices") double[] prices) {
    double[] simple = Returns.equityFromSimple(Returns.simple(prices), prices[0]);
    double[] log = Returns.equityFromLog(Returns.log(prices), prices[0]);
    for (int i = 0; i < prices.length; i++) {
      assertThat(simple[i]).isCloseTo(prices[i], abs(1e-9 * prices[i]));
      assertThat(log[i]).isCloseTo(prices[i], abs(1e-9 * prices[i]));
    }
    assertThat(PerformanceMetrics.totalReturn(prices))
        .isCloseTo(
            Returns.cumulativeSimple(Returns.simple(prices))[prices.length - 2],
            abs(1e-9 * (1 + Math.abs(PerformanceMetrics.totalReturn(prices)))));
  }

  // ---- helpers ----

  private static double[] toArray(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double naiveSum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  private static double naiveSquares(double[] x) {
    double m = naiveSum(x) / x.length;
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s;
  }

  private static org.assertj.core.data.Offset<Double> abs(double tol) {
    return org.assertj.core.data.Offset.offset(tol);
  }

  private static org.assertj.core.data.Offset<Double> relative(double scale, double rel) {
    return org.assertj.core.data.Offset.offset(rel * Math.abs(scale) + 1e-300);
  }
}
