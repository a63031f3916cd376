package dev.tyche.backtest.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSpecTest {

  private static IndexRange r(int from, int to) {
    return new IndexRange(from, to);
  }

  @Test
  void rollingWithPurge() {
    // s = 5 + 1 = 6; tests [6,8), [8,10), [10,12); training ends one period before each test.
    List<Window> w = WindowSpec.rolling(5, 2).withPurge(1).windows(12);
    assertThat(w).hasSize(3);
    assertThat(w.get(0).train()).containsExactly(r(0, 5));
    assertThat(w.get(0).test()).isEqualTo(r(6, 8));
    assertThat(w.get(1).train()).containsExactly(r(2, 7));
    assertThat(w.get(1).test()).isEqualTo(r(8, 10));
    assertThat(w.get(2).train()).containsExactly(r(4, 9));
    assertThat(w.get(2).test()).isEqualTo(r(10, 12));
    assertThat(w.get(2).index()).isEqualTo(2);
    assertThat(w.get(2).trainPeriods()).isEqualTo(5);
  }

  @Test
  void anchoredWithPurgeEmbargoAndStep() {
    // s = 4 + 1 = 5. Test [5,7): train [0,4); embargo [7,9).
    // Test [8,10): base [0,7) untouched by [7,9); embargo [10,12).
    // Test [11,13): base [0,10) minus [7,9) = [0,7) and [9,10). Test [14,16) does not fit in 14.
    List<Window> w = WindowSpec.anchored(4, 2).withStep(3).withPurge(1).withEmbargo(2).windows(14);
    assertThat(w).hasSize(3);
    assertThat(w.get(0).train()).containsExactly(r(0, 4));
    assertThat(w.get(0).test()).isEqualTo(r(5, 7));
    assertThat(w.get(1).train()).containsExactly(r(0, 7));
    assertThat(w.get(1).test()).isEqualTo(r(8, 10));
    assertThat(w.get(2).train()).containsExactly(r(0, 7), r(9, 10));
    assertThat(w.get(2).test()).isEqualTo(r(11, 13));
    assertThat(w.get(2).trainPeriods()).isEqualTo(8);
  }

  @Test
  void rollingEmbargoAppliesWhenTrainingReachesBackOverEarlierTests() {
    // s = 6. Test [6,8): train [0,6); embargo [8,9). Test [8,10): train [2,8); embargo [10,11).
    // Test [10,12): base [4,10) minus [8,9) = [4,8), [9,10).
    WindowSpec spec = new WindowSpec(WindowMode.ROLLING, 6, 2, 2, 0, 1);
    List<Window> w = spec.windows(12);
    assertThat(w)
        .extracting(Window::train)
        .containsExactly(List.of(r(0, 6)), List.of(r(2, 8)), List.of(r(4, 8), r(9, 10)));
  }

  @Test
  void exactlyOneWindowWhenDataJustFits() {
    assertThat(WindowSpec.rolling(3, 2).windows(5)).hasSize(1);
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> WindowSpec.rolling(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trainLength must be >= 1 but was 0");
    assertThatThrownBy(() -> WindowSpec.rolling(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("testLength");
    assertThatThrownBy(() -> WindowSpec.rolling(5, 3).withStep(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step must be >= testLength");
    assertThatThrownBy(() -> WindowSpec.rolling(5, 3).withPurge(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("purge");
    assertThatThrownBy(() -> WindowSpec.rolling(5, 3).withEmbargo(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embargo");
    assertThatThrownBy(() -> new WindowSpec(null, 1, 1, 1, 0, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> WindowSpec.rolling(5, 3).withPurge(1).windows(8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("totalPeriods must be >= trainLength + purge + testLength = 9");
    // Tests [1,2), [2,3), [3,4): the third window's only training period 2 is the embargo after
    // the first test window, so nothing is left.
    assertThatThrownBy(() -> new WindowSpec(WindowMode.ROLLING, 1, 1, 1, 0, 1).windows(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no training periods left");
    assertThatThrownBy(() -> new IndexRange(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IndexRange(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Window(0, List.of(), r(3, 4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Window(0, List.of(r(0, 2), r(2, 3)), r(3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("separated");
    assertThatThrownBy(() -> new Window(0, List.of(r(0, 5)), r(3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the test");
    assertThatThrownBy(() -> new Window(0, List.of(r(0, 2)), r(3, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Window(-1, List.of(r(0, 2)), r(3, 4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void indexRangeBasics() {
    IndexRange range = r(2, 5);
    assertThat(range.length()).isEqualTo(3);
    assertThat(range.contains(2)).isTrue();
    assertThat(range.contains(5)).isFalse();
    assertThat(range).hasToString("[2, 5)");
  }
}
