package dev.tyche.backtest.overfit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Checks the hand-written normal functions against Commons Math 3 (on the test class path). */
class NormalTest {

  private static final NormalDistribution REF = new NormalDistribution(null, 0, 1);

  @Test
  void cdfMatchesCommonsMathAbsolutelyAndInTheTails() {
    for (double x = -8.0; x <= 8.0; x += 0.01) {
      assertThat(Normal.cdf(x))
          .as("x=%s", x)
          .isCloseTo(REF.cumulativeProbability(x), within(2e-15));
    }
    for (double x = -37.0; x <= -3.0; x += 0.05) {
      double ref = REF.cumulativeProbability(x);
      assertThat(Math.abs(Normal.cdf(x) / ref - 1.0)).as("x=%s", x).isLessThan(1e-12);
    }
    // Classical table values.
    assertThat(Normal.cdf(1.0)).isCloseTo(0.8413447460685429, within(1e-15));
    assertThat(Normal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
    assertThat(Normal.cdf(0.0)).isEqualTo(0.5);
    assertThat(Normal.cdf(-50)).isEqualTo(0.0);
    assertThat(Normal.cdf(50)).isEqualTo(1.0);
    assertThat(Normal.cdf(Double.NaN)).isNaN();
  }

  @Test
  void quantileMatchesCommonsMathAndInvertsTheCdf() {
    // Reference quantiles from Python 3.11 statistics.NormalDist().inv_cdf, which implements M. J.
    // Wichura's AS 241 (Applied Statistics 37(3), 1988; about 1e-16 relative). Commons Math's
    // erf-based inverse is only good to about 1e-9 relative in the far tail, so it is not used
    // there.
    double[][] table = {
      {1e-300, -37.0470962993612},
      {1e-100, -21.27345356096532},
      {1e-20, -9.262340089798405},
      {1e-10, -6.361340902404056},
      {1e-05, -4.2648907939228256},
      {0.001, -3.090232306167813},
      {0.02, -2.0537489106318225},
      {0.02425, -1.9729610513118845},
      {0.1, -1.2815515655446008},
      {0.3, -0.5244005127080407},
    };
    for (double[] row : table) {
      assertThat(Normal.quantile(row[0]))
          .as("p=%s", row[0])
          .isCloseTo(row[1], within(4e-15 * Math.abs(row[1])));
    }
    assertThat(Normal.quantile(0.5)).isEqualTo(0.0);
    for (double p = 0.001; p <= 0.5; p += 0.001) {
      // 1 - p is exact here, so the symmetry holds to rounding.
      assertThat(Normal.quantile(1 - p))
          .as("p=%s", p)
          .isCloseTo(-Normal.quantile(p), within(1e-14));
    }
    for (double p = 0.001; p < 1.0; p += 0.001) {
      assertThat(Normal.quantile(p))
          .as("p=%s", p)
          .isCloseTo(REF.inverseCumulativeProbability(p), within(1e-13));
    }
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
    assertThat(Normal.quantile(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Normal.quantile(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Normal.quantile(4.9e-324)).isLessThan(-38.0);
  }

  @Test
  void quantileRejectsBadProbabilities() {
    assertThatThrownBy(() -> Normal.quantile(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p must be in [0, 1] but was -0.1");
    assertThatThrownBy(() -> Normal.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Normal.quantile(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
