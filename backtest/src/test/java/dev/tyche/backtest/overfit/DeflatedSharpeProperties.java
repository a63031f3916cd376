package dev.tyche.backtest.overfit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class DeflatedSharpeProperties {

  @Property(tries = 300)
  void moreTrialsNeverRaiseTheDeflatedSharpe(
      @ForAll @Scale(6) @DoubleRange(min = -0.3, max = 0.5) double sharpe,
      @ForAll @IntRange(min = 10, max = 5000) int observations,
      @ForAll @Scale(6) @DoubleRange(min = -2, max = 2) double skew,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 10) double extraKurtosis,
      @ForAll @IntRange(min = 1, max = 10_000) int trials,
      @ForAll @IntRange(min = 1, max = 1000) int moreTrials,
      @ForAll @Scale(6) @DoubleRange(min = 1e-6, max = 0.05) double variance) {
    double kurt = 1 + skew * skew + extraKurtosis;
    double few =
        DeflatedSharpe.deflatedSharpeRatio(sharpe, observations, skew, kurt, trials, variance);
    double many =
        DeflatedSharpe.deflatedSharpeRatio(
            sharpe, observations, skew, kurt, trials + moreTrials, variance);
    assertThat(many).isLessThanOrEqualTo(few);
    assertThat(few).isBetween(0.0, 1.0);
    assertThat(DeflatedSharpe.expectedMaximumSharpe(trials + moreTrials, variance))
        .isGreaterThan(DeflatedSharpe.expectedMaximumSharpe(trials, variance));
  }

  @Property(tries = 300)
  void psrRisesWithTheSharpeRatioAndTrackLengthAboveTheBenchmark(
      @ForAll @Scale(6) @DoubleRange(min = -0.2, max = 0.2) double benchmark,
      @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 0.3) double edge,
      @ForAll @IntRange(min = 10, max = 2000) int observations) {
    double sr = benchmark + edge;
    double psr = DeflatedSharpe.probabilisticSharpeRatio(sr, benchmark, observations, 0, 3);
    assertThat(psr).isGreaterThan(0.5);
    assertThat(DeflatedSharpe.probabilisticSharpeRatio(sr + 0.05, benchmark, observations, 0, 3))
        .isGreaterThanOrEqualTo(psr);
    assertThat(DeflatedSharpe.probabilisticSharpeRatio(sr, benchmark, observations * 2, 0, 3))
        .isGreaterThanOrEqualTo(psr);
    // Symmetry of PSR for a normal distribution and SR* = -SR... P(SR > -x) = 1 - P(SR > x) at 0.
    assertThat(
            DeflatedSharpe.probabilisticSharpeRatio(0.0, edge, observations, 0, 3)
                + DeflatedSharpe.probabilisticSharpeRatio(0.0, -edge, observations, 0, 3))
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
  }
}
