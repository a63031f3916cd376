package dev.tyche.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.num.Quantity;
import org.junit.jupiter.api.Test;

class GridNoiseTest {

  /** A real fraction of a step at a large step count must not be mistaken for float noise. */
  @Test
  void largeQuantitiesRoundDownByRealFractionsOfAStep() {
    Instrument btc = InstrumentTest.btcusdt();
    // 13937.72598751394 is 0.0125 of a step below 13937.726: DOWN must give 13937.725.
    assertThat(btc.roundQuantity(13937.72598751394, GridRounding.DOWN))
        .isEqualTo(Quantity.parse("13937.725"));
    assertThat(Quantity.fromDouble(13937.72598751394, 3, java.math.RoundingMode.FLOOR))
        .isEqualTo(Quantity.parse("13937.725"));
    // Noise of a few ulps is still forgiven.
    assertThat(btc.roundQuantity(0.1 + 0.2, GridRounding.DOWN)).isEqualTo(Quantity.parse("0.300"));
  }
}
