package dev.tyche.core.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Asset;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

  @Test
  void parsesExchangeTextKeepingItsScale() {
    Price p = Price.parse("61800.20");
    assertThat(p.units()).isEqualTo(6180020);
    assertThat(p.scale()).isEqualTo(2);
    assertThat(p.toPlainString()).isEqualTo("61800.20");
    assertThat(Price.parse("10000.0").scale()).isEqualTo(1);
    assertThat(Quantity.parse("0.010")).isEqualTo(Quantity.of(10, 3));
    assertThat(Price.parse("30616.33820823").toDouble()).isEqualTo(30616.33820823);
  }

  @Test
  void parsesExponentNotationFromDataFiles() {
    Decimal rate = Decimal.parse("-3.33e-06");
    assertThat(rate.units()).isEqualTo(-333);
    assertThat(rate.scale()).isEqualTo(8);
    assertThat(Decimal.parse("1.5E3")).isEqualTo(Decimal.of(1500, 0));
    assertThat(Decimal.parse("+0.25")).isEqualTo(Decimal.of(25, 2));
  }

  @Test
  void parsesAtAGivenScaleAndRejectsExtraPrecision() {
    assertThat(Price.parse("61800.2", 2)).isEqualTo(Price.of(6180020, 2));
    assertThat(Price.parse("61800.200000", 2)).isEqualTo(Price.of(6180020, 2));
    assertThatThrownBy(() -> Price.parse("61800.205", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("price")
        .hasMessageContaining("61800.205")
        .hasMessageContaining("2 decimal places");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-", ".", "NaN", "Infinity", "-Infinity", "1,5", "1.2.3", "abc", "1e"})
  void rejectsTextThatIsNotANumber(String text) {
    assertThatThrownBy(() -> Decimal.parse(text, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimal");
  }

  @Test
  void rejectsOverflow() {
    assertThatThrownBy(() -> Quantity.parse("92233720368547758.08", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overflows");
    assertThatThrownBy(() -> Decimal.parse("1e30", 0)).hasMessageContaining("overflows");
    assertThatThrownBy(() -> Price.of(Long.MAX_VALUE, 0).plus(Price.of(1, 0)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Price.of(Long.MAX_VALUE / 2, 2).times(Quantity.of(3, 3)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejectsNonPositivePricesAndNegativeQuantities() {
    assertThatThrownBy(() -> Price.parse("0.00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price must be > 0 but was 0.00");
    assertThatThrownBy(() -> Price.parse("-1.5")).hasMessageContaining("price must be > 0");
    assertThatThrownBy(() -> Quantity.parse("-0.001"))
        .hasMessage("quantity must be >= 0 but was -0.001");
    assertThatThrownBy(() -> Quantity.of(1, 3).minus(Quantity.of(2, 3)))
        .hasMessageContaining("quantity must be >= 0");
    assertThatThrownBy(() -> Price.of(1, 19)).hasMessageContaining("scale");
  }

  @Test
  void rejectsNonFiniteDoubles() {
    assertThatThrownBy(() -> Price.fromDouble(Double.NaN, 2, RoundingMode.HALF_EVEN))
        .hasMessage("price must be finite but was NaN");
    assertThatThrownBy(
            () -> Quantity.fromDouble(Double.POSITIVE_INFINITY, 3, RoundingMode.HALF_EVEN))
        .hasMessageContaining("finite");
  }

  @Test
  void fromDoubleForgivesRepresentationNoiseOnly() {
    assertThat(Price.fromDouble(100.29999999999998, 1, RoundingMode.FLOOR))
        .isEqualTo(Price.of(1003, 1));
    assertThat(Price.fromDouble(100.26, 1, RoundingMode.FLOOR)).isEqualTo(Price.of(1002, 1));
    assertThat(Price.fromDouble(100.26, 1, RoundingMode.CEILING)).isEqualTo(Price.of(1003, 1));
    assertThat(Decimal.fromDouble(-0.25, 1, RoundingMode.HALF_EVEN)).isEqualTo(Decimal.of(-2, 1));
  }

  @Test
  void arithmeticIsExactAcrossScales() {
    assertThat(Price.parse("0.1").plus(Price.parse("0.2"))).isEqualTo(Price.parse("0.3"));
    assertThat(Price.parse("100.5").minus(Price.parse("100.25"))).isEqualTo(Decimal.of(25, 2));
    assertThat(Price.parse("30000.0").times(Quantity.parse("0.015")))
        .isEqualTo(Decimal.parse("450.0000"));
    assertThat(Price.parse("100.0").plusTicks(-3, Price.parse("0.10")))
        .isEqualTo(Price.parse("99.70"));
    assertThat(Decimal.parse("1.5").times(Decimal.parse("-0.0001")))
        .isEqualTo(Decimal.parse("-0.00015"));
  }

  @Test
  void equalityIsScaleSensitiveButValueComparisonIsNot() {
    Price a = Price.parse("1.0");
    Price b = Price.parse("1.00");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.isEqualTo(b)).isTrue();
    assertThat(a.compareTo(b)).isZero();
    assertThat(a.withScale(2)).isEqualTo(b);
    assertThatThrownBy(() -> Price.parse("1.05").withScale(1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("1.05");
  }

  @Test
  void roundsHalfEvenAndOtherModesLikeBigDecimal() {
    for (RoundingMode mode :
        new RoundingMode[] {
          RoundingMode.UP,
          RoundingMode.DOWN,
          RoundingMode.CEILING,
          RoundingMode.FLOOR,
          RoundingMode.HALF_UP,
          RoundingMode.HALF_DOWN,
          RoundingMode.HALF_EVEN
        }) {
      for (String s : new String[] {"2.5", "-2.5", "1.15", "-1.15", "0.05", "7.49", "-7.51"}) {
        Decimal d = Decimal.parse(s);
        long expected = new java.math.BigDecimal(s).setScale(0, mode).longValueExact();
        assertThat(d.round(0, mode).units()).as("%s %s", s, mode).isEqualTo(expected);
      }
    }
    assertThatThrownBy(() -> Decimal.parse("1.5").round(0, RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void moneyDoesNotMixAssets() {
    Money usdt = Money.parse(Asset.USDT, "10.5");
    Money btc = Money.parse(Asset.of("BTC"), "0.1");
    assertThat(usdt.plus(Money.parse(Asset.USDT, "-0.25")))
        .isEqualTo(Money.parse(Asset.USDT, "10.25"));
    assertThat(usdt.toString()).isEqualTo("10.5 USDT");
    assertThatThrownBy(() -> usdt.plus(btc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USDT")
        .hasMessageContaining("BTC");
    assertThatThrownBy(() -> usdt.compareTo(btc)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.parse(Asset.USDT, "1.123456789").round(8, RoundingMode.HALF_EVEN))
        .isEqualTo(Money.parse(Asset.USDT, "1.12345679"));
  }

  @Test
  void gridMembership() {
    assertThat(Price.parse("61800.20").isMultipleOf(Price.parse("0.10"))).isTrue();
    assertThat(Price.parse("61800.25").isMultipleOf(Price.parse("0.10"))).isFalse();
    assertThatThrownBy(() -> Quantity.parse("1").isMultipleOf(Quantity.zero(3)))
        .hasMessageContaining("step must be > 0");
  }
}
