package dev.tyche.core.num;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class NumbersProperties {

  @Property
  void formatParseRoundTrip(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long units,
      @ForAll @IntRange(min = 0, max = 18) int scale) {
    Price p = Price.of(units, scale);
    assertThat(Price.parse(p.toPlainString(), scale)).isEqualTo(p);
    assertThat(Price.parse(p.toPlainString())).isEqualTo(p);
    assertThat(new BigDecimal(p.toPlainString())).isEqualTo(BigDecimal.valueOf(units, scale));
  }

  @Property
  void signedRoundTrip(
      @ForAll @LongRange(min = -Long.MAX_VALUE, max = Long.MAX_VALUE) long units,
      @ForAll @IntRange(min = 0, max = 18) int scale) {
    Decimal d = Decimal.of(units, scale);
    assertThat(Decimal.parse(d.toPlainString(), scale)).isEqualTo(d);
  }

  @Property
  void toDoubleIsTheNearestDouble(
      @ForAll @LongRange(min = 1, max = 1L << 52) long units,
      @ForAll @IntRange(min = 0, max = 12) int scale) {
    Quantity q = Quantity.of(units, scale);
    assertThat(q.toDouble()).isEqualTo(BigDecimal.valueOf(units, scale).doubleValue());
  }

  @Property
  void additionIsExact(
      @ForAll @LongRange(min = 0, max = 1L << 30) long a,
      @ForAll @IntRange(min = 0, max = 8) int sa,
      @ForAll @LongRange(min = 0, max = 1L << 30) long b,
      @ForAll @IntRange(min = 0, max = 8) int sb) {
    Quantity sum = Quantity.of(a, sa).plus(Quantity.of(b, sb));
    BigDecimal expected = BigDecimal.valueOf(a, sa).add(BigDecimal.valueOf(b, sb));
    assertThat(BigDecimal.valueOf(sum.units(), sum.scale())).isEqualByComparingTo(expected);
    Quantity back = sum.minus(Quantity.of(b, sb));
    assertThat(back.isEqualTo(Quantity.of(a, sa))).isTrue();
  }

  @Property
  void multiplicationIsExact(
      @ForAll @LongRange(min = 1, max = 1L << 31) long p,
      @ForAll @IntRange(min = 0, max = 8) int sp,
      @ForAll @LongRange(min = 0, max = 1L << 31) long q,
      @ForAll @IntRange(min = 0, max = 8) int sq) {
    Decimal notional = Price.of(p, sp).times(Quantity.of(q, sq));
    BigDecimal expected = BigDecimal.valueOf(p, sp).multiply(BigDecimal.valueOf(q, sq));
    assertThat(BigDecimal.valueOf(notional.units(), notional.scale()))
        .isEqualByComparingTo(expected);
  }

  @Property
  void comparisonAgreesWithBigDecimal(
      @ForAll @LongRange(min = -Long.MAX_VALUE, max = Long.MAX_VALUE) long a,
      @ForAll @IntRange(min = 0, max = 18) int sa,
      @ForAll @LongRange(min = -Long.MAX_VALUE, max = Long.MAX_VALUE) long b,
      @ForAll @IntRange(min = 0, max = 18) int sb) {
    int expected = BigDecimal.valueOf(a, sa).compareTo(BigDecimal.valueOf(b, sb));
    assertThat(Integer.signum(Decimal.of(a, sa).compareTo(Decimal.of(b, sb)))).isEqualTo(expected);
  }

  @Property
  void roundingAgreesWithBigDecimal(
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long units,
      @ForAll @IntRange(min = 1, max = 9) int scale,
      @ForAll @IntRange(min = 0, max = 8) int target,
      @ForAll RoundingMode mode) {
    if (mode == RoundingMode.UNNECESSARY || target >= scale) {
      return;
    }
    Decimal rounded = Decimal.of(units, scale).round(target, mode);
    BigDecimal expected = BigDecimal.valueOf(units, scale).setScale(target, mode);
    assertThat(BigDecimal.valueOf(rounded.units(), rounded.scale())).isEqualTo(expected);
  }
}
