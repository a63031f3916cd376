package dev.tyche.risk.pretrade;

import static dev.tyche.risk.pretrade.Fixtures.ctx;
import static dev.tyche.risk.pretrade.Fixtures.limit;
import static dev.tyche.risk.pretrade.Fixtures.market;
import static dev.tyche.risk.pretrade.Fixtures.price;
import static dev.tyche.risk.pretrade.Fixtures.stopLimit;
import static dev.tyche.risk.pretrade.Fixtures.stopMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

class InstrumentFilterRuleTest {

  private final InstrumentFilterRule rule = new InstrumentFilterRule();
  private final PreTradeContext ctx = ctx().build();

  @Test
  void minNotionalApprovesAtTheBoundaryAndDeniesJustBelow() {
    // 0.001 x 50000.00 = 50.00000 = minNotional.
    assertThat(rule.check(limit(Side.BUY, "0.001", "50000.00"), ctx)).isSameAs(Decision.approve());
    Decision d = rule.check(limit(Side.BUY, "0.001", "49999.90"), ctx);
    assertThat(d.denied()).isTrue();
    assertThat(d.rule()).isEqualTo("instrument-filters");
    assertThat(d.reason()).contains("notional 49.99990", "below minNotional 50", "BTCUSDT");
  }

  @Test
  void gridAndQuantityBoundsAreChecked() {
    assertThat(rule.check(limit(Side.BUY, "0.010", "60000.05"), ctx).reason())
        .contains("price 60000.05 is not a multiple of tickSize 0.10");
    assertThat(rule.check(limit(Side.BUY, "0.0105", "60000.00"), ctx).reason())
        .contains("quantity 0.0105 is not a multiple of stepSize 0.001");
    assertThat(rule.check(limit(Side.SELL, "100.000", "60000.00"), ctx).approved()).isTrue();
    assertThat(rule.check(limit(Side.SELL, "100.001", "60000.00"), ctx).reason())
        .contains("above maxQuantity 100.000");
  }

  @Test
  void marketOrdersAreValuedAtTheExactMark() {
    assertThat(rule.check(market(Side.BUY, "0.001"), ctx).approved()).isTrue(); // 60 USDT
    // A mark finer than the tick: 0.001 x 49999.99 = 49.99999 < 50 although the mark rounded up
    // to the tick (50000.00) would pass.
    PreTradeContext low =
        PreTradeSnapshot.builder(Fixtures.BTC, price("49999.99")).equity(1e5).build();
    Decision d = rule.check(market(Side.SELL, "0.001"), low);
    assertThat(d.reason()).contains("notional 49.99999", "mark 49999.99", "below minNotional 50");
    PreTradeContext high =
        PreTradeSnapshot.builder(Fixtures.BTC, price("50000.01")).equity(1e5).build();
    assertThat(rule.check(market(Side.SELL, "0.001"), high).approved()).isTrue();
    assertThat(rule.check(market(Side.SELL, "0.0011"), high).reason()).contains("stepSize");
  }

  @Test
  void reduceOnlyOrdersAreExemptFromMinNotionalOnlyWhenConfigured() {
    var small = limit(Side.SELL, "0.001", "40000.00").withReduceOnly(); // 40 USDT
    assertThat(rule.check(small, ctx).approved()).isTrue();
    // The exemption covers the notional only: the step grid still applies.
    assertThat(rule.check(market(Side.SELL, "0.0005").withReduceOnly(), ctx).reason())
        .contains("quantity 0.0005 is not a multiple of stepSize 0.001");
    assertThat(rule.check(limit(Side.SELL, "0.001", "40000.05").withReduceOnly(), ctx).reason())
        .contains("tickSize");
    InstrumentFilterRule strict = new InstrumentFilterRule("strict-filters", false);
    assertThat(strict.check(small, ctx).reason()).contains("below minNotional");
    assertThat(strict.check(market(Side.SELL, "0.0008").withReduceOnly(), ctx).reason())
        .contains("below minNotional");
  }

  @Test
  void triggerPricesMustBeOnTheGrid() {
    assertThat(rule.check(stopLimit(Side.BUY, "0.010", "61000.00", "60900.00"), ctx).approved())
        .isTrue();
    assertThat(rule.check(stopLimit(Side.BUY, "0.010", "61000.00", "60900.01"), ctx).reason())
        .contains("trigger price 60900.01 is not a multiple of tickSize 0.10");
    assertThat(rule.check(stopMarket(Side.SELL, "0.010", "59000.05"), ctx).reason())
        .contains("price 59000.05 is not a multiple of tickSize");
    // A stop-market is valued at its trigger: 0.001 x 49000.00 = 49 < 50.
    assertThat(rule.check(stopMarket(Side.SELL, "0.001", "49000.00"), ctx).reason())
        .contains("notional 49.00000");
  }

  @Test
  void rejectsABlankName() {
    assertThatThrownBy(() -> new InstrumentFilterRule("", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must not be blank");
  }
}
