package dev.tyche.risk.pretrade;

import static dev.tyche.risk.pretrade.Fixtures.ctx;
import static dev.tyche.risk.pretrade.Fixtures.dec;
import static dev.tyche.risk.pretrade.Fixtures.holding;
import static dev.tyche.risk.pretrade.Fixtures.limit;
import static dev.tyche.risk.pretrade.Fixtures.market;
import static dev.tyche.risk.pretrade.Fixtures.stopLimit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

class OrderFlowRulesTest {

  @Test
  void maxOpenOrdersCountsTheNewOrder() {
    MaxOpenOrdersRule rule = new MaxOpenOrdersRule(3, 2);
    var order = market(Side.BUY, "0.010");
    assertThat(rule.check(order, ctx().openOrders(2, 1).build()).approved()).isTrue();
    assertThat(rule.check(order, ctx().openOrders(3, 0).build()).reason())
        .isEqualTo("3 orders are open, the maximum over all symbols is 3");
    assertThat(rule.check(order, ctx().openOrders(2, 2).build()).reason())
        .isEqualTo("2 orders are open in BTCUSDT, the maximum per symbol is 2");
    // Reduce-only orders count too.
    assertThat(rule.check(order.withReduceOnly(), holding("-1").openOrders(3, 0).build()).denied())
        .isTrue();
    assertThatThrownBy(() -> new MaxOpenOrdersRule(0, 1))
        .hasMessageContaining("maxTotal of rule max-open-orders must be >= 1 but was 0");
    assertThatThrownBy(() -> new MaxOpenOrdersRule(1, -1))
        .hasMessageContaining("maxPerSymbol of rule max-open-orders must be >= 1 but was -1");
  }

  @Test
  void symmetricPriceBandAppliesBothBoundsToBothSides() {
    PriceBandRule rule = PriceBandRule.symmetric(dec("0.05")); // [57000, 63000] around 60000
    PreTradeContext ctx = ctx().build();
    assertThat(rule.check(limit(Side.BUY, "0.010", "63000.00"), ctx).approved()).isTrue();
    assertThat(rule.check(limit(Side.BUY, "0.010", "63000.10"), ctx).reason())
        .contains("BUY limit price 63000.10 is above the upper bound 63000.0000 = mark x 1.05");
    assertThat(rule.check(limit(Side.SELL, "0.010", "57000.00"), ctx).approved()).isTrue();
    assertThat(rule.check(limit(Side.SELL, "0.010", "56999.90"), ctx).reason())
        .contains("below the lower bound 57000.0000 = mark x 0.95", "mark 60000.00");
    assertThat(rule.check(limit(Side.BUY, "0.010", "56999.90"), ctx).denied()).isTrue();
    assertThat(rule.check(limit(Side.SELL, "0.010", "63000.10"), ctx).denied()).isTrue();
    assertThat(rule.check(stopLimit(Side.BUY, "0.010", "63000.10", "62000.00"), ctx).denied())
        .isTrue();
    // No limit price, nothing to check; reduce-only orders are checked.
    assertThat(rule.check(market(Side.BUY, "0.010"), ctx).approved()).isTrue();
    assertThat(
            rule.check(limit(Side.SELL, "0.010", "56999.90").withReduceOnly(), holding("1").build())
                .denied())
        .isTrue();
  }

  @Test
  void percentPriceIsSideAware() {
    PriceBandRule rule = PriceBandRule.percentPrice(dec("1.05"), dec("0.95"));
    PreTradeContext ctx = ctx().build();
    assertThat(rule.check(limit(Side.BUY, "0.010", "50000.00"), ctx).approved()).isTrue();
    assertThat(rule.check(limit(Side.SELL, "0.010", "70000.00"), ctx).approved()).isTrue();
    assertThat(rule.check(limit(Side.BUY, "0.010", "63000.10"), ctx).denied()).isTrue();
    assertThat(rule.check(limit(Side.SELL, "0.010", "56999.90"), ctx).denied()).isTrue();
  }

  @Test
  void priceBandRejectsInvalidMultipliers() {
    assertThatThrownBy(() -> PriceBandRule.percentPrice(dec("0.99"), dec("0.95")))
        .hasMessageContaining("multiplierUp of rule price-band must be >= 1 but was 0.99");
    assertThatThrownBy(() -> PriceBandRule.percentPrice(dec("1.05"), dec("0")))
        .hasMessageContaining("multiplierDown of rule price-band must be in (0, 1] but was 0");
    assertThatThrownBy(() -> PriceBandRule.percentPrice(dec("1.05"), dec("1.01")))
        .hasMessageContaining("multiplierDown");
    assertThatThrownBy(() -> PriceBandRule.symmetric(dec("-0.01")))
        .hasMessageContaining("maxDeviation must be in [0, 1) but was -0.01");
    assertThatThrownBy(() -> PriceBandRule.symmetric(dec("1")))
        .hasMessageContaining("maxDeviation");
    assertThatThrownBy(() -> PriceBandRule.symmetric(null))
        .isInstanceOf(NullPointerException.class);
  }
}
