package dev.tyche.risk.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RollingHistoricalVarTest {

  /** Ten returns, hand-sortable: -0.05 -0.04 -0.03 -0.02 -0.01 0 0.01 0.02 0.03 0.04. */
  private static final double[] TEN = {
    0.01, -0.05, 0.03, 0.0, -0.02, 0.04, -0.04, 0.02, -0.01, -0.03
  };

  @Test
  void fullWindowByHand() {
    // a = 0.85, p = 0.15: h = 9p = 1.35 -> Q7 = -0.04 + 0.35 * 0.01; k = ceil(1.5) = 2 -> Q1 =
    // -0.04; worst-2 mean = -0.045; at or below Q7: {-0.05, -0.04}.
    RollingHistoricalVar v = new RollingHistoricalVar(10, 0.85);
    for (double r : TEN) {
      v.update(r);
    }
    assertThat(v.isFull()).isTrue();
    assertThat(v.size()).isEqualTo(10);
    assertThat(v.updates()).isEqualTo(10);
    assertThat(v.quantile(QuantileRule.TYPE_7_LINEAR)).isCloseTo(-0.0365, within(1e-15));
    assertThat(v.var(QuantileRule.TYPE_7_LINEAR)).isCloseTo(0.0365, within(1e-15));
    assertThat(v.var(QuantileRule.TYPE_1_INVERSE_ECDF)).isEqualTo(0.04);
    assertThat(v.cvar(CvarRule.WORST_K_MEAN)).isCloseTo(0.045, within(1e-15));
    assertThat(v.cvar(CvarRule.BELOW_TYPE_7_QUANTILE)).isCloseTo(0.045, within(1e-15));
    assertThat(v.sortedReturns())
        .containsExactly(-0.05, -0.04, -0.03, -0.02, -0.01, 0.0, 0.01, 0.02, 0.03, 0.04);
    assertThat(v.windowReturns()).containsExactly(TEN);
  }

  @Test
  void theOldestReturnLeavesTheWindow() {
    // Window 3 at a = 0.5 (p = 0.5): h = 1 -> Q7 is the median; k = ceil(1.5) = 2.
    RollingHistoricalVar v = new RollingHistoricalVar(3, 0.5);
    v.update(-0.10);
    assertThat(v.isFull()).isFalse();
    assertThat(v.var(QuantileRule.TYPE_7_LINEAR)).isEqualTo(0.10);
    v.update(0.20);
    v.update(0.05);
    // {-0.10, 0.05, 0.20}: median 0.05; the worst two average -0.025, a 0.025 loss.
    assertThat(v.quantile(QuantileRule.TYPE_7_LINEAR)).isEqualTo(0.05);
    assertThat(v.cvar(CvarRule.WORST_K_MEAN)).isCloseTo(0.025, within(1e-15));
    v.update(0.30); // -0.10 leaves: {0.05, 0.20, 0.30}
    assertThat(v.windowReturns()).containsExactly(0.20, 0.05, 0.30);
    assertThat(v.sortedReturns()).containsExactly(0.05, 0.20, 0.30);
    assertThat(v.quantile(QuantileRule.TYPE_7_LINEAR)).isEqualTo(0.20);
    v.update(-0.50); // 0.20 leaves, the new value goes to the far left: {-0.50, 0.05, 0.30}
    assertThat(v.sortedReturns()).containsExactly(-0.50, 0.05, 0.30);
    v.update(0.40); // 0.05 leaves, the new value goes to the far right: {-0.50, 0.30, 0.40}
    assertThat(v.sortedReturns()).containsExactly(-0.50, 0.30, 0.40);
    v.update(0.30); // 0.30 leaves and an equal value arrives
    assertThat(v.sortedReturns()).containsExactly(-0.50, 0.30, 0.40);
    assertThat(v.windowReturns()).containsExactly(-0.50, 0.40, 0.30);
    assertThat(v.size()).isEqualTo(3);
    assertThat(v.updates()).isEqualTo(7);
  }

  @Test
  void windowOfOneIsTheLastReturn() {
    RollingHistoricalVar v = new RollingHistoricalVar(1, 0.99);
    v.update(0.02);
    v.update(-0.03);
    assertThat(v.var(QuantileRule.TYPE_7_LINEAR)).isEqualTo(0.03);
    assertThat(v.var(QuantileRule.TYPE_1_INVERSE_ECDF)).isEqualTo(0.03);
    assertThat(v.cvar(CvarRule.WORST_K_MEAN)).isEqualTo(0.03);
    assertThat(v.cvar(CvarRule.BELOW_TYPE_7_QUANTILE)).isEqualTo(0.03);
  }

  @Test
  void clearForgetsEverythingIncludingStaleSlots() {
    RollingHistoricalVar v = new RollingHistoricalVar(5, 0.6);
    for (int i = 0; i < 5; i++) {
      v.update(-1.0); // stale low values that must not leak into the tail after clear()
    }
    v.clear();
    assertThat(v.size()).isZero();
    assertThat(v.updates()).isZero();
    assertThatThrownBy(() -> v.var(QuantileRule.TYPE_7_LINEAR))
        .isInstanceOf(IllegalStateException.class);
    v.update(0.03);
    v.update(0.01);
    double[] expectedWindow = {0.03, 0.01};
    assertThat(v.windowReturns()).containsExactly(expectedWindow);
    assertThat(v.report()).isEqualTo(ValueAtRisk.historicalReport(expectedWindow, 0.6));
    // With a = 0.05 (p = 0.95) Q7 is near the maximum: the below-quantile CVaR must stop at size.
    RollingHistoricalVar w = new RollingHistoricalVar(4, 0.05);
    for (int i = 0; i < 4; i++) {
      w.update(-1.0);
    }
    w.clear();
    w.update(0.02);
    w.update(0.02);
    assertThat(w.cvar(CvarRule.BELOW_TYPE_7_QUANTILE)).isEqualTo(-0.02);
  }

  @Test
  void matchesTheBatchEstimatorOnALongSeries() {
    SplittableRandom rng = new SplittableRandom(7);
    int window = 250;
    RollingHistoricalVar v = new RollingHistoricalVar(window, 0.99);
    double[] all = new double[3000];
    for (int t = 0; t < all.length; t++) {
      // Rounded to 1e-4 so that ties (and equal leaving and arriving values) occur.
      all[t] = Math.rint(rng.nextGaussian() * 200) / 10_000.0;
      v.update(all[t]);
      double[] tail = Arrays.copyOfRange(all, Math.max(0, t + 1 - window), t + 1);
      if (t % 97 == 0 || t == all.length - 1) {
        assertThat(v.report()).isEqualTo(ValueAtRisk.historicalReport(tail, 0.99));
      }
    }
  }

  @Test
  void reproducesTheEth2024Reference() throws IOException {
    JsonNode file =
        new ObjectMapper().readTree(referenceDir().resolve("risk_eth_2024.json").toFile());
    JsonNode c = file.required("cases").required("var_eth_2024");
    double tol = file.required("tolerance").required("relative").asDouble();
    JsonNode returnsNode = c.required("input").required("returns");
    double[] returns = new double[returnsNode.size()];
    for (int i = 0; i < returns.length; i++) {
      returns[i] = returnsNode.get(i).asDouble();
    }
    JsonNode expected = c.required("expected");
    assertThat(returns).hasSize(expected.required("n").asInt());
    int levels = 0;
    for (var it = expected.required("levels").fields(); it.hasNext(); ) {
      var level = it.next();
      double a = Double.parseDouble(level.getKey());
      JsonNode e = level.getValue();
      // Once with the window exactly the series, once with a larger, never-full window.
      for (int window : new int[] {returns.length, returns.length + 100}) {
        RollingHistoricalVar v = new RollingHistoricalVar(window, a);
        for (double r : returns) {
          v.update(r);
        }
        assertClose(v.var(QuantileRule.TYPE_7_LINEAR), e, "historical_VaR_type7", tol);
        assertClose(v.var(QuantileRule.TYPE_1_INVERSE_ECDF), e, "historical_VaR_type1", tol);
        assertClose(v.cvar(CvarRule.WORST_K_MEAN), e, "historical_CVaR_worst_k_mean", tol);
        assertClose(
            v.cvar(CvarRule.BELOW_TYPE_7_QUANTILE), e, "historical_CVaR_below_type7_quantile", tol);
        assertThat(v.report().kWorst()).isEqualTo(e.required("k_worst").asInt());
      }
      levels++;
    }
    assertThat(levels).isEqualTo(2);
    System.out.println(
        "reference risk_eth_2024.json: var_eth_2024 historical, "
            + levels
            + " levels (RollingHistoricalVar)");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new RollingHistoricalVar(0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window must be >= 1 but was 0");
    assertThatThrownBy(() -> new RollingHistoricalVar(-3, 0.95))
        .hasMessageContaining("window must be >= 1 but was -3");
    assertThatThrownBy(() -> new RollingHistoricalVar(10, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
    assertThatThrownBy(() -> new RollingHistoricalVar(10, 0.0)).hasMessageContaining("confidence");
    assertThatThrownBy(() -> new RollingHistoricalVar(10, Double.NaN)).hasMessageContaining("NaN");

    RollingHistoricalVar v = new RollingHistoricalVar(3, 0.9);
    assertThatThrownBy(() -> v.quantile(QuantileRule.TYPE_7_LINEAR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 1 return");
    assertThatThrownBy(() -> v.cvar(CvarRule.WORST_K_MEAN))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(v::report).isInstanceOf(IllegalStateException.class);
    v.update(0.01);
    v.update(-0.02);
    HistoricalVarReport before = v.report();
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> v.update(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("return must be finite but was " + bad);
    }
    assertThat(v.report()).isEqualTo(before);
    assertThat(v.updates()).isEqualTo(2);
    assertThatThrownBy(() -> v.var(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> v.cvar(null)).isInstanceOf(NullPointerException.class);
    assertThat(v.window()).isEqualTo(3);
    assertThat(v.confidence()).isEqualTo(0.9);
  }

  private static void assertClose(double actual, JsonNode expected, String field, double rel) {
    double e = expected.required(field).asDouble();
    assertThat(actual).as(field).isCloseTo(e, within(rel * Math.abs(e)));
  }

  private static Path referenceDir() {
    String dir = System.getProperty("tyche.reference.dir");
    return dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "reference");
  }
}
