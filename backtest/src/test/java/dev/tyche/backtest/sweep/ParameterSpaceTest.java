package dev.tyche.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

  private static final ParameterSpace SPACE =
      ParameterSpace.of(Dimension.intRange("fast", 5, 15, 5), Dimension.of("k", 1.5, 2.5));

  @Test
  void gridIsRowMajorWithLastDimensionFastest() {
    List<ParameterSet> grid = SPACE.grid();
    assertThat(grid).hasSize(6);
    assertThat(grid.get(0).toString()).isEqualTo("{fast=5.0, k=1.5}");
    assertThat(grid.get(1).toString()).isEqualTo("{fast=5.0, k=2.5}");
    assertThat(grid.get(2).toString()).isEqualTo("{fast=10.0, k=1.5}");
    assertThat(grid.get(5).getInt("fast")).isEqualTo(15);
    assertThat(grid.get(5).get("k")).isEqualTo(2.5);
    assertThat(SPACE.point(3)).isEqualTo(grid.get(3));
  }

  @Test
  void linearAndIntRangeDimensions() {
    assertThat(Dimension.linear("x", 0.0, 1.0, 5).values())
        .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    assertThat(Dimension.linear("x", 2.0, 2.0, 1).values()).containsExactly(2.0);
    assertThat(Dimension.intRange("n", 1, 10, 4).values()).containsExactly(1.0, 5.0, 9.0);
  }

  @Test
  void randomSearchIsSeededDistinctSortedAndFromTheGrid() {
    ParameterSpace big =
        ParameterSpace.of(Dimension.intRange("a", 1, 20, 1), Dimension.intRange("b", 1, 20, 1));
    List<ParameterSet> first = ParameterSearch.random(30, 42L).candidates(big);
    List<ParameterSet> again = ParameterSearch.random(30, 42L).candidates(big);
    List<ParameterSet> other = ParameterSearch.random(30, 43L).candidates(big);
    assertThat(first).hasSize(30).doesNotHaveDuplicates().isEqualTo(again).isNotEqualTo(other);
    List<ParameterSet> grid = big.grid();
    int previous = -1;
    for (ParameterSet p : first) {
      int index = grid.indexOf(p);
      assertThat(index).isGreaterThan(previous);
      previous = index;
    }
    assertThat(ParameterSearch.random(100, 1L).candidates(SPACE)).isEqualTo(SPACE.grid());
    assertThat(ParameterSearch.grid().candidates(SPACE)).isEqualTo(SPACE.grid());
  }

  @Test
  void parameterSetLookups() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("n", 20.0);
    m.put("k", 0.5);
    ParameterSet p = new ParameterSet(m);
    m.put("n", 99.0);
    assertThat(p.getInt("n")).isEqualTo(20);
    assertThatThrownBy(() -> p.getInt("k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> p.get("missing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> Dimension.of("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-empty");
    assertThatThrownBy(() -> Dimension.of(" ", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-blank");
    assertThatThrownBy(() -> Dimension.of("x", 1.0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("values[1]");
    assertThatThrownBy(() -> Dimension.of("x", 1.0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dimension.of("x", 0.0, -0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> Dimension.intRange("x", 1, 5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step");
    assertThatThrownBy(() -> Dimension.intRange("x", 5, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to must be >= from");
    assertThatThrownBy(() -> Dimension.linear("x", 1.0, 0.0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dimension.linear("x", 0.0, Double.NaN, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dimension.linear("x", 0.0, 1.0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParameterSpace.of())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-empty");
    assertThatThrownBy(() -> ParameterSpace.of(Dimension.of("x", 1), Dimension.of("x", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeated");
    assertThatThrownBy(
            () ->
                ParameterSpace.of(
                    Dimension.intRange("a", 1, 100_000, 1), Dimension.intRange("b", 1, 100_000, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> SPACE.point(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SPACE.point(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParameterSearch.random(0, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count");
    assertThatThrownBy(() -> new ParameterSet(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParameterSet(Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }
}
