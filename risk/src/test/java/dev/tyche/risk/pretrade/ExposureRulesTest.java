package dev.tyche.risk.pretrade;

import static dev.tyche.risk.pretrade.Fixtures.ctx;
import static dev.tyche.risk.pretrade.Fixtures.dec;
import static dev.tyche.risk.pretrade.Fixtures.holding;
import static dev.tyche.risk.pretrade.Fixtures.limit;
import static dev.tyche.risk.pretrade.Fixtures.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

class ExposureRulesTest {

  @Test
  void maxOrderNotionalApprovesAtTheCapAndDeniesJustOver() {
    MaxOrderNotionalRule rule = new MaxOrderNotionalRule(dec("10000"));
    PreTradeContext ctx = ctx().build();
    // 0.2 x 50000.00 = 10000.00000.
    assertThat(rule.check(limit(Side.BUY, "0.200", "50000.00"), ctx).approved()).isTrue();
    Decision d = rule.check(limit(Side.BUY, "0.200", "50000.10"), ctx);
    assertThat(d.rule()).isEqualTo("max-order-notional");
    assertThat(d.reason())
        .contains("order notional 10000.02000 USDT", "price 50000.10 x quantity 0.200", "10000");
    // Market orders at the mark: 0.167 x 60000.00 = 10020 > 10000, 0.166 -> 9960.
    assertThat(rule.check(market(Side.SELL, "0.166"), ctx).approved()).isTrue();
    assertThat(rule.check(market(Side.SELL, "0.167"), ctx).denied()).isTrue();
    // Reduce-only orders are capped too.
    assertThat(
            rule.check(market(Side.SELL, "0.167").withReduceOnly(), holding("1").build()).denied())
        .isTrue();
  }

  @Test
  void maxPositionNotionalCountsThePositionAfterTheOrder() {
    MaxPositionNotionalRule rule = new MaxPositionNotionalRule(dec("30000"));
    PreTradeContext ctx = holding("0.400").build(); // 24000 USDT long
    assertThat(rule.check(market(Side.BUY, "0.100"), ctx).approved()).isTrue(); // 0.5 -> 30000
    Decision d = rule.check(market(Side.BUY, "0.101"), ctx); // 0.501 -> 30060
    assertThat(d.reason())
        .contains("position notional after the order 30060.00000 USDT", "= 0.501", "30000");
    // Flips: -0.5 -> 30000 passes, -0.501 does not.
    assertThat(rule.check(market(Side.SELL, "0.900"), ctx).approved()).isTrue();
    assertThat(rule.check(market(Side.SELL, "0.901"), ctx).denied()).isTrue();
    // An oversized position (60000) may always be reduced, and a reduce-only order of any size.
    PreTradeContext big = holding("1.000").build();
    assertThat(rule.check(market(Side.SELL, "0.200"), big).approved()).isTrue();
    assertThat(rule.check(market(Side.SELL, "5.000").withReduceOnly(), big).approved()).isTrue();
    assertThat(rule.check(market(Side.BUY, "0.001"), big).denied()).isTrue();
    // A short is measured by its absolute size.
    assertThat(rule.check(market(Side.SELL, "0.600"), holding("0").build()).denied()).isTrue();
  }

  @Test
  void maxGrossLeverageReplacesThisSymbolsExposure() {
    MaxGrossLeverageRule rule = new MaxGrossLeverageRule(2.0);
    // Equity 50000; 0.5 BTC = 30000 plus 40000 elsewhere: gross 70000.
    PreTradeContext ctx =
        ctx().equity(50_000.0).position(dec("0.500")).grossExposure(70_000.0).build();
    // BUY 0.5 -> 1.0 BTC = 60000: gross 100000 = 2 x 50000.
    assertThat(rule.check(market(Side.BUY, "0.500"), ctx).approved()).isTrue();
    Decision d = rule.check(market(Side.BUY, "0.501"), ctx); // 60060: gross 100060
    assertThat(d.rule()).isEqualTo("max-gross-leverage");
    assertThat(d.reason()).contains("100060.0 USDT", "2.0012x equity 50000.0", "2.0");
    // Selling 0.5 reduces; selling 2.5 flips to -2.0 = 120000: gross 160000.
    assertThat(rule.check(market(Side.SELL, "0.500"), ctx).approved()).isTrue();
    assertThat(rule.check(market(Side.SELL, "2.500"), ctx).denied()).isTrue();
    // Non-positive equity: every risk-increasing order is denied, reductions pass.
    PreTradeContext broke =
        ctx().equity(-10.0).position(dec("0.500")).grossExposure(30_000.0).build();
    assertThat(rule.check(market(Side.BUY, "0.001"), broke).reason())
        .contains("non-positive equity -10.0");
    assertThat(rule.check(market(Side.SELL, "0.001"), broke).approved()).isTrue();
  }

  @Test
  void rejectsNegativeOrInvalidLimits() {
    assertThatThrownBy(() -> new MaxOrderNotionalRule(dec("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxNotional of rule max-order-notional must be >= 0 but was -1");
    assertThatThrownBy(() -> new MaxPositionNotionalRule(dec("-0.01")))
        .hasMessageContaining("maxNotional of rule max-position-notional must be >= 0");
    assertThatThrownBy(() -> new MaxPositionNotionalRule("x", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MaxGrossLeverageRule(0.0))
        .hasMessageContaining(
            "maxLeverage of rule max-gross-leverage must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> new MaxGrossLeverageRule(-3.0)).hasMessageContaining("maxLeverage");
    assertThatThrownBy(() -> new MaxGrossLeverageRule(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new MaxGrossLeverageRule(Double.POSITIVE_INFINITY))
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> new MaxGrossLeverageRule(null, 2.0))
        .isInstanceOf(NullPointerException.class);
  }
}
