package dev.tyche.backtest.overfit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

  private static final NormalDistribution REF = new NormalDistribution(null, 0, 1);

  @Test
  void standardErrorByHand() {
    // SR = 0.2, T = 101, normal (gamma3 = 0, gamma4 = 3): sqrt((1 + 0.5 * 0.04) / 100).
    assertThat(DeflatedSharpe.sharpeStandardError(0.2, 101, 0, 3))
        .isCloseTo(Math.sqrt(1.02 / 100), within(1e-15));
    // gamma3 = -1, gamma4 = 6: 1 + 0.2 + 5/4 * 0.04 = 1.25 -> sqrt(1.25 / 100).
    assertThat(DeflatedSharpe.sharpeStandardError(0.2, 101, -1, 6))
        .isCloseTo(Math.sqrt(0.0125), within(1e-15));
  }

  @Test
  void probabilisticSharpeByHand() {
    // z = (0.2 - 0.05) * 10 / sqrt(1.25) = 1.3416407864998738.
    double z = 0.15 * 10 / Math.sqrt(1.25);
    assertThat(DeflatedSharpe.probabilisticSharpeRatio(0.2, 0.05, 101, -1, 6))
        .isCloseTo(REF.cumulativeProbability(z), within(1e-14));
    assertThat(DeflatedSharpe.probabilisticSharpeRatio(0.1, 0.1, 50, 0, 3)).isEqualTo(0.5);
    // Two-point distribution with a zero bracket: gamma3 = 2, gamma4 = 5, SR = 1.
    assertThat(DeflatedSharpe.probabilisticSharpeRatio(1.0, 0.5, 10, 2, 5)).isEqualTo(1.0);
    assertThat(DeflatedSharpe.probabilisticSharpeRatio(1.0, 1.5, 10, 2, 5)).isEqualTo(0.0);
    assertThat(DeflatedSharpe.probabilisticSharpeRatio(1.0, 1.0, 10, 2, 5)).isNaN();
  }

  @Test
  void expectedMaximumByHand() {
    // N = 10, V = 0.04: 0.2 ((1 - g) z(0.9) + g z(1 - 1/(10 e))).
    double g = 0.5772156649015329;
    double expected =
        0.2
            * ((1 - g) * REF.inverseCumulativeProbability(0.9)
                + g * REF.inverseCumulativeProbability(1 - 1 / (10 * Math.E)));
    assertThat(DeflatedSharpe.expectedMaximumSharpe(10, 0.04)).isCloseTo(expected, within(1e-13));
    // For N = 10 the approximation is about 1.5746 standard deviations (the exact expected
    // maximum of 10 standard normals is 1.5388).
    assertThat(DeflatedSharpe.expectedMaximumSharpe(10, 1.0)).isCloseTo(1.5746, within(1e-4));
    assertThat(DeflatedSharpe.expectedMaximumSharpe(1, 0.5)).isEqualTo(0.0);
    assertThat(DeflatedSharpe.expectedMaximumSharpe(100, 0.0)).isEqualTo(0.0);
  }

  @Test
  void reproducesTheNumericalExampleOfTheDsrPaper() {
    // Bailey and Lopez de Prado (2014): annualised SR 2.5, T = 1250 daily returns (250 a year),
    // N = 100 trials whose annualised Sharpe ratios have variance 0.5, skewness -3, kurtosis 10.
    // Published: SR0 = 0.1132 per day, DSR = 0.9004 (four decimals).
    double sr = 2.5 / Math.sqrt(250);
    double v = 0.5 / 250;
    double sr0 = DeflatedSharpe.expectedMaximumSharpe(100, v);
    assertThat(sr0).isCloseTo(0.1132, within(5e-5));
    double dsr = DeflatedSharpe.deflatedSharpeRatio(sr, 1250, -3, 10, 100, v);
    assertThat(dsr).isCloseTo(0.9004, within(5e-5));
  }

  @Test
  void dsrFallsAsTrialsGrow() {
    double previous = 1.0;
    for (int n = 1; n <= 10_000; n *= 2) {
      double dsr = DeflatedSharpe.deflatedSharpeRatio(0.1, 500, -0.5, 5, n, 0.002);
      assertThat(dsr).isLessThan(previous);
      previous = dsr;
    }
    // With one trial there is no deflation: DSR = PSR against 0.
    assertThat(DeflatedSharpe.deflatedSharpeRatio(0.1, 500, -0.5, 5, 1, 0.002))
        .isEqualTo(DeflatedSharpe.probabilisticSharpeRatio(0.1, 0, 500, -0.5, 5));
  }

  @Test
  void fromReturnsUsesPopulationMomentsAndSampleVarianceOfTrials() {
    SplittableRandom random = new SplittableRandom(11);
    double[] r = new double[400];
    for (int i = 0; i < r.length; i++) {
      r[i] = 0.001 + 0.01 * random.nextGaussian();
    }
    double[] trials = {0.02, 0.05, -0.01, 0.08, 0.0};
    DeflatedSharpe.Deflation d = DeflatedSharpe.of(r, trials);
    double mean = 0;
    for (double x : r) {
      mean += x / r.length;
    }
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    double ss = 0;
    for (double x : r) {
      double e = x - mean;
      m2 += e * e / r.length;
      m3 += e * e * e / r.length;
      m4 += e * e * e * e / r.length;
      ss += e * e;
    }
    assertThat(d.sharpe()).isCloseTo(mean / Math.sqrt(ss / (r.length - 1)), within(1e-12));
    assertThat(d.skewness()).isCloseTo(m3 / Math.pow(m2, 1.5), within(1e-10));
    assertThat(d.kurtosis()).isCloseTo(m4 / (m2 * m2), within(1e-10));
    assertThat(d.observations()).isEqualTo(400);
    assertThat(d.trials()).isEqualTo(5);
    // Sample variance of the trials: mean 0.028, deviations -0.008, 0.022, -0.038, 0.052, -0.028.
    assertThat(d.trialSharpeVariance()).isCloseTo(0.005_48 / 4, within(1e-15));
    assertThat(d.expectedMaximumSharpe())
        .isEqualTo(DeflatedSharpe.expectedMaximumSharpe(5, d.trialSharpeVariance()));
    assertThat(d.deflatedSharpeRatio())
        .isEqualTo(
            DeflatedSharpe.deflatedSharpeRatio(
                d.sharpe(), 400, d.skewness(), d.kurtosis(), 5, d.trialSharpeVariance()));
    assertThat(d.probabilisticSharpeRatio()).isGreaterThan(d.deflatedSharpeRatio());
    assertThat(d.standardError())
        .isEqualTo(DeflatedSharpe.sharpeStandardError(d.sharpe(), 400, d.skewness(), d.kurtosis()));
    assertThat(DeflatedSharpe.of(r, new double[] {0.3}).expectedMaximumSharpe()).isEqualTo(0.0);
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> DeflatedSharpe.sharpeStandardError(Double.NaN, 10, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sharpe must be finite but was NaN");
    assertThatThrownBy(() -> DeflatedSharpe.sharpeStandardError(0.1, 1, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observations must be >= 2 but was 1");
    assertThatThrownBy(() -> DeflatedSharpe.sharpeStandardError(0.1, 10, 1, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kurtosis (non-excess) must be >= 1 + skewness^2");
    assertThatThrownBy(
            () -> DeflatedSharpe.sharpeStandardError(0.1, 10, Double.POSITIVE_INFINITY, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeflatedSharpe.probabilisticSharpeRatio(0.1, Double.NaN, 10, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("benchmark");
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaximumSharpe(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trials must be >= 1 but was 0");
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaximumSharpe(5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sharpeVariance");
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaximumSharpe(5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeflatedSharpe.of(new double[] {0.1, 0.1, 0.1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("constant");
    assertThatThrownBy(() -> DeflatedSharpe.of(new double[] {0.1, 0.2}, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trialSharpes");
    assertThatThrownBy(
            () -> DeflatedSharpe.of(new double[] {0.1, 0.2}, new double[] {0.1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trialSharpes[1]");
    assertThatThrownBy(() -> DeflatedSharpe.of(new double[] {0.1, Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
