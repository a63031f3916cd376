package dev.tyche.backtest.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleColumnsTest {

  @Test
  void rowsAcrossChunksReadBackAsColumnsWithZerosBeforeAColumnExisted() {
    SampleColumns s = new SampleColumns(3);
    for (int i = 0; i < 7; i++) {
      double[] row = i < 4 ? new double[] {i, 10 + i} : new double[] {i, 10 + i, 100 + i};
      s.add(1000L + i, row);
    }
    assertThat(s.size()).isEqualTo(7);
    assertThat(s.lastTime()).isEqualTo(1006L);
    assertThat(s.times()).containsExactly(1000, 1001, 1002, 1003, 1004, 1005, 1006);
    assertThat(s.column(0)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(s.column(1)).containsExactly(10, 11, 12, 13, 14, 15, 16);
    assertThat(s.column(2)).containsExactly(0, 0, 0, 0, 104, 105, 106);
    assertThat(s.column(3)).containsExactly(0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void theLastSampleCanBeReplaced() {
    SampleColumns s = new SampleColumns(0);
    s.add(1, new double[] {1, 2});
    s.add(2, new double[] {3, 4});
    s.removeLast();
    assertThat(s.lastTime()).isEqualTo(1L);
    s.add(2, new double[] {5, 6});
    assertThat(s.times()).containsExactly(1, 2);
    assertThat(s.column(0)).containsExactly(1, 5);
    assertThat(s.column(1)).containsExactly(2, 6);
  }

  @Test
  void exactlyTheExpectedSamplesAreHandedOverWhole() {
    SampleColumns s = new SampleColumns(2);
    s.add(1, new double[] {1});
    s.add(2, new double[] {2});
    assertThat(s.times()).containsExactly(1, 2);
    assertThat(s.column(0)).containsExactly(1, 2);
    assertThat(s.column(1)).containsExactly(0, 0);
  }

  @Test
  void emptyAndBadInputAreRefused() {
    SampleColumns s = new SampleColumns(0);
    assertThat(s.times()).isEmpty();
    assertThat(s.column(0)).isEmpty();
    assertThatThrownBy(s::lastTime).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(s::removeLast).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SampleColumns(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected must be >= 0 but was -1");
  }
}
