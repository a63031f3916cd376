package dev.tyche.risk.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SingleAssetKellyTest {

  @Test
  void binaryBetFollowsTheFormulaAndNeverShorts() {
    KellyBet bet = BinaryKelly.bet(0.6, 1.0, KellyConstraints.NONE);
    assertThat(bet.fullKelly()).isCloseTo(0.2, within(1e-15));
    assertThat(bet.fraction()).isCloseTo(0.2, within(1e-15));
    assertThat(bet.growth()).isCloseTo(0.6 * Math.log(1.2) + 0.4 * Math.log(0.8), within(1e-15));
    KellyBet losing = BinaryKelly.bet(0.3, 1.0, KellyConstraints.NONE);
    assertThat(losing.fullKelly()).isCloseTo(-0.4, within(1e-15));
    assertThat(losing.fraction()).isZero();
    assertThat(losing.growth()).isZero();
    assertThat(losing.fullKellyGrowth()).isEmpty();
    assertThat(losing.was(KellyAdjustment.NEGATIVE_EDGE_NOT_SHORTED)).isTrue();
    assertThat(losing.reason()).contains("negative edge");
  }

  @Test
  void binaryCapAndFractionAreRecorded() {
    KellyBet bet = BinaryKelly.bet(0.9, 2.0, KellyConstraints.LONG_ONLY.withMaxLeverage(0.5));
    assertThat(bet.fullKelly()).isCloseTo(0.85, within(1e-15));
    assertThat(bet.fraction()).isEqualTo(0.5);
    assertThat(bet.adjustments()).containsExactly(KellyAdjustment.LEVERAGE_CAPPED);
    KellyBet half = BinaryKelly.bet(0.9, 2.0, KellyConstraints.LONG_ONLY.withFraction(0.5));
    assertThat(half.fraction()).isCloseTo(0.425, within(1e-15));
    assertThat(half.adjustments()).containsExactly(KellyAdjustment.FRACTIONAL);
  }

  @Test
  void binaryBadInput() {
    for (double p : new double[] {0.0, 1.0, -0.1, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> BinaryKelly.bet(p, 1.0, KellyConstraints.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("p must be in (0, 1)");
    }
    for (double b : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> BinaryKelly.bet(0.5, b, KellyConstraints.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("b must be finite and > 0");
    }
    assertThatThrownBy(() -> BinaryKelly.growth(0.5, 1.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f must be in (-1/b, 1)");
    assertThatThrownBy(() -> BinaryKelly.bet(0.5, 1.0, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void gaussianBetAndBounds() {
    KellyBet bet = GaussianKelly.bet(0.12, 0.03, 0.25, KellyConstraints.NONE);
    assertThat(bet.fraction()).isCloseTo(1.44, within(1e-12));
    assertThat(bet.growth()).isCloseTo(0.03 + 0.09 * 0.09 / (2 * 0.0625), within(1e-14));
    KellyBet capped = GaussianKelly.bet(0.12, 0.03, 0.25, KellyConstraints.NONE.withMaxLeverage(1));
    assertThat(capped.fraction()).isEqualTo(1.0);
    assertThat(capped.was(KellyAdjustment.LEVERAGE_CAPPED)).isTrue();
    KellyBet shortBet = GaussianKelly.bet(0.0, 0.03, 0.25, KellyConstraints.NONE);
    assertThat(shortBet.fraction()).isCloseTo(-0.48, within(1e-12));
    KellyBet longOnly = GaussianKelly.bet(0.0, 0.03, 0.25, KellyConstraints.LONG_ONLY);
    assertThat(longOnly.fraction()).isZero();
    assertThat(longOnly.growth()).isEqualTo(0.03);
    KellyBet shortCapped =
        GaussianKelly.bet(0.0, 0.03, 0.25, KellyConstraints.NONE.withMaxLeverage(0.25));
    assertThat(shortCapped.fraction()).isEqualTo(-0.25);
  }

  @Test
  void gaussianBadInput() {
    for (double s : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> GaussianKelly.bet(0.1, 0.0, s, KellyConstraints.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sigma must be finite and > 0");
    }
    assertThatThrownBy(() -> GaussianKelly.bet(Double.NaN, 0.0, 0.2, KellyConstraints.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mu must be finite but was NaN");
    assertThatThrownBy(
            () -> GaussianKelly.bet(0.1, Double.NEGATIVE_INFINITY, 0.2, KellyConstraints.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r must be finite");
  }

  @Test
  void lowerConfidenceBoundShrinksTheBet() {
    double z = GaussianKelly.oneSidedZ(0.95);
    assertThat(z).isCloseTo(1.6448536269514722, within(1e-9));
    assertThat(GaussianKelly.oneSidedZ(0.5)).isZero();
    // muHat 0.002, s 0.02, n 400: margin = 1.645 * 0.001 = 0.001645.
    KellyBet bet =
        GaussianKelly.lowerConfidenceBet(0.002, 0.02, 400, 0.0, 0.95, KellyConstraints.LONG_ONLY);
    double lcb = 0.002 - z * 0.02 / 20;
    assertThat(bet.fraction()).isCloseTo(lcb / 0.0004, within(1e-12));
    assertThat(bet.fullKelly()).isCloseTo(5.0, within(1e-12));
    assertThat(bet.was(KellyAdjustment.CONFIDENCE_SHRUNK)).isTrue();
    assertThat(bet.growth())
        .isCloseTo(GaussianKelly.growth(0.002, 0, 0.02, bet.fraction()), within(1e-18));
    // Fewer observations: the bound falls below r and the bet is zero.
    KellyBet none =
        GaussianKelly.lowerConfidenceBet(0.002, 0.02, 100, 0.0, 0.95, KellyConstraints.LONG_ONLY);
    assertThat(none.fraction()).isZero();
    assertThat(none.adjustments()).containsExactly(KellyAdjustment.EDGE_NOT_SIGNIFICANT);
    // Symmetric when shorting: a significantly negative edge gives a shrunk short.
    KellyBet shortBet =
        GaussianKelly.lowerConfidenceBet(-0.002, 0.02, 400, 0.0, 0.95, KellyConstraints.NONE);
    assertThat(shortBet.fraction()).isCloseTo(-lcb / 0.0004, within(1e-12));
    KellyBet longOnlyNegative =
        GaussianKelly.lowerConfidenceBet(-0.002, 0.02, 400, 0.0, 0.95, KellyConstraints.LONG_ONLY);
    assertThat(longOnlyNegative.fraction()).isZero();
    assertThat(longOnlyNegative.adjustments())
        .isEqualTo(
            Set.of(KellyAdjustment.CONFIDENCE_SHRUNK, KellyAdjustment.NEGATIVE_EDGE_NOT_SHORTED));
    // Confidence 0.5 is plain Kelly.
    KellyBet plain =
        GaussianKelly.lowerConfidenceBet(0.002, 0.02, 400, 0.0, 0.5, KellyConstraints.NONE);
    assertThat(plain.fraction()).isEqualTo(plain.fullKelly());
    assertThat(plain.adjustments()).isEmpty();
  }

  @Test
  void lowerConfidenceFromASample() {
    double[] r = {0.01, -0.005, 0.02, 0.0, 0.015, -0.01};
    double mean = 0.005;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    double s = Math.sqrt(ss / 5);
    KellyBet fromSample = GaussianKelly.lowerConfidenceBet(r, 0.0, 0.6, KellyConstraints.NONE);
    KellyBet fromMoments =
        GaussianKelly.lowerConfidenceBet(mean, s, 6, 0.0, 0.6, KellyConstraints.NONE);
    assertThat(fromSample.fraction()).isCloseTo(fromMoments.fraction(), within(1e-9));
    assertThat(fromSample.fraction()).isPositive().isLessThan(fromSample.fullKelly());
  }

  @Test
  void lowerConfidenceBadInput() {
    KellyConstraints k = KellyConstraints.NONE;
    assertThatThrownBy(() -> GaussianKelly.lowerConfidenceBet(0.1, 0.2, 1, 0, 0.9, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n must be >= 2 but was 1");
    assertThatThrownBy(() -> GaussianKelly.lowerConfidenceBet(0.1, 0.2, 10, 0, 1.0, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence must be in [0.5, 1)");
    assertThatThrownBy(() -> GaussianKelly.lowerConfidenceBet(0.1, 0.0, 10, 0, 0.9, k))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GaussianKelly.lowerConfidenceBet(new double[] {0.1}, 0, 0.9, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
    assertThatThrownBy(
            () -> GaussianKelly.lowerConfidenceBet(new double[] {0.1, Double.NaN}, 0, 0.9, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returns[1] must be finite but was NaN");
    assertThatThrownBy(() -> GaussianKelly.lowerConfidenceBet(new double[] {0.1, 0.1}, 0, 0.9, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample sd was 0");
  }

  @Test
  void empiricalKellySolvesTheFirstOrderCondition() {
    double[] r = {0.2, -0.1, 0.15, -0.2, 0.05, 0.3, -0.15, 0.0};
    KellyBet bet = EmpiricalKelly.bet(r, KellyConstraints.NONE);
    double d = 0;
    for (double x : r) {
      d += x / (1 + bet.fraction() * x);
    }
    assertThat(d / r.length).isCloseTo(0.0, within(1e-13));
    assertThat(EmpiricalKelly.growth(r, bet.fraction()))
        .isGreaterThan(EmpiricalKelly.growth(r, bet.fraction() + 1e-4))
        .isGreaterThan(EmpiricalKelly.growth(r, bet.fraction() - 1e-4));
  }

  @Test
  void empiricalNegativeEdgeShortsOnlyWhenAllowed() {
    double[] r = {-0.2, 0.1, -0.15, 0.2, -0.05, -0.3, 0.15, 0.0};
    KellyBet shortBet = EmpiricalKelly.bet(r, KellyConstraints.NONE);
    assertThat(shortBet.fraction()).isCloseTo(-1.182957303936334, within(1e-9));
    KellyBet longOnly = EmpiricalKelly.bet(r, KellyConstraints.LONG_ONLY);
    assertThat(longOnly.fraction()).isZero();
    assertThat(longOnly.growth()).isZero();
    assertThat(longOnly.was(KellyAdjustment.NEGATIVE_EDGE_NOT_SHORTED)).isTrue();
  }

  @Test
  void oneSignedSampleIsUnboundedUnlessCapped() {
    double[] gains = {0.01, 0.02, 0.0};
    KellyBet capped = EmpiricalKelly.bet(gains, KellyConstraints.LONG_ONLY.withMaxLeverage(3));
    assertThat(capped.fullKelly()).isInfinite();
    assertThat(capped.fullKellyGrowth()).isEmpty();
    assertThat(capped.fraction()).isEqualTo(3.0);
    assertThat(capped.was(KellyAdjustment.LEVERAGE_CAPPED)).isTrue();
    assertThatThrownBy(() -> EmpiricalKelly.bet(gains, KellyConstraints.LONG_ONLY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unbounded");
    double[] losses = {-0.01, -0.02};
    assertThat(EmpiricalKelly.bet(losses, KellyConstraints.LONG_ONLY).fraction()).isZero();
    assertThat(EmpiricalKelly.bet(losses, KellyConstraints.NONE.withMaxLeverage(2)).fraction())
        .isEqualTo(-2.0);
    assertThat(EmpiricalKelly.admissibleInterval(gains)[1]).isInfinite();
    assertThat(EmpiricalKelly.admissibleInterval(losses)[0]).isInfinite();
    assertThat(EmpiricalKelly.bet(new double[] {0, 0}, KellyConstraints.NONE).fraction()).isZero();
  }

  @Test
  void rootIsFoundNextToAnOpenEnd() {
    // One catastrophic scenario: the optimum sits just inside 1/0.999.
    double[] r = new double[1000];
    java.util.Arrays.fill(r, 0.5);
    r[0] = -0.999;
    KellyBet bet = EmpiricalKelly.bet(r, KellyConstraints.NONE);
    double upper = EmpiricalKelly.admissibleInterval(r)[1];
    assertThat(bet.fraction()).isLessThan(upper).isGreaterThan(0.9 * upper);
    double d = 0;
    for (double x : r) {
      d += x / (1 + bet.fraction() * x);
    }
    assertThat(Math.abs(d / r.length)).isLessThan(1e-9);
  }

  @Test
  void empiricalBadInput() {
    KellyConstraints k = KellyConstraints.NONE;
    assertThatThrownBy(() -> EmpiricalKelly.bet(new double[] {0.1}, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 values but had 1");
    assertThatThrownBy(() -> EmpiricalKelly.bet(new double[] {0.1, Double.NaN}, k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returns[1] must be finite");
    assertThatThrownBy(() -> EmpiricalKelly.bet(null, k)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> EmpiricalKelly.growth(new double[] {0.1, -0.5}, 2.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not admissible");
    assertThatThrownBy(() -> EmpiricalKelly.quadraticApproximation(new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all be zero");
  }

  @Test
  void constraintsAndBetRecordsValidate() {
    assertThatThrownBy(() -> new KellyConstraints(true, 0.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLeverage must be > 0");
    assertThatThrownBy(() -> new KellyConstraints(true, Double.NaN, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KellyConstraints(true, 1.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fraction must be in (0, 1] but was 0.0");
    assertThatThrownBy(() -> new KellyConstraints(true, 1.0, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KellyBet(
                    Double.NaN, java.util.OptionalDouble.empty(), 0, 0, Set.of(), "full Kelly"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KellyBet(
                    1, java.util.OptionalDouble.empty(), Double.NaN, 0, Set.of(), "full Kelly"))
        .isInstanceOf(IllegalArgumentException.class);
    KellyBet bet = BinaryKelly.bet(0.6, 1.0, KellyConstraints.NONE.withFraction(0.5));
    assertThatThrownBy(() -> bet.adjustments().add(KellyAdjustment.LEVERAGE_CAPPED))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(KellyConstraints.LONG_ONLY.withAllowShort(true)).isEqualTo(KellyConstraints.NONE);
  }
}
