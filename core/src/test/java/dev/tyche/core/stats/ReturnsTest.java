package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReturnsTest {

  private static final double[] P = {100, 110, 105, 120, 90, 95, 130, 125};

  @Test
  void simpleReturnsByHand() {
    assertThat(Returns.simple(new double[] {100, 110, 99}))
        .containsExactly(new double[] {0.1, -0.1}, within(1e-15));
  }

  @Test
  void logReturnsMatchNumpy() {
    // numpy.diff(numpy.log(P))
    double[] expected = {
      0.09531017980432477,
      -0.0465200156348935,
      0.13353139262452274,
      -0.2876820724517808,
      0.054067221270275745,
      0.31365755885504143,
      -0.039220713153280684
    };
    assertThat(Returns.log(P)).containsExactly(expected, within(1e-15));
  }

  @Test
  void equityRoundTrips() {
    assertThat(Returns.equityFromSimple(Returns.simple(P), 100)).containsExactly(P, within(1e-12));
    assertThat(Returns.equityFromLog(Returns.log(P), 100)).containsExactly(P, within(1e-12));
    double[] cumulative = Returns.cumulativeSimple(Returns.simple(P));
    assertThat(cumulative).hasSize(P.length - 1);
    assertThat(cumulative[cumulative.length - 1]).isCloseTo(0.25, within(1e-15));
    assertThat(cumulative[3]).isCloseTo(-0.1, within(1e-15));
    assertThat(Returns.equityFromSimple(new double[] {-1.0, 0.5}, 10)).containsExactly(10, 0, 0);
    assertThat(Returns.toSimple(Returns.toLog(0.05))).isCloseTo(0.05, within(1e-17));
    assertThat(Returns.toLog(1e-18)).isEqualTo(1e-18);
  }

  @Test
  void rejectsBadPricesNamingIndexAndValue() {
    assertThatThrownBy(() -> Returns.simple(new double[] {100}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 prices but had 1");
    assertThatThrownBy(() -> Returns.simple(new double[0])).hasMessageContaining("had 0");
    assertThatThrownBy(() -> Returns.simple(new double[] {100, Double.NaN}))
        .hasMessageContaining("prices[1]")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Returns.log(new double[] {100, 101, Double.POSITIVE_INFINITY}))
        .hasMessageContaining("prices[2]")
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> Returns.log(new double[] {100, 0}))
        .hasMessageContaining("prices[1] must be a finite price > 0 but was 0.0");
    assertThatThrownBy(() -> Returns.simple(new double[] {-5, 1}))
        .hasMessageContaining("prices[0]")
        .hasMessageContaining("-5.0");
    assertThatThrownBy(() -> Returns.simple(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void rejectsBadReturns() {
    assertThatThrownBy(() -> Returns.equityFromSimple(new double[] {0.1, -1.5}, 1))
        .hasMessageContaining("returns[1]")
        .hasMessageContaining("-1.5");
    assertThatThrownBy(() -> Returns.cumulativeSimple(new double[] {Double.NaN}))
        .hasMessageContaining("returns[0]");
    assertThatThrownBy(() -> Returns.equityFromSimple(new double[] {0.1}, 0))
        .hasMessageContaining("initial");
    assertThatThrownBy(() -> Returns.equityFromLog(new double[] {0.1}, Double.NaN))
        .hasMessageContaining("initial");
    assertThatThrownBy(() -> Returns.equityFromLog(new double[] {Double.NaN}, 1))
        .hasMessageContaining("logReturns[0]");
    assertThatThrownBy(() -> Returns.toLog(-1.0)).hasMessageContaining("simpleReturn");
    assertThatThrownBy(() -> Returns.toSimple(Double.POSITIVE_INFINITY))
        .hasMessageContaining("logReturn");
  }
}
