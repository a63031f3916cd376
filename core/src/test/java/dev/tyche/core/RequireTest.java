package dev.tyche.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequireTest {

  @Test
  void validValuesPassThrough() {
    assertThat(Require.finite("x", -1.5)).isEqualTo(-1.5);
    assertThat(Require.positive("x", 2.0)).isEqualTo(2.0);
    assertThat(Require.nonNegative("x", 0.0)).isZero();
    assertThat(Require.fraction("x", 1.0)).isEqualTo(1.0);
    assertThat(Require.positive("n", 3L)).isEqualTo(3L);
    assertThat(Require.positive("n", 3)).isEqualTo(3);
    assertThat(Require.nonNegative("n", 0L)).isZero();
    assertThat(Require.notNull("o", "v")).isEqualTo("v");
    Require.notBefore("t", 5, 5);
  }

  @Test
  void messagesNameTheArgumentTheValueAndTheRule() {
    assertThatThrownBy(() -> Require.finite("eta", Double.NaN))
        .hasMessage("eta must be finite but was NaN");
    assertThatThrownBy(() -> Require.positive("eta", 0.0))
        .hasMessage("eta must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> Require.positive("eta", Double.POSITIVE_INFINITY))
        .hasMessageContaining("finite and > 0 but was Infinity");
    assertThatThrownBy(() -> Require.nonNegative("q", -1e-9))
        .hasMessageContaining("q must be finite and >= 0 but was -1.0E-9");
    assertThatThrownBy(() -> Require.fraction("p", 1.5))
        .hasMessage("p must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> Require.fraction("p", Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Require.positive("n", 0L)).hasMessage("n must be > 0 but was 0");
    assertThatThrownBy(() -> Require.positive("n", -2)).hasMessage("n must be > 0 but was -2");
    assertThatThrownBy(() -> Require.nonNegative("n", -1L)).hasMessage("n must be >= 0 but was -1");
    assertThatThrownBy(() -> Require.notBefore("time", 4, 5))
        .hasMessage("time must be >= the previous time 5 (non-decreasing) but was 4");
    assertThatThrownBy(() -> Require.notNull("book", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("book must not be null");
  }

  @Test
  void aMatrixMustBeRectangularFiniteAndLongEnough() {
    assertThat(Require.finiteMatrix("r", new double[][] {{1, 2}, {3, 4}}, 2)).isEqualTo(2);
    assertThatThrownBy(() -> Require.finiteMatrix("r", new double[][] {{1}}, 2))
        .hasMessage("r must have at least 2 rows but had 1");
    assertThatThrownBy(() -> Require.finiteMatrix("r", new double[][] {{}}, 1))
        .hasMessage("r must have at least 1 column but had 0");
    assertThatThrownBy(() -> Require.finiteMatrix("r", new double[][] {{1, 2}, {3}}, 1))
        .hasMessage("r must be rectangular: row 0 has 2 columns but row 1 has 1");
    assertThatThrownBy(() -> Require.finiteMatrix("r", new double[][] {{1, Double.NaN}}, 1))
        .hasMessage("r[0][1] must be finite but was NaN");
    assertThatThrownBy(() -> Require.finiteMatrix("r", null, 1))
        .isInstanceOf(NullPointerException.class);
  }
}
