package dev.tyche.execution.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import dev.tyche.core.order.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlmgrenChrissTest {

  private static final AlmgrenChrissParameters SHARED = Fixtures.shared(Side.SELL, 0);

  @Test
  void zeroRiskAversionGivesTheExactLinearScheduleAndItsClosedForm() {
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(SHARED, 0);
    assertThat(s.kappa()).isZero();
    assertThat(s.halfLife()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.holdings())
        .containsExactly(250000, 218750, 187500, 156250, 125000, 93750, 62500, 31250, 0);
    assertThat(s.trades()).containsOnly(31250);
    // Hand computation: gamma X^2/2 = 3125, epsilon X = 2500, eta_tilde X^2 / T = 30859.375.
    assertThat(s.expectedCost()).isCloseTo(36484.375, within(1e-8));
    ShortfallDistribution closed = AlmgrenChriss.closedFormShortfall(SHARED, 0);
    assertThat(closed.mean()).isCloseTo(s.expectedCost(), within(1e-8));
    assertThat(closed.variance()).isCloseTo(s.variance(), within(1e-3));
    assertThat(s.tradeRates()).containsOnly(125000);
    assertThat(s.times()).containsExactly(0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2);
  }

  @Test
  void kappaKeepsFullPrecisionForTinyRiskAversion() {
    // kappa_tilde tau = 1e-12: the acosh form would round cosh to 1 and return 0.
    double lambda = 1e-24 * SHARED.etaTilde() / (0.16 * 0.0625) * 16;
    double kt2 = AlmgrenChriss.kappaTildeSquared(SHARED, lambda);
    double kappa = AlmgrenChriss.kappa(SHARED, lambda);
    assertThat(kappa).isPositive();
    assertThat(kappa / Math.sqrt(kt2)).isCloseTo(1, within(1e-15));
    double acoshForm = acosh(1 + kt2 * 0.0625 / 2) / 0.25;
    assertThat(acoshForm).isZero();
    // The schedule is the linear one to within (kappa T)^2 ~ 1e-23.
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(SHARED, lambda);
    AlmgrenChrissSchedule linear = AlmgrenChriss.optimalSchedule(SHARED, 0);
    for (int k = 0; k <= 8; k++) {
      assertThat(s.holdings()[k]).isCloseTo(linear.holdings()[k], within(1e-9));
    }
  }

  @Test
  void kappaAgreesWithTheAcoshFormWhereThatIsAccurate() {
    for (double lambda : new double[] {1e-7, 5e-6, 5e-5, 1e-3}) {
      double kt2 = AlmgrenChriss.kappaTildeSquared(SHARED, lambda);
      double tau = SHARED.tau();
      double acoshForm = acosh(1 + kt2 * tau * tau / 2) / tau;
      assertThat(AlmgrenChriss.kappa(SHARED, lambda))
          .isCloseTo(acoshForm, within(1e-9 * acoshForm));
    }
  }

  @Test
  void asinhIsAccurateOverItsRange() {
    assertThat(AlmgrenChriss.asinh(0)).isZero();
    assertThat(AlmgrenChriss.asinh(1e-300)).isEqualTo(1e-300);
    assertThat(AlmgrenChriss.asinh(1)).isCloseTo(0.881373587019543, within(1e-15));
    double big = 1e200;
    assertThat(AlmgrenChriss.asinh(big)).isCloseTo(Math.log(big) + Math.log(2), within(1e-12));
    assertThat(AlmgrenChriss.asinh(1e7))
        .isCloseTo(Math.log(1e7 + Math.sqrt(1 + 1e14)), within(1e-9));
  }

  @Test
  void kappaTendsToKappaTildeAsTheIntervalsShrink() {
    AlmgrenChrissParameters fine =
        new AlmgrenChrissParameters(
            Side.SELL, 250_000, 2, 100_000, 0.4, 0, new LinearImpact(0.01, 1e-6, 1e-7));
    double lambda = 5e-6;
    double kt = Math.sqrt(AlmgrenChriss.kappaTildeSquared(fine, lambda));
    assertThat(AlmgrenChriss.kappa(fine, lambda)).isCloseTo(kt, within(1e-9 * kt));
  }

  @Test
  void halfLifeAndRiskAversionAreInverse() {
    for (double lambda : new double[] {1e-8, 5e-6, 5e-5, 1e-2}) {
      AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(SHARED, lambda);
      double back = AlmgrenChriss.riskAversionForHalfLife(SHARED, s.halfLife());
      assertThat(back).isCloseTo(lambda, within(1e-9 * lambda));
      assertThat(s.kappaT()).isCloseTo(s.kappa() * 2, within(1e-15));
    }
    AlmgrenChrissParameters calm =
        AlmgrenChrissParameters.of(Side.SELL, 1000, 1, 4, 0, new LinearImpact(0, 1e-3, 0));
    assertThatThrownBy(() -> AlmgrenChriss.riskAversionForHalfLife(calm, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> AlmgrenChriss.riskAversionForHalfLife(SHARED, 1e-6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> AlmgrenChriss.riskAversionForHalfLife(SHARED, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("halfLife");
  }

  @Test
  void singleIntervalTradesEverythingAtOnce() {
    AlmgrenChrissParameters one =
        AlmgrenChrissParameters.of(Side.BUY, 1000, 0.5, 1, 2, new LinearImpact(0.05, 1e-4, 1e-5));
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(one, 1e-3);
    assertThat(s.holdings()).containsExactly(1000, 0);
    assertThat(s.trades()).containsExactly(1000);
    assertThat(s.variance()).isZero();
    double etaTilde = 1e-4 - 1e-5 * 0.25;
    assertThat(s.expectedCost())
        .isCloseTo(0.5 * 1e-5 * 1e6 + 0.05 * 1000 + etaTilde * 1e6 / 0.5, within(1e-9));
    ShortfallDistribution closed = AlmgrenChriss.closedFormShortfall(one, 1e-3);
    assertThat(closed.mean()).isCloseTo(s.expectedCost(), within(1e-9));
    assertThat(closed.variance()).isCloseTo(0, within(1e-9));
  }

  @Test
  void veryUrgentScheduleStaysFiniteAndMatchesTheClosedForm() {
    // With N = 8, kappa tau = 2 asinh(kappa_tilde tau / 2) grows like ln(lambda): lambda = 1e40
    // gives kappa T ~ 720, where sinh(kappa T) overflows and the scaled forms must take over.
    double lambda = 1e40;
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(SHARED, lambda);
    assertThat(s.kappaT()).isGreaterThan(700);
    assertThat(s.holdings()[1]).isGreaterThanOrEqualTo(0).isLessThan(1e-30);
    assertThat(s.trades()[0]).isEqualTo(250_000);
    ShortfallDistribution closed = AlmgrenChriss.closedFormShortfall(SHARED, lambda);
    assertThat(closed.mean()).isCloseTo(s.expectedCost(), within(1e-9 * s.expectedCost()));
    assertThat(closed.variance()).isCloseTo(s.variance(), within(1e-6));
    // kappa T ~ 400: the closed form's scaled branch against the summed form with nonzero V.
    AlmgrenChrissParameters longer =
        new AlmgrenChrissParameters(
            Side.SELL, 250_000, 2, 400, 0.4, 0, new LinearImpact(0.01, 1e-6, 1e-7));
    AlmgrenChrissSchedule l = AlmgrenChriss.optimalSchedule(longer, 0.4);
    assertThat(l.kappaT()).isBetween(350.0, 700.0);
    ShortfallDistribution lc = AlmgrenChriss.closedFormShortfall(longer, 0.4);
    assertThat(lc.mean()).isCloseTo(l.expectedCost(), within(1e-9 * l.expectedCost()));
    assertThat(lc.variance()).isCloseTo(l.variance(), within(1e-9 * l.variance()));
  }

  @Test
  void driftScheduleSolvesTheFirstOrderConditionsForBothSides() {
    for (Side side : Side.values()) {
      for (double drift : new double[] {-0.05, 0.02}) {
        AlmgrenChrissParameters p = Fixtures.shared(side, drift);
        for (double lambda : new double[] {0, 1e-9, 5e-6, 5e-5}) {
          double[] expected = Fixtures.firstOrderSolution(p, lambda);
          double[] actual = AlmgrenChriss.optimalSchedule(p, lambda).holdings();
          for (int k = 0; k < actual.length; k++) {
            assertThat(actual[k])
                .as("%s %s %s x[%d]", side, drift, lambda, k)
                .isCloseTo(expected[k], within(1e-7));
          }
        }
      }
    }
  }

  @Test
  void aPurchaseWithDriftIsASaleWithTheOppositeDrift() {
    AlmgrenChrissSchedule buy =
        AlmgrenChriss.optimalSchedule(Fixtures.shared(Side.BUY, 0.03), 5e-6);
    AlmgrenChrissSchedule sell =
        AlmgrenChriss.optimalSchedule(Fixtures.shared(Side.SELL, -0.03), 5e-6);
    assertThat(buy.holdings()).containsExactly(sell.holdings());
    assertThat(buy.expectedCost()).isEqualTo(sell.expectedCost());
    // Positive drift slows a sale down (holdings above the driftless ones) and hastens a purchase.
    double[] still = AlmgrenChriss.optimalSchedule(SHARED, 5e-6).holdings();
    double[] slow =
        AlmgrenChriss.optimalSchedule(Fixtures.shared(Side.SELL, 0.03), 5e-6).holdings();
    for (int k = 1; k < 8; k++) {
      assertThat(slow[k]).isGreaterThan(still[k]);
      assertThat(buy.holdings()[k]).isLessThan(still[k]);
    }
  }

  @Test
  void frontierOnALogGridRunsFromMinToMax() {
    List<FrontierPoint> f = AlmgrenChriss.efficientFrontier(SHARED, 1e-8, 1e-4, 9);
    assertThat(f).hasSize(9);
    assertThat(f.get(0).riskAversion()).isEqualTo(1e-8);
    assertThat(f.get(8).riskAversion()).isEqualTo(1e-4);
    assertThat(f.get(4).riskAversion()).isCloseTo(1e-6, within(1e-18));
    AlmgrenChrissSchedule mid = AlmgrenChriss.optimalSchedule(SHARED, f.get(4).riskAversion());
    assertThat(f.get(4).shortfall()).isEqualTo(mid.shortfall());
    assertThat(f.get(4).kappa()).isEqualTo(mid.kappa());
  }

  @Test
  void shortfallHelpersAgreeWithTheSchedule() {
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(SHARED, 5e-6);
    ShortfallDistribution d = AlmgrenChriss.shortfall(SHARED, 5e-6);
    assertThat(d).isEqualTo(s.shortfall());
    assertThat(d.standardDeviation()).isCloseTo(Math.sqrt(s.variance()), within(1e-9));
    assertThat(d.utility(5e-6)).isEqualTo(s.utility());
    assertThat(d.valueAtRisk(2)).isEqualTo(d.mean() + 2 * d.standardDeviation());
    assertThat(d.valueAtRisk(0)).isEqualTo(d.mean());
    assertThatThrownBy(() -> d.valueAtRisk(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.utility(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scheduleCopiesItsArraysAndComparesByValue() {
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(SHARED, 5e-6);
    double[] x = s.holdings();
    x[1] = -1;
    assertThat(s.holdings()[1]).isPositive();
    AlmgrenChrissSchedule again = AlmgrenChriss.optimalSchedule(SHARED, 5e-6);
    assertThat(again).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(again.toString()).isEqualTo(s.toString()).contains("holdings=[250000.0");
    assertThat(AlmgrenChriss.optimalSchedule(SHARED, 5e-5)).isNotEqualTo(s);
    assertThat(s).isNotEqualTo("schedule");
    assertThatThrownBy(
            () -> new AlmgrenChrissSchedule(SHARED, 0, 0, new double[3], new double[2], 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("N + 1 = 9");
    double[] bad = s.holdings();
    bad[2] = Double.NaN;
    assertThatThrownBy(() -> new AlmgrenChrissSchedule(SHARED, 0, 0, bad, s.trades(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holdings[2]");
  }

  @Test
  void summedCostOfAnyTrajectoryMatchesAHandComputation() {
    AlmgrenChrissParameters p =
        new AlmgrenChrissParameters(Side.SELL, 100, 2, 2, 3, 0.5, new LinearImpact(0.1, 0.2, 0.1));
    // tau = 1, eta_tilde = 0.15; trades 150 then -50 (non-monotone): sum |n| = 200.
    ShortfallDistribution d = AlmgrenChriss.shortfall(p, new double[] {100, -50, 0});
    double expected = 0.5 * 0.1 * 1e4 + 0.1 * 200 + 0.15 * (150 * 150 + 50 * 50) - 0.5 * (-50);
    assertThat(d.mean()).isCloseTo(expected, offset(1e-9));
    assertThat(d.variance()).isCloseTo(9 * 2500, offset(1e-9));
  }

  @Test
  void rejectsBadProblems() {
    LinearImpact impact = new LinearImpact(0.01, 1e-6, 1e-7);
    assertThatThrownBy(() -> new AlmgrenChrissParameters(Side.SELL, 1, 1, 0, 0.4, 0, impact))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intervals must be >= 1 but was 0");
    assertThatThrownBy(() -> new AlmgrenChrissParameters(Side.SELL, 1, 0, 4, 0.4, 0, impact))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon must be finite and > 0 but was 0");
    assertThatThrownBy(() -> new AlmgrenChrissParameters(Side.SELL, 1, -1, 4, 0.4, 0, impact))
        .hasMessageContaining("horizon");
    assertThatThrownBy(
            () -> new AlmgrenChrissParameters(Side.SELL, 1, Double.NaN, 4, 0.4, 0, impact))
        .hasMessageContaining("horizon must be finite and > 0 but was NaN");
    assertThatThrownBy(() -> new AlmgrenChrissParameters(Side.SELL, 1, 1, 4, -0.4, 0, impact))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volatility must be finite and >= 0 but was -0.4");
    assertThatThrownBy(() -> new AlmgrenChrissParameters(Side.SELL, 1, 1, 4, Double.NaN, 0, impact))
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> new AlmgrenChrissParameters(Side.SELL, 0, 1, 4, 0.4, 0, impact))
        .hasMessageContaining("quantity must be finite and > 0 but was 0");
    assertThatThrownBy(
            () ->
                new AlmgrenChrissParameters(
                    Side.SELL, Double.POSITIVE_INFINITY, 1, 4, 0.4, 0, impact))
        .hasMessageContaining("quantity");
    assertThatThrownBy(
            () -> new AlmgrenChrissParameters(Side.SELL, 1, 1, 4, 0.4, Double.NaN, impact))
        .hasMessageContaining("drift must be finite but was NaN");
    assertThatThrownBy(() -> new AlmgrenChrissParameters(null, 1, 1, 4, 0.4, 0, impact))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("side");
    assertThatThrownBy(() -> new AlmgrenChrissParameters(Side.SELL, 1, 1, 4, 0.4, 0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("impact");
  }

  @Test
  void rejectsANonPositiveEtaTildeAndSaysWhy() {
    // tau = 1, gamma tau / 2 = 1e-6 = eta: eta_tilde = 0.
    LinearImpact impact = new LinearImpact(0.01, 1e-6, 2e-6);
    assertThatThrownBy(() -> AlmgrenChrissParameters.of(Side.SELL, 1000, 4, 4, 0.4, impact))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eta_tilde = eta - gamma*tau/2 must be > 0 but was 0")
        .hasMessageContaining("not be convex")
        .hasMessageContaining("use more intervals");
    // Eight intervals halve tau and repair it.
    assertThat(AlmgrenChrissParameters.of(Side.SELL, 1000, 4, 8, 0.4, impact).etaTilde())
        .isCloseTo(5e-7, within(1e-20));
  }

  @Test
  void rejectsBadImpactCoefficients() {
    assertThatThrownBy(() -> new LinearImpact(-0.01, 1e-6, 0))
        .hasMessageContaining("epsilon must be finite and >= 0 but was -0.01");
    assertThatThrownBy(() -> new LinearImpact(0, 0, 0))
        .hasMessageContaining("eta must be finite and > 0 but was 0");
    assertThatThrownBy(() -> new LinearImpact(0, Double.NaN, 0)).hasMessageContaining("eta");
    assertThatThrownBy(() -> new LinearImpact(0, 1e-6, -1e-7))
        .hasMessageContaining("gamma must be finite and >= 0");
    assertThatThrownBy(() -> new LinearImpact(0, 1e-6, 0).etaTilde(0)).hasMessageContaining("tau");
  }

  @Test
  void rejectsBadRiskAversionsAndTrajectories() {
    for (double bad : new double[] {-1e-6, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> AlmgrenChriss.optimalSchedule(SHARED, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("riskAversion must be finite and >= 0");
    }
    assertThatThrownBy(() -> AlmgrenChriss.optimalSchedule(null, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AlmgrenChriss.shortfall(SHARED, new double[] {250_000, 0}))
        .hasMessageContaining("N + 1 = 9 entries but had 2");
    double[] x = AlmgrenChriss.optimalSchedule(SHARED, 0).holdings();
    x[0] = 1;
    assertThatThrownBy(() -> AlmgrenChriss.shortfall(SHARED, x))
        .hasMessageContaining("start at the quantity");
    double[] y = AlmgrenChriss.optimalSchedule(SHARED, 0).holdings();
    y[4] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> AlmgrenChriss.shortfall(SHARED, y))
        .hasMessageContaining("holdings[4] must be finite");
    assertThatThrownBy(() -> AlmgrenChriss.closedFormShortfall(Fixtures.shared(Side.SELL, 0.1), 0))
        .hasMessageContaining("drift must be 0");
  }

  @Test
  void rejectsBadFrontierGrids() {
    assertThatThrownBy(() -> AlmgrenChriss.efficientFrontier(SHARED, new double[0]))
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> AlmgrenChriss.efficientFrontier(SHARED, new double[] {1e-6, 1e-6}))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> AlmgrenChriss.efficientFrontier(SHARED, new double[] {Double.NaN}))
        .hasMessageContaining("riskAversions[0]");
    assertThatThrownBy(() -> AlmgrenChriss.efficientFrontier(SHARED, 0, 1, 5))
        .hasMessageContaining("minRiskAversion");
    assertThatThrownBy(() -> AlmgrenChriss.efficientFrontier(SHARED, 1, 1, 5))
        .hasMessageContaining("maxRiskAversion must be > minRiskAversion");
    assertThatThrownBy(() -> AlmgrenChriss.efficientFrontier(SHARED, 1e-6, 1, 1))
        .hasMessageContaining("points must be >= 2");
    assertThatThrownBy(() -> new FrontierPoint(-1, 0, 0, 0)).hasMessageContaining("riskAversion");
    assertThatThrownBy(() -> new ShortfallDistribution(Double.NaN, 1)).hasMessageContaining("mean");
    assertThatThrownBy(() -> new ShortfallDistribution(1, -1)).hasMessageContaining("variance");
  }

  private static double acosh(double z) {
    return Math.log(z + Math.sqrt(z * z - 1));
  }
}
