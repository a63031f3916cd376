package dev.tyche.strategy.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * A table builds exactly when every weight is in {@code [0, 1]} and every row sums to at most 1,
 * and then returns every weight as given.
 */
class AllocationMatrixProperties {

  private static final StrategyStyle[] STYLES = StrategyStyle.values();
  private static final MarketRegime[] REGIMES = MarketRegime.values();

  @Property(tries = 500)
  void validatesWeightsAndRowSums(
      @ForAll @Size(min = 32, max = 32) List<@DoubleRange(min = -0.05, max = 0.45) Double> w) {
    AllocationMatrix.Builder<StrategyStyle> b = AllocationMatrix.builder();
    boolean valid = true;
    for (int r = 0; r < REGIMES.length; r++) {
      double sum = 0.0;
      for (int s = 0; s < STYLES.length; s++) {
        double x = w.get(r * STYLES.length + s);
        b.set(REGIMES[r], STYLES[s], x);
        valid &= x >= 0.0 && x <= 1.0;
        sum += x;
      }
      valid &= sum <= 1.0 + AllocationMatrix.SUM_TOLERANCE;
    }
    if (valid) {
      AllocationMatrix<StrategyStyle> m = b.build();
      for (int r = 0; r < REGIMES.length; r++) {
        for (int s = 0; s < STYLES.length; s++) {
          assertThat(m.weight(REGIMES[r], STYLES[s])).isEqualTo(w.get(r * STYLES.length + s));
        }
        assertThat(m.rowSum(REGIMES[r])).isLessThanOrEqualTo(1.0 + AllocationMatrix.SUM_TOLERANCE);
      }
    } else {
      assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
