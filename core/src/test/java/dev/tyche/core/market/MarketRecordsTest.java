package dev.tyche.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MarketRecordsTest {
  private static final Symbol BTC = Symbol.of("BTCUSDT");
  private static final long H = 3_600_000L;

  private static Bar bar(String o, String h, String l, String c, String v) {
    return new Bar(
        BTC,
        H,
        0,
        Price.parse(o),
        Price.parse(h),
        Price.parse(l),
        Price.parse(c),
        Quantity.parse(v));
  }

  @Test
  void barTimesFollowTheOpenTimeConvention() {
    Bar b = bar("10", "11", "9", "10.5", "1");
    assertThat(b.closeTime()).isEqualTo(H - 1);
    assertThat(b.eventTime()).isEqualTo(H - 1);
    assertThat(b.isFlatWithoutVolume()).isFalse();
    assertThat(bar("10", "10.0", "10.00", "10", "0").isFlatWithoutVolume()).isTrue();
    assertThat(bar("10", "10", "10", "10", "0.1").isFlatWithoutVolume()).isFalse();
  }

  @Test
  void barRejectsInconsistentOhlcAndBadTimes() {
    assertThatThrownBy(() -> bar("10", "9.5", "9", "9.2", "1"))
        .hasMessageContaining("high must be >= max(open, close) but was high=9.5 open=10");
    assertThatThrownBy(() -> bar("10", "11", "10.6", "10.5", "1"))
        .hasMessageContaining("low must be <= min(open, close) but was low=10.6");
    Price p = Price.parse("1");
    Quantity q = Quantity.parse("1");
    assertThatThrownBy(() -> new Bar(BTC, 999, 0, p, p, p, p, q))
        .hasMessage("intervalMillis must be >= 1000 but was 999");
    assertThatThrownBy(() -> new Bar(BTC, H, -1, p, p, p, p, q))
        .hasMessageContaining("openTime must be >= 0");
    assertThatThrownBy(() -> new Bar(BTC, H, Long.MAX_VALUE - 10, p, p, p, p, q))
        .hasMessageContaining("openTime");
    assertThatThrownBy(() -> new Bar(BTC, H, 0, p, null, p, p, q))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("high");
    assertThatThrownBy(() -> Quantity.parse("-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void markPriceCarriesOptionalFields() {
    MarkPrice m = MarkPrice.of(BTC, 5, Price.parse("61800.2"));
    assertThat(m.indexPrice()).isEmpty();
    assertThat(m.fundingRate()).isEmpty();
    assertThat(m.nextFundingTime()).isEmpty();
    MarkPrice full =
        new MarkPrice(
            BTC,
            5,
            Price.parse("61800.2"),
            Optional.of(Price.parse("61790")),
            Optional.of(Decimal.parse("0.0001")),
            OptionalLong.of(28_800_000L));
    assertThat(full.nextFundingTime()).hasValue(28_800_000L);
    assertThatThrownBy(() -> MarkPrice.of(BTC, -5, Price.parse("1")))
        .hasMessage("eventTime must be >= 0 but was -5");
    assertThatThrownBy(
            () ->
                new MarkPrice(
                    BTC,
                    1,
                    Price.parse("1"),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.of(-1)))
        .hasMessage("nextFundingTime must be >= 0 but was -1");
    assertThatThrownBy(
            () ->
                new MarkPrice(
                    BTC, 1, Price.parse("1"), null, Optional.empty(), OptionalLong.empty()))
        .isInstanceOf(NullPointerException.class);
  }
}
