package dev.tyche.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class InstrumentTest {

  /** BTCUSDT perpetual with Binance's filters (tick 0.10, step 0.001, min notional 100). */
  static Instrument btcusdt() {
    return Instrument.builder(Symbol.of("BTCUSDT"))
        .assets(Asset.of("BTC"), Asset.USDT)
        .contractType(ContractType.PERPETUAL)
        .tickSize("0.10")
        .stepSize("0.001")
        .quantityBounds("0.001", "1000")
        .minNotional("100")
        .build();
  }

  @Test
  void roundsAnalyticPricesToTheTickGrid() {
    Instrument btc = btcusdt();
    assertThat(btc.roundPrice(61800.26, GridRounding.DOWN)).isEqualTo(Price.parse("61800.20"));
    assertThat(btc.roundPrice(61800.26, GridRounding.UP)).isEqualTo(Price.parse("61800.30"));
    assertThat(btc.roundPrice(61800.26, GridRounding.NEAREST)).isEqualTo(Price.parse("61800.30"));
    assertThat(btc.roundPrice(61800.25, GridRounding.NEAREST)).isEqualTo(Price.parse("61800.30"));
    // 100.3 / 0.1 is 1002.9999999999999 in doubles: still on the grid, not a tick lower.
    assertThat(btc.roundPrice(100.3, GridRounding.DOWN)).isEqualTo(Price.parse("100.30"));
    assertThat(btc.roundPrice(Price.parse("61800.2599"), GridRounding.DOWN))
        .isEqualTo(Price.parse("61800.20"));
  }

  @Test
  void roundsQuantitiesToTheStepGrid() {
    Instrument btc = btcusdt();
    assertThat(btc.roundQuantity(0.0159, GridRounding.DOWN)).isEqualTo(Quantity.parse("0.015"));
    assertThat(btc.roundQuantity(0.0151, GridRounding.UP)).isEqualTo(Quantity.parse("0.016"));
    assertThat(btc.roundQuantity(0.0004, GridRounding.DOWN)).isEqualTo(Quantity.parse("0.000"));
    assertThatThrownBy(() -> btc.roundQuantity(-0.1, GridRounding.DOWN))
        .hasMessage("quantity must be >= 0 but was -0.1");
    assertThatThrownBy(() -> btc.roundPrice(Double.NaN, GridRounding.DOWN))
        .hasMessage("price must be finite but was NaN");
    assertThatThrownBy(() -> btc.roundPrice(0.04, GridRounding.DOWN))
        .hasMessageContaining("price must be > 0");
  }

  @Test
  void parsesOnlyOnGridText() {
    Instrument btc = btcusdt();
    assertThat(btc.parsePrice("61800.2")).isEqualTo(Price.parse("61800.20"));
    assertThatThrownBy(() -> btc.parsePrice("61800.25"))
        .hasMessageContaining("off the tick grid")
        .hasMessageContaining("BTCUSDT");
    assertThatThrownBy(() -> btc.parseQuantity("0.0015")).hasMessageContaining("decimal places");
  }

  @Test
  void checksExchangeFilters() {
    Instrument btc = btcusdt();
    // 60000.00 x 0.001 = 60 USDT, below the 100 USDT minimum notional.
    assertThat(btc.filterViolation(Price.parse("60000.00"), Quantity.parse("0.001")))
        .hasValueSatisfying(v -> assertThat(v).contains("minNotional").contains("60.00000"));
    assertThat(btc.filterViolation(Price.parse("60000.00"), Quantity.parse("0.002"))).isEmpty();
    assertThat(btc.filterViolation(Price.parse("60000.00"), Quantity.parse("0.010"))).isEmpty();
    assertThat(btc.filterViolation(Price.parse("60000.05"), Quantity.parse("0.010")))
        .hasValueSatisfying(v -> assertThat(v).contains("tickSize"));
    assertThat(btc.filterViolation(Price.parse("60000.00"), Quantity.parse("1000.001")))
        .hasValueSatisfying(v -> assertThat(v).contains("maxQuantity"));
    assertThat(btc.notional(Price.parse("60000.00"), Quantity.parse("0.010")))
        .isEqualTo(Money.parse(Asset.USDT, "600.00000"));
  }

  @Test
  void rejectsInconsistentFilters() {
    assertThatThrownBy(
            () ->
                Instrument.builder(Symbol.of("X"))
                    .assets(Asset.of("X"), Asset.USDT)
                    .tickSize("0.01")
                    .stepSize("0.001")
                    .quantityBounds("0.0015", "10")
                    .scales(2, 4)
                    .build())
        .hasMessageContaining("minQuantity must be a multiple of stepSize");
    assertThatThrownBy(
            () ->
                Instrument.builder(Symbol.of("X"))
                    .assets(Asset.of("X"), Asset.USDT)
                    .tickSize("0.01")
                    .stepSize("0.001")
                    .scales(1, 3)
                    .build())
        .hasMessageContaining("priceScale");
    assertThatThrownBy(
            () ->
                Instrument.builder(Symbol.of("X"))
                    .assets(Asset.of("X"), Asset.USDT)
                    .tickSize("0.01")
                    .stepSize("0")
                    .build())
        .hasMessageContaining("stepSize must be > 0");
  }

  @Property
  void roundingNeverLeavesTheGrid(
      @ForAll @DoubleRange(min = 0.1, max = 1.0e7) double price, @ForAll GridRounding rounding) {
    Instrument btc = btcusdt();
    Price p = btc.roundPrice(price, rounding);
    assertThat(btc.isOnPriceGrid(p)).isTrue();
    assertThat(Math.abs(p.toDouble() - price)).isLessThanOrEqualTo(0.1 + 1e-6);
    if (rounding == GridRounding.DOWN) {
      assertThat(p.toDouble()).isLessThanOrEqualTo(price + 1e-6);
    } else if (rounding == GridRounding.UP) {
      assertThat(p.toDouble()).isGreaterThanOrEqualTo(price - 1e-6);
    } else {
      assertThat(Math.abs(p.toDouble() - price)).isLessThanOrEqualTo(0.05 + 1e-6);
    }
    Quantity q = btc.roundQuantity(price / 1000, rounding);
    assertThat(btc.isOnQuantityGrid(q)).isTrue();
    assertThat(btc.roundPrice(p, rounding)).isEqualTo(p);
  }
}
