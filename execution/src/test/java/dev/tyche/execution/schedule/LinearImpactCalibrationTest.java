package dev.tyche.execution.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearImpactCalibrationTest {

  private static final double EPSILON = 0.02;
  private static final double ETA = 1e-7;
  private static final double GAMMA = 5e-7;

  @Test
  void recoversTheParametersThatGeneratedTheFills() {
    List<ParentOrderFills> parents = SyntheticFills.linear(20240611L, 400, EPSILON, ETA, GAMMA, 1);
    LinearImpactFit fit = LinearImpactCalibration.fit(parents);
    assertThat(fit.observations())
        .isEqualTo(parents.stream().mapToInt(p -> p.children().size()).sum());
    assertThat(fit.eta()).isCloseTo(ETA, within(4 * fit.etaStandardError()));
    assertThat(fit.gamma()).isCloseTo(GAMMA, within(4 * fit.gammaStandardError()));
    assertThat(fit.epsilon()).isCloseTo(EPSILON, within(4 * fit.epsilonStandardError()));
    // The data must be informative for the check above to mean anything.
    assertThat(fit.etaStandardError()).isLessThan(0.05 * ETA);
    assertThat(fit.gammaStandardError()).isLessThan(0.15 * GAMMA);
    assertThat(fit.epsilonStandardError()).isLessThan(0.5 * EPSILON);
    // The stated volatility is the true one, so the weighted residual variance is near 1.
    assertThat(fit.residualVarianceRatio()).isBetween(0.85, 1.15);
    assertThat(fit.rSquared()).isBetween(0.1, 1.0);
    LinearImpact impact = fit.impact();
    assertThat(impact.eta()).isEqualTo(fit.eta());
  }

  @Test
  void standardErrorsMatchTheScatterOverRepeatedSamples() {
    int runs = 200;
    double[] zEta = new double[runs];
    double[] zGamma = new double[runs];
    for (int r = 0; r < runs; r++) {
      LinearImpactFit fit =
          LinearImpactCalibration.fit(SyntheticFills.linear(1000L + r, 40, EPSILON, ETA, GAMMA, 1));
      zEta[r] = (fit.eta() - ETA) / fit.etaStandardError();
      zGamma[r] = (fit.gamma() - GAMMA) / fit.gammaStandardError();
    }
    // z is close to standard normal (t with ~200 degrees of freedom): mean z^2 ~ 1 +- 0.1.
    assertThat(meanSquare(zEta)).isBetween(0.7, 1.35);
    assertThat(meanSquare(zGamma)).isBetween(0.7, 1.35);
    assertThat(coverage(zEta)).isBetween(0.9, 0.99);
    assertThat(coverage(zGamma)).isBetween(0.9, 0.99);
  }

  @Test
  void understatedVolatilityShowsInTheResidualVarianceNotInCoverage() {
    // True volatility twice the stated one: s^2 ~ 4, and the standard errors scale with s.
    LinearImpactFit fit =
        LinearImpactCalibration.fit(SyntheticFills.linear(77L, 400, EPSILON, ETA, GAMMA, 2));
    assertThat(fit.residualVarianceRatio()).isBetween(3.4, 4.6);
    assertThat(fit.eta()).isCloseTo(ETA, within(4 * fit.etaStandardError()));
    assertThat(fit.gamma()).isCloseTo(GAMMA, within(4 * fit.gammaStandardError()));
  }

  @Test
  void noiselessFillsGiveTheParametersExactly() {
    LinearImpactFit fit =
        LinearImpactCalibration.fit(SyntheticFills.linear(5L, 30, EPSILON, ETA, GAMMA, 0));
    assertThat(fit.eta()).isCloseTo(ETA, within(1e-9 * ETA));
    assertThat(fit.gamma()).isCloseTo(GAMMA, within(1e-9 * GAMMA));
    assertThat(fit.epsilon()).isCloseTo(EPSILON, within(1e-9 * EPSILON));
    assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
    assertThat(fit.etaStandardError()).isLessThan(1e-9 * ETA);
  }

  @Test
  void parentDerivesSlippageAndPriorQuantity() {
    List<ChildOrderFill> children =
        List.of(new ChildOrderFill(0, 0.5, 1000, 99.5), new ChildOrderFill(0.5, 0.25, 500, 99));
    ParentOrderFills sell = new ParentOrderFills(Side.SELL, 100, 2, children);
    assertThat(sell.slippagePerShare(0)).isEqualTo(0.5);
    assertThat(sell.slippagePerShare(1)).isEqualTo(1);
    assertThat(sell.priorQuantity(0)).isZero();
    assertThat(sell.priorQuantity(1)).isEqualTo(1000);
    assertThat(children.get(0).tradeRate()).isEqualTo(2000);
    assertThat(children.get(1).end()).isEqualTo(0.75);
    ParentOrderFills buy = new ParentOrderFills(Side.BUY, 100, 2, children);
    assertThat(buy.slippagePerShare(0)).isEqualTo(-0.5);
  }

  @Test
  void generalisedLeastSquaresBeatsIgnoringTheSharedPath() {
    // Children of one parent share the price path. Treating their errors as independent gives
    // standard errors far too small; the GLS errors are calibrated (see the test above), and GLS
    // is also more efficient: its estimates scatter less than the naive weighted fit's.
    int runs = 100;
    double glsSquares = 0;
    double naiveSquares = 0;
    for (int r = 0; r < runs; r++) {
      List<ParentOrderFills> parents = SyntheticFills.linear(5000L + r, 40, EPSILON, ETA, GAMMA, 1);
      double gls = LinearImpactCalibration.fit(parents).gamma() - GAMMA;
      double naive = naiveGamma(parents) - GAMMA;
      glsSquares += gls * gls;
      naiveSquares += naive * naive;
    }
    assertThat(glsSquares).isLessThan(naiveSquares);
  }

  @Test
  void rejectsTooFewOrCollinearFills() {
    List<ParentOrderFills> parents = SyntheticFills.linear(9L, 5, EPSILON, ETA, GAMMA, 1);
    ParentOrderFills first = parents.get(0);
    ParentOrderFills three =
        new ParentOrderFills(
            first.side(),
            first.decisionPrice(),
            first.volatility(),
            first.children().subList(0, 3));
    assertThatThrownBy(() -> LinearImpactCalibration.fit(List.of(three)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4 child orders in all but had 3");
    List<ParentOrderFills> singles = new ArrayList<>();
    for (ParentOrderFills p : parents) {
      for (ChildOrderFill c : p.children()) {
        singles.add(new ParentOrderFills(p.side(), p.decisionPrice(), p.volatility(), List.of(c)));
      }
    }
    assertThatThrownBy(() -> LinearImpactCalibration.fit(singles))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prior (gamma)")
        .hasMessageContaining("cannot be estimated");
    // Every child the same size and duration: the trade rate is a constant, like the intercept.
    List<ParentOrderFills> uniform = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<ChildOrderFill> cs = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        cs.add(new ChildOrderFill(k, 1, 100, 10 + 0.01 * (i + k)));
      }
      uniform.add(new ParentOrderFills(Side.BUY, 10, 0.1, cs));
    }
    assertThatThrownBy(() -> LinearImpactCalibration.fit(uniform))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trade rate (eta)")
        .hasMessageContaining("linear combination");
    assertThatThrownBy(() -> LinearImpactCalibration.fit(null))
        .isInstanceOf(NullPointerException.class);
    List<ParentOrderFills> withNull = new ArrayList<>(parents);
    withNull.set(2, null);
    assertThatThrownBy(() -> LinearImpactCalibration.fit(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("parents[2]");
  }

  @Test
  void rejectsBadFills() {
    assertThatThrownBy(() -> new ChildOrderFill(-1, 1, 1, 1)).hasMessageContaining("start");
    assertThatThrownBy(() -> new ChildOrderFill(0, 0, 1, 1)).hasMessageContaining("duration");
    assertThatThrownBy(() -> new ChildOrderFill(0, 1, -1, 1))
        .hasMessageContaining("quantity must be finite and > 0 but was -1");
    assertThatThrownBy(() -> new ChildOrderFill(0, 1, 1, Double.NaN))
        .hasMessageContaining("averagePrice must be finite and > 0 but was NaN");
    ChildOrderFill a = new ChildOrderFill(0, 1, 1, 1);
    ChildOrderFill b = new ChildOrderFill(0.5, 1, 1, 1);
    assertThatThrownBy(() -> new ParentOrderFills(Side.BUY, 1, 1, List.of(a, b)))
        .hasMessageContaining("children[1] starts at 0.5 before children[0] ends at 1");
    assertThatThrownBy(() -> new ParentOrderFills(Side.BUY, 1, 1, List.of()))
        .hasMessageContaining("at least one child");
    assertThatThrownBy(() -> new ParentOrderFills(Side.BUY, 0, 1, List.of(a)))
        .hasMessageContaining("decisionPrice");
    assertThatThrownBy(() -> new ParentOrderFills(Side.BUY, 1, Double.NaN, List.of(a)))
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> new ParentOrderFills(null, 1, 1, List.of(a)))
        .isInstanceOf(NullPointerException.class);
    List<ChildOrderFill> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> new ParentOrderFills(Side.BUY, 1, 1, withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("children[0]");
  }

  @Test
  void fitOutsideTheModelDomainIsReportedButNotTurnedIntoAModel() {
    LinearImpactFit fit = new LinearImpactFit(0.01, -1e-7, 1e-7, 0.01, 1e-7, 1e-7, 0.1, 1, 10);
    assertThatThrownBy(fit::impact)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eta must be finite and > 0 but was -1.0E-7");
    assertThatThrownBy(() -> new LinearImpactFit(0, 1, 1, 0, 0, 0, Double.NaN, 1, 10))
        .hasMessageContaining("rSquared");
    assertThatThrownBy(() -> new LinearImpactFit(0, 1, 1, 0, 0, 0, 0.5, 1, 3))
        .hasMessageContaining("observations must be >= 4");
  }

  /** Weighted least squares with weights 1 / Var(e_k), ignoring the within-parent correlation. */
  private static double naiveGamma(List<ParentOrderFills> parents) {
    List<double[]> rows = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    List<Double> ws = new ArrayList<>();
    for (ParentOrderFills p : parents) {
      for (int k = 0; k < p.children().size(); k++) {
        ChildOrderFill c = p.children().get(k);
        rows.add(new double[] {1, c.tradeRate(), p.priorQuantity(k)});
        ys.add(p.slippagePerShare(k));
        double s = p.volatility();
        ws.add(1 / (s * s * (c.start() + c.duration() / 3)));
      }
    }
    int n = rows.size();
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = ys.get(i);
      w[i] = ws.get(i);
    }
    return WeightedLeastSquares.fit(
            rows.toArray(new double[0][]), y, w, true, new String[] {"1", "v", "Q"})
        .coefficients()[2];
  }

  private static double meanSquare(double[] z) {
    return Arrays.stream(z).map(v -> v * v).average().orElseThrow();
  }

  private static double coverage(double[] z) {
    return Arrays.stream(z).filter(v -> Math.abs(v) <= 1.96).count() / (double) z.length;
  }
}
