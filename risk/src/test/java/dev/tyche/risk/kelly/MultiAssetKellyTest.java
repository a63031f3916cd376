package dev.tyche.risk.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultiAssetKellyTest {

  private static final double[] MU = {0.05, 0.2};
  private static final double[][] SIGMA = {{0.01, -0.008}, {-0.008, 0.16}};

  @Test
  void unconstrainedIsSigmaInverseTimesExcessDrift() {
    KellyAllocation a = MultiAssetKelly.allocate(MU, 0.01, SIGMA, KellyConstraints.NONE);
    // Solved by hand: det = 0.0016 - 0.000064 = 0.001536.
    double det = 0.01 * 0.16 - 0.008 * 0.008;
    double f0 = (0.16 * 0.04 + 0.008 * 0.19) / det;
    double f1 = (0.008 * 0.04 + 0.01 * 0.19) / det;
    assertThat(a.fractions()[0]).isCloseTo(f0, within(1e-12));
    assertThat(a.fractions()[1]).isCloseTo(f1, within(1e-12));
    assertThat(a.fullKelly()).containsExactly(a.fractions());
    assertThat(a.adjustments()).isEmpty();
    assertThat(a.reason()).isEqualTo("full Kelly");
    assertThat(a.growth()).isCloseTo(a.fullKellyGrowth(), within(1e-15));
    assertThat(a.grossLeverage()).isCloseTo(f0 + f1, within(1e-12));
  }

  @Test
  void grossCapScalesTheWholeVectorDown() {
    KellyAllocation a =
        MultiAssetKelly.allocate(MU, 0.01, SIGMA, KellyConstraints.NONE.withMaxLeverage(2.0));
    double[] full = a.fullKelly();
    double s = 2.0 / (Math.abs(full[0]) + Math.abs(full[1]));
    assertThat(a.fractions()[0]).isCloseTo(full[0] * s, within(1e-14));
    assertThat(a.fractions()[1]).isCloseTo(full[1] * s, within(1e-14));
    assertThat(a.grossLeverage()).isCloseTo(2.0, within(1e-12));
    assertThat(a.was(KellyAdjustment.LEVERAGE_CAPPED)).isTrue();
    assertThat(a.reason()).contains("scaled down");
  }

  @Test
  void longOnlyWithBindingCapMatchesBruteForce() {
    KellyAllocation a =
        MultiAssetKelly.allocate(MU, 0.01, SIGMA, KellyConstraints.LONG_ONLY.withMaxLeverage(2.0));
    double[] expected = BruteForce.solve(SIGMA, new double[] {0.04, 0.19}, 2.0);
    assertThat(a.fractions()[0]).isCloseTo(expected[0], within(1e-10));
    assertThat(a.fractions()[1]).isCloseTo(expected[1], within(1e-10));
    assertThat(a.grossLeverage()).isCloseTo(2.0, within(1e-12));
    assertThat(a.was(KellyAdjustment.LEVERAGE_CAPPED)).isTrue();
    assertThat(a.assetsHeldAtZero()).isEmpty();
  }

  @Test
  void longOnlyHoldsANegativeEdgeAssetAtZero() {
    double[] mu = {0.08, -0.02, 0.06};
    double[][] sigma = {{0.04, 0.01, 0.0}, {0.01, 0.09, 0.02}, {0.0, 0.02, 0.0625}};
    KellyAllocation a = MultiAssetKelly.allocate(mu, 0.0, sigma, KellyConstraints.LONG_ONLY);
    double[] expected = BruteForce.solve(sigma, mu, Double.POSITIVE_INFINITY);
    for (int i = 0; i < 3; i++) {
      assertThat(a.fractions()[i]).isCloseTo(expected[i], within(1e-10));
    }
    assertThat(a.fractions()[1]).isZero();
    assertThat(a.assetsHeldAtZero()).containsExactly(1);
    assertThat(a.was(KellyAdjustment.LONG_ONLY_BOUND_ACTIVE)).isTrue();
    assertThat(a.fullKelly()[1]).isNegative();
  }

  @Test
  void longOnlyHoldsAPositiveEdgeAssetAtZeroWhenABetterTwinExists() {
    double[] mu = {0.10, 0.06};
    double[][] sigma = {{0.04, 0.038}, {0.038, 0.04}};
    KellyAllocation a = MultiAssetKelly.allocate(mu, 0.0, sigma, KellyConstraints.LONG_ONLY);
    assertThat(a.fractions()[0]).isCloseTo(0.10 / 0.04, within(1e-12));
    assertThat(a.fractions()[1]).isZero();
    assertThat(a.assetsHeldAtZero()).containsExactly(1);
  }

  @Test
  void noPositiveEdgeMeansNoPosition() {
    KellyAllocation a =
        MultiAssetKelly.allocate(new double[] {-0.01, 0.0}, 0.0, SIGMA, KellyConstraints.LONG_ONLY);
    assertThat(a.fractions()).containsExactly(0.0, 0.0);
    assertThat(a.was(KellyAdjustment.NEGATIVE_EDGE_NOT_SHORTED)).isTrue();
    assertThat(a.growth()).isZero();
  }

  @Test
  void fractionalLongOnlyWithoutBindingConstraintsIsScaledFullKelly() {
    KellyAllocation a =
        MultiAssetKelly.allocate(MU, 0.01, SIGMA, KellyConstraints.LONG_ONLY.withFraction(0.25));
    assertThat(a.fractions()[0]).isCloseTo(0.25 * a.fullKelly()[0], within(1e-12));
    assertThat(a.fractions()[1]).isCloseTo(0.25 * a.fullKelly()[1], within(1e-12));
    assertThat(a.adjustments()).containsExactly(KellyAdjustment.FRACTIONAL);
  }

  @Test
  void growthFunctionMatchesTheDefinition() {
    double g = MultiAssetKelly.growth(MU, 0.01, SIGMA, new double[] {1.0, 0.5});
    double expected =
        0.01 + 1.0 * 0.04 + 0.5 * 0.19 - 0.5 * (0.01 + 2 * 0.5 * -0.008 + 0.25 * 0.16);
    assertThat(g).isCloseTo(expected, within(1e-15));
    assertThatThrownBy(() -> MultiAssetKelly.growth(MU, 0.01, SIGMA, new double[] {1.0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f must have length 2");
  }

  @Test
  void badInputIsRejected() {
    KellyConstraints k = KellyConstraints.NONE;
    assertThatThrownBy(() -> MultiAssetKelly.allocate(MU, 0, new double[][] {{1, 2}, {2, 1}}, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive definite");
    assertThatThrownBy(
            () -> MultiAssetKelly.allocate(MU, 0, new double[][] {{1, 0.1}, {0.2, 1}}, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symmetric");
    assertThatThrownBy(() -> MultiAssetKelly.allocate(MU, 0, new double[][] {{1, 0}, {0}}, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 had 1 columns");
    assertThatThrownBy(() -> MultiAssetKelly.allocate(MU, 0, new double[][] {{1, 0}}, k))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultiAssetKelly.allocate(new double[] {Double.NaN, 0.1}, 0, SIGMA, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mu[0] must be finite but was NaN");
    assertThatThrownBy(
            () ->
                MultiAssetKelly.allocate(
                    MU, 0, new double[][] {{1, Double.NaN}, {Double.NaN, 1}}, k))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultiAssetKelly.allocate(MU, Double.POSITIVE_INFINITY, SIGMA, k))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultiAssetKelly.allocate(new double[0], 0, new double[0][], k))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultiAssetKelly.allocate(MU, 0, SIGMA, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void allocationRecordCopiesAndValidates() {
    KellyAllocation a = MultiAssetKelly.allocate(MU, 0.01, SIGMA, KellyConstraints.NONE);
    a.fractions()[0] = 99;
    assertThat(a.fractions()[0]).isNotEqualTo(99);
    KellyAllocation b = MultiAssetKelly.allocate(MU, 0.01, SIGMA, KellyConstraints.NONE);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("full Kelly");
    assertThatThrownBy(
            () ->
                new KellyAllocation(
                    new double[] {1},
                    0,
                    new double[] {1, 2},
                    0,
                    0,
                    java.util.List.of(),
                    java.util.Set.of(),
                    ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KellyAllocation(
                    new double[] {Double.NaN},
                    0,
                    new double[] {1},
                    0,
                    0,
                    java.util.List.of(),
                    java.util.Set.of(),
                    ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KellyAllocation(
                    new double[] {1},
                    0,
                    new double[] {1},
                    0,
                    -1,
                    java.util.List.of(),
                    java.util.Set.of(),
                    ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
