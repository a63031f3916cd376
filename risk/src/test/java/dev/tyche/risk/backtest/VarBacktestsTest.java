package dev.tyche.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VarBacktestsTest {

  private static boolean[] bits(String s) {
    boolean[] b = new boolean[s.length()];
    for (int i = 0; i < b.length; i++) {
      b[i] = s.charAt(i) == '1';
    }
    return b;
  }

  @Test
  void kupiecByHand() {
    // n = 10, x = 2, p = 0.1: LR = -2[8 ln 0.9 + 2 ln 0.1] + 2[8 ln 0.8 + 2 ln 0.2].
    KupiecResult k = VarBacktests.kupiec(bits("0100000010"), 0.1);
    double lr =
        -2 * (8 * Math.log(0.9) + 2 * Math.log(0.1)) + 2 * (8 * Math.log(0.8) + 2 * Math.log(0.2));
    assertThat(k.n()).isEqualTo(10);
    assertThat(k.exceedances()).isEqualTo(2);
    assertThat(k.observedRate()).isEqualTo(0.2);
    assertThat(k.lr()).isCloseTo(lr, within(1e-14));
    assertThat(k.pValue()).isBetween(0.0, 1.0);
    // At exactly the expected rate the statistic is 0 and the p-value 1.
    KupiecResult exact = VarBacktests.kupiec(bits("0000000001"), 0.1);
    assertThat(exact.lr()).isEqualTo(0.0);
    assertThat(exact.pValue()).isEqualTo(1.0);
    assertThat(exact.rejects(0.05)).isFalse();
  }

  @Test
  void zeroLogZeroIsZero() {
    // No exceedances: LR = -2 n ln(1 - p) (the x ln terms vanish).
    KupiecResult none = VarBacktests.kupiec(new boolean[250], 0.01);
    assertThat(none.lr()).isCloseTo(-2 * 250 * Math.log(0.99), within(1e-12));
    assertThat(none.rejects(0.05)).isTrue();
    assertThat(none.rejects(0.01)).isFalse();
    // All exceedances: LR = -2 n ln p.
    KupiecResult all = VarBacktests.kupiec(bits("11111"), 0.05);
    assertThat(all.lr()).isCloseTo(-2 * 5 * Math.log(0.05), within(1e-12));
    // Christoffersen with no exceedances: pi = 0, pi11 undefined, LR_ind = 0.
    ChristoffersenResult c = VarBacktests.christoffersen(new boolean[20]);
    assertThat(c.n00()).isEqualTo(19);
    assertThat(c.pi()).isEqualTo(0.0);
    assertThat(c.pi01()).isEqualTo(0.0);
    assertThat(c.pi11()).isNaN();
    assertThat(c.lr()).isEqualTo(0.0);
    assertThat(c.pValue()).isEqualTo(1.0);
    // Only exceedances: pi01 undefined.
    ChristoffersenResult ones = VarBacktests.christoffersen(bits("111"));
    assertThat(ones.n11()).isEqualTo(2);
    assertThat(ones.pi01()).isNaN();
    assertThat(ones.pi11()).isEqualTo(1.0);
    assertThat(ones.lr()).isEqualTo(0.0);
  }

  @Test
  void christoffersenCountsTransitionsAndDetectsClusters() {
    // 0 0 1 1 0 1 0 0: transitions 00, 01, 11, 10, 01, 10, 00.
    ChristoffersenResult c = VarBacktests.christoffersen(bits("00110100"));
    assertThat(new int[] {c.n00(), c.n01(), c.n10(), c.n11()}).containsExactly(2, 2, 2, 1);
    assertThat(c.pi01()).isEqualTo(0.5);
    assertThat(c.pi11()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(c.pi()).isCloseTo(3.0 / 7, within(1e-15));
    double lr =
        -2 * (4 * Math.log(4.0 / 7) + 3 * Math.log(3.0 / 7))
            + 2
                * (2 * Math.log(0.5)
                    + 2 * Math.log(0.5)
                    + 2 * Math.log(2.0 / 3)
                    + Math.log(1.0 / 3));
    assertThat(c.lr()).isCloseTo(lr, within(1e-14));

    boolean[] clustered = new boolean[500];
    for (int t = 100; t < 105; t++) {
      clustered[t] = true;
    }
    ConditionalCoverageResult cc = VarBacktests.conditionalCoverage(clustered, 0.01);
    assertThat(cc.pof().rejects(0.05)).isFalse();
    assertThat(cc.independence().rejects(0.05)).isTrue();
    assertThat(cc.rejects(0.05)).isTrue();
    assertThat(cc.lr()).isEqualTo(cc.pof().lr() + cc.independence().lr());
    // chi2_2 upper tail is exp(-LR/2).
    assertThat(cc.pValue()).isCloseTo(Math.exp(-cc.lr() / 2), within(1e-15));
  }

  @Test
  void chiSquareTailsAgreeWithKnownQuantiles() {
    assertThat(VarBacktests.chiSquareUpperTail(3.841458820694124, 1))
        .isCloseTo(0.05, within(1e-14));
    assertThat(VarBacktests.chiSquareUpperTail(5.991464547107979, 2))
        .isCloseTo(0.05, within(1e-14));
    assertThat(VarBacktests.chiSquareUpperTail(6.634896601021214, 1))
        .isCloseTo(0.01, within(1e-14));
  }

  @Test
  void exceedancesAreLossesStrictlyBeyondVar() {
    boolean[] e =
        VarBacktests.exceedances(
            new double[] {-0.03, -0.02, 0.01, -0.05}, new double[] {0.02, 0.02, 0.02, 0.06});
    assertThat(e).containsExactly(true, false, false, false);
    assertThatThrownBy(() -> VarBacktests.exceedances(new double[] {0.0}, new double[] {1, 2}))
        .hasMessageContaining("varForecasts must have the length of returns (1) but had length 2");
    assertThatThrownBy(
            () -> VarBacktests.exceedances(new double[] {0.0, Double.NaN}, new double[] {1, 2}))
        .hasMessageContaining("returns[1] must be finite but was NaN");
    assertThatThrownBy(
            () ->
                VarBacktests.exceedances(
                    new double[] {0.0}, new double[] {Double.POSITIVE_INFINITY}))
        .hasMessageContaining("varForecasts[0] must be finite but was Infinity");
    assertThatThrownBy(() -> VarBacktests.exceedances(null, new double[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("returns");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> VarBacktests.kupiec(new boolean[0], 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceedances must have at least 1 period but had 0");
    assertThatThrownBy(() -> VarBacktests.christoffersen(new boolean[1]))
        .hasMessageContaining("exceedances must have at least 2 periods but had 1");
    assertThatThrownBy(() -> VarBacktests.conditionalCoverage(new boolean[1], 0.01))
        .hasMessageContaining("at least 2 periods");
    for (double p : new double[] {0.0, 1.0, Double.NaN, -0.1}) {
      assertThatThrownBy(() -> VarBacktests.kupiec(new boolean[5], p))
          .hasMessageContaining("expectedRate must be in the open interval (0, 1) but was " + p);
    }
    assertThatThrownBy(() -> VarBacktests.kupiec(null, 0.01))
        .isInstanceOf(NullPointerException.class);
    KupiecResult k = VarBacktests.kupiec(new boolean[5], 0.01);
    assertThatThrownBy(() -> k.rejects(1.0)).hasMessageContaining("significance");
    assertThatThrownBy(() -> new KupiecResult(0, 0, 0.01, 0, 1))
        .hasMessageContaining("n must be >= 1");
    assertThatThrownBy(() -> new KupiecResult(5, 6, 0.01, 0, 1))
        .hasMessageContaining("exceedances must be in [0, 5]");
    assertThatThrownBy(() -> new KupiecResult(5, 1, 0.01, -1, 1))
        .hasMessageContaining("lr must be finite and >= 0");
    assertThatThrownBy(() -> new KupiecResult(5, 1, 0.01, 1, 2))
        .hasMessageContaining("pValue must be in [0, 1]");
    assertThatThrownBy(() -> new ChristoffersenResult(-1, 0, 0, 0, 0, 0, 0, 0, 1))
        .hasMessageContaining("n00 must be >= 0");
    assertThatThrownBy(() -> new ChristoffersenResult(0, 0, 0, 0, 0, 0, 0, 0, 1))
        .hasMessageContaining("sum to at least 1");
    assertThatThrownBy(() -> new ChristoffersenResult(1, 0, 0, 0, 0, 0, 1.5, 0, 1))
        .hasMessageContaining("pi must be in [0, 1]");
    assertThatThrownBy(() -> new ConditionalCoverageResult(null, null, 0, 1))
        .isInstanceOf(NullPointerException.class);
  }
}
