package dev.tyche.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import org.junit.jupiter.api.Test;

class BarUpdateTest {

  @Test
  void barUpdateEqualsPrimitiveUpdate() {
    Atr fromBars = new Atr(3);
    Atr fromDoubles = new Atr(3);
    double[][] hlc = {{101, 99, 100}, {103, 100, 102}, {104, 101, 101.5}, {102, 98, 99}};
    for (int i = 0; i < hlc.length; i++) {
      Bar bar =
          new Bar(
              Symbol.of("BTCUSDT"),
              3_600_000L,
              i * 3_600_000L,
              Price.fromDouble(hlc[i][2], 2, java.math.RoundingMode.HALF_EVEN),
              Price.fromDouble(hlc[i][0], 2, java.math.RoundingMode.HALF_EVEN),
              Price.fromDouble(hlc[i][1], 2, java.math.RoundingMode.HALF_EVEN),
              Price.fromDouble(hlc[i][2], 2, java.math.RoundingMode.HALF_EVEN),
              Quantity.parse("5.000"));
      fromBars.update(bar);
      fromDoubles.update(hlc[i][0], hlc[i][1], hlc[i][2], 5.0);
    }
    assertThat(fromBars.isReady()).isTrue();
    assertThat(fromBars.value()).isEqualTo(fromDoubles.value());
  }
}
