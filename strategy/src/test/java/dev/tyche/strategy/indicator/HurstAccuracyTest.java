package dev.tyche.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The input on which {@code IndicatorProperties.hurst} once failed (seed 9051675688635413258):
 * prices whose returns are {@code a, 0, b, 0} with {@code a} within 3e-5 relative of {@code b}, so
 * that the 2-period sums are almost constant and the variance ratio is tiny. The exact ratio of the
 * same double returns, from 60-digit {@code BigDecimal} arithmetic, is {@code
 * 7.371691874609642e-10} ({@code H = -14.668642589540053}).
 */
class HurstAccuracyTest {

  private static final double[] PRICES = {980.2, 1010.05, 1010.05, 1040.81, 1040.81};
  private static final double EXACT_VR = 7.371691874609642e-10;
  private static final double EXACT_H = -14.668642589540053;

  @Test
  void twoPassRecomputationIsAccurate() {
    // Centred two-pass sums do not cancel: close to the exact value.
    assertThat(Naive.varianceRatio(PRICES, 4, 2)[0][4])
        .isCloseTo(EXACT_VR, within(1e-10 * EXACT_VR));
    assertThat(Naive.hurst(PRICES, 4, 2)[4]).isCloseTo(EXACT_H, within(1e-10));
  }

  @Test
  void streamingRatioIsWithinItsRoundingBound() {
    HurstExponent h = new HurstExponent(4, 2);
    for (double p : PRICES) {
      h.update(p);
    }
    // The one-pass sums are of order a^2 = 9e-4 and cancel to about 7e-13: with u = 1.1e-16 each
    // operation on them rounds by up to 1e-19, 1.4e-7 of the result. Measured: 7.7e-7 relative.
    // 1e-5 relative is an order above it; the bound used by the property is looser still.
    assertThat(h.varianceRatio()).isCloseTo(EXACT_VR, within(1e-5 * EXACT_VR));
    // dH = dVR / (2 VR ln 2): 1e-5 relative in VR is at most 7.3e-6 in H.
    assertThat(h.value()).isCloseTo(EXACT_H, within(7.3e-6));
    // A tiny but non-zero ratio is not mistaken for the 1e-10 noise floor.
    assertThat(h.value()).isFinite();
  }
}
