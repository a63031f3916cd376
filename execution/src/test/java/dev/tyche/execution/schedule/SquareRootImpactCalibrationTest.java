package dev.tyche.execution.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SquareRootImpactCalibrationTest {

  @Test
  void recoversTheCoefficientThatGeneratedTheCosts() {
    List<ParentOrderCost> orders = SyntheticFills.squareRoot(42L, 500, 0.8, 0.5, 0.5);
    SquareRootImpactFit fit = SquareRootImpactCalibration.fit(orders);
    assertThat(fit.model().exponent()).isEqualTo(0.5);
    assertThat(fit.coefficient()).isCloseTo(0.8, within(4 * fit.robustStandardError()));
    assertThat(fit.robustStandardError()).isLessThan(0.05);
    assertThat(fit.standardError()).isPositive().isLessThan(0.05);
    assertThat(fit.rSquared()).isBetween(0.5, 1.0);
    assertThat(fit.observations()).isEqualTo(500);
    assertThat(fit.residualStandardDeviation()).isPositive();
  }

  @Test
  void recoversTheCoefficientForAnotherExponent() {
    List<ParentOrderCost> orders = SyntheticFills.squareRoot(43L, 500, 1.2, 0.6, 0.3);
    SquareRootImpactFit fit = SquareRootImpactCalibration.fit(orders, 0.6);
    assertThat(fit.coefficient()).isCloseTo(1.2, within(4 * fit.robustStandardError()));
    // The wrong exponent fits worse.
    assertThat(SquareRootImpactCalibration.fit(orders, 0.5).rSquared()).isLessThan(fit.rSquared());
  }

  @Test
  void noiselessCostsGiveTheCoefficientExactly() {
    List<ParentOrderCost> exact = new ArrayList<>();
    double[][] rows = {{1e4, 1e6, 0.02}, {5e4, 2e6, 0.03}, {1e5, 1e6, 0.05}, {2e3, 4e6, 0.01}};
    for (double[] r : rows) {
      double bps = 0.7 * 1e4 * r[2] * Math.sqrt(r[0] / r[1]);
      exact.add(new ParentOrderCost(Side.SELL, r[0], r[1], r[2], 100, 100 * (1 - bps / 1e4)));
    }
    SquareRootImpactFit e = SquareRootImpactCalibration.fit(exact);
    assertThat(e.coefficient()).isCloseTo(0.7, within(1e-10));
    assertThat(e.rSquared()).isCloseTo(1, within(1e-12));
    assertThat(e.standardError()).isLessThan(1e-10);
    assertThat(e.model().costBps(0.02, 1e4, 1e6)).isCloseTo(14, within(1e-9));
  }

  @Test
  void parentOrderCostSignsAndShares() {
    ParentOrderCost buy = new ParentOrderCost(Side.BUY, 1000, 1e5, 0.02, 100, 100.1);
    assertThat(buy.costBps()).isCloseTo(10, within(1e-9));
    assertThat(buy.volumeFraction()).isEqualTo(0.01);
    ParentOrderCost sell = new ParentOrderCost(Side.SELL, 1000, 1e5, 0.02, 100, 100.1);
    assertThat(sell.costBps()).isCloseTo(-10, within(1e-9));
  }

  @Test
  void rejectsBadInput() {
    List<ParentOrderCost> orders = SyntheticFills.squareRoot(3L, 5, 0.8, 0.5, 0.5);
    assertThatThrownBy(() -> SquareRootImpactCalibration.fit(orders.subList(0, 1)))
        .hasMessageContaining("at least 2 parent orders but had 1");
    assertThatThrownBy(() -> SquareRootImpactCalibration.fit(orders, 0))
        .hasMessageContaining("exponent must be in (0, 1] but was 0");
    assertThatThrownBy(() -> SquareRootImpactCalibration.fit(orders, Double.NaN))
        .hasMessageContaining("exponent");
    assertThatThrownBy(() -> SquareRootImpactCalibration.fit(null))
        .isInstanceOf(NullPointerException.class);
    List<ParentOrderCost> withNull = new ArrayList<>(orders);
    withNull.set(1, null);
    assertThatThrownBy(() -> SquareRootImpactCalibration.fit(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("orders[1]");
    assertThatThrownBy(() -> new ParentOrderCost(Side.BUY, 0, 1, 0.01, 1, 1))
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> new ParentOrderCost(Side.BUY, 1, -1, 0.01, 1, 1))
        .hasMessageContaining("dailyVolume");
    assertThatThrownBy(() -> new ParentOrderCost(Side.BUY, 1, 1, Double.NaN, 1, 1))
        .hasMessageContaining("dailyVolatility");
    assertThatThrownBy(() -> new ParentOrderCost(Side.BUY, 1, 1, 0.01, 0, 1))
        .hasMessageContaining("arrivalPrice");
    assertThatThrownBy(() -> new ParentOrderCost(Side.BUY, 1, 1, 0.01, 1, -1))
        .hasMessageContaining("averagePrice");
    assertThatThrownBy(() -> new ParentOrderCost(null, 1, 1, 0.01, 1, 1))
        .isInstanceOf(NullPointerException.class);
    SquareRootImpact model = new SquareRootImpact(0.7, 0.5);
    assertThatThrownBy(() -> model.costBps(0.02, 0, 1e6)).hasMessageContaining("quantity");
    assertThatThrownBy(() -> new SquareRootImpact(Double.NaN, 0.5))
        .hasMessageContaining("coefficient");
    assertThatThrownBy(() -> new SquareRootImpact(0.7, 1.5)).hasMessageContaining("exponent");
    assertThatThrownBy(() -> new SquareRootImpactFit(model, -1, 0, 0.5, 1, 10))
        .hasMessageContaining("standardError");
    assertThatThrownBy(() -> new SquareRootImpactFit(model, 0, 0, 0.5, 1, 1))
        .hasMessageContaining("observations must be >= 2");
    assertThatThrownBy(() -> new SquareRootImpactFit(null, 0, 0, 0.5, 1, 3))
        .isInstanceOf(NullPointerException.class);
  }
}
