package dev.tyche.strategy.regime.detector;

import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.regime.hmm.HmmFitOptions;
import dev.tyche.strategy.regime.hmm.InitialStateFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic price paths with known regimes, and small detector settings for fast tests.
 *
 * <p>Immutable and thread-safe (static helpers only).
 */
final class Scenarios {

  private Scenarios() {}

  /** One simulated segment: log returns ~ N(drift, vol^2) per bar. */
  record Segment(MarketRegime truth, int bars, double drift, double vol) {}

  /** A calm bull, a volatile bear and a crash, three times over (1 630 bars). */
  static final List<Segment> BULL_BEAR_CRASH =
      List.of(
          new Segment(MarketRegime.BULL_LOW_VOL, 400, 0.003, 0.01),
          new Segment(MarketRegime.BEAR_HIGH_VOL, 200, -0.006, 0.03),
          new Segment(MarketRegime.CRISIS, 15, -0.04, 0.06),
          new Segment(MarketRegime.BULL_LOW_VOL, 300, 0.003, 0.01),
          new Segment(MarketRegime.BEAR_HIGH_VOL, 200, -0.006, 0.03),
          new Segment(MarketRegime.CRISIS, 15, -0.04, 0.06),
          new Segment(MarketRegime.BULL_LOW_VOL, 300, 0.003, 0.01),
          new Segment(MarketRegime.BEAR_HIGH_VOL, 200, -0.006, 0.03));

  /** Closes and the true regime of each bar. */
  record Path(double[] closes, MarketRegime[] truth) {}

  static Path simulate(List<Segment> segments, long seed) {
    Random rnd = new Random(seed);
    List<Double> closes = new ArrayList<>();
    List<MarketRegime> truth = new ArrayList<>();
    double p = 100.0;
    for (Segment s : segments) {
      for (int i = 0; i < s.bars(); i++) {
        p *= Math.exp(s.drift() + s.vol() * rnd.nextGaussian());
        closes.add(p);
        truth.add(s.truth());
      }
    }
    double[] c = new double[closes.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = closes.get(i);
    }
    return new Path(c, truth.toArray(new MarketRegime[0]));
  }

  /** A random walk with returns uniform in [-4 %, 4 %] and occasional volatility bursts. */
  static double[] randomWalk(long seed, int n) {
    Random rnd = new Random(seed);
    double[] c = new double[n];
    double p = 100.0;
    double scale = 0.01;
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(25) == 0) {
        scale = 0.005 + 0.04 * rnd.nextDouble();
      }
      p *= Math.exp(scale * (2 * rnd.nextDouble() - 1) + 0.002 * rnd.nextGaussian());
      c[i] = p;
    }
    return c;
  }

  /** Small and fast settings: K states, trend window 5, first fit after 40 returns. */
  static RegimeDetectorConfig small(int k, VolatilityFeature vol, FitWindow window, int every) {
    HmmFitOptions hmm =
        HmmFitOptions.defaults(k)
            .withInitialState(InitialStateFit.ESTIMATED)
            .withRandomStarts(1, 7L)
            .withIterations(60, 5)
            .withTolerances(1e-6, 1e-6);
    return RegimeDetectorConfig.defaults()
        .withHmm(hmm)
        .withVolatility(vol, 0.9)
        .withTrend(5, 0.05, 0.0)
        .withSchedule(window, 60, 40, every)
        .withCrisis(1.5, 0.1, 10);
  }
}
