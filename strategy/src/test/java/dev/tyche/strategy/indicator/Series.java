package dev.tyche.strategy.indicator;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random test series: positive price paths rounded to cents (so ties and flat stretches occur) and
 * bars whose high and low bracket the close.
 */
final class Series {

  private Series() {}

  /** OHLCV bars as parallel arrays. */
  record Bars(double[] high, double[] low, double[] close, double[] volume) {
    int size() {
      return close.length;
    }
  }

  private static double cents(double x) {
    return Math.max(0.01, Math.round(x * 100.0) / 100.0);
  }

  private static Arbitrary<Double> returns() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(-0.05, 0.05)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(0.0)));
  }

  static Arbitrary<double[]> prices(int minSize, int maxSize) {
    return returns().list().ofMinSize(minSize).ofMaxSize(maxSize).map(Series::walk);
  }

  private static double[] walk(List<Double> rs) {
    double[] p = new double[rs.size()];
    double x = 1000.0;
    for (int i = 0; i < p.length; i++) {
      x *= Math.exp(rs.get(i));
      p[i] = cents(x);
    }
    return p;
  }

  private record Step(double ret, double up, double down, double volume) {}

  static Arbitrary<Bars> bars(int minSize, int maxSize) {
    Arbitrary<Double> spread =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(0.0, 0.04)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(0.0)));
    Arbitrary<Double> volume =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(0.0, 1000.0).ofScale(3)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(0.0)));
    Arbitrary<Step> step = Combinators.combine(returns(), spread, spread, volume).as(Step::new);
    return step.list().ofMinSize(minSize).ofMaxSize(maxSize).map(Series::toBars);
  }

  private static Bars toBars(List<Step> steps) {
    int n = steps.size();
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double x = 1000.0;
    for (int i = 0; i < n; i++) {
      Step s = steps.get(i);
      x *= Math.exp(s.ret());
      c[i] = cents(x);
      h[i] = Math.ceil(c[i] * (1.0 + s.up()) * 100.0) / 100.0;
      l[i] = Math.floor(c[i] * (1.0 - s.down()) * 100.0) / 100.0;
      v[i] = s.volume();
    }
    return new Bars(h, l, c, v);
  }
}
