package dev.tyche.risk.pretrade;

import static dev.tyche.risk.pretrade.Fixtures.BTC;
import static dev.tyche.risk.pretrade.Fixtures.ETH;
import static dev.tyche.risk.pretrade.Fixtures.MARK;
import static dev.tyche.risk.pretrade.Fixtures.USDT;
import static dev.tyche.risk.pretrade.Fixtures.ctx;
import static dev.tyche.risk.pretrade.Fixtures.dec;
import static dev.tyche.risk.pretrade.Fixtures.holding;
import static dev.tyche.risk.pretrade.Fixtures.limit;
import static dev.tyche.risk.pretrade.Fixtures.market;
import static dev.tyche.risk.pretrade.Fixtures.position;
import static dev.tyche.risk.pretrade.Fixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.time.SimulatedClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreTradeRulesTest {

  private final PreTradeRules rules =
      PreTradeRules.of(
          new KillSwitchRule(),
          new InstrumentFilterRule(),
          new MaxOrderNotionalRule(dec("10000")),
          new MaxOpenOrdersRule(10, 5));

  @Test
  void returnsTheSharedApprovalWhenEveryRulePasses() {
    assertThat(rules.check(market(Side.BUY, "0.010"), ctx().build())).isSameAs(Decision.approve());
    assertThat(rules.denials(market(Side.BUY, "0.010"), ctx().build())).isEmpty();
    assertThat(rules.name()).isEqualTo("pre-trade");
    assertThat(rules.rules()).hasSize(4);
  }

  @Test
  void returnsTheFirstDenialAndListsThemAll() {
    // Off the tick grid, 12000 USDT and the kill switch engaged: three rules deny.
    SubmitOrder order = limit(Side.BUY, "0.200", "60000.05");
    PreTradeContext ctx = ctx().drawdown(0.25, true).build();
    assertThat(rules.check(order, ctx).rule()).isEqualTo("kill-switch");
    assertThat(rules.denials(order, ctx))
        .extracting(Decision::rule)
        .containsExactly("kill-switch", "instrument-filters", "max-order-notional");
    PreTradeContext calm = ctx().build();
    assertThat(rules.check(order, calm).rule()).isEqualTo("instrument-filters");
    // A rule set can be nested as a rule.
    PreTradeRules outer = PreTradeRules.of(rules, new MaxGrossLeverageRule(1.0));
    assertThat(outer.check(order, calm).rule()).isEqualTo("instrument-filters");
  }

  @Test
  void rejectsDuplicateNamesAndAContextForAnotherSymbol() {
    assertThatThrownBy(() -> PreTradeRules.of(new KillSwitchRule(), new KillSwitchRule()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule names must be distinct but kill-switch appears twice");
    SubmitOrder eth =
        SubmitOrder.market(ClientOrderId.of("e-1"), ETH.symbol(), Side.BUY, Quantity.parse("1"));
    assertThatThrownBy(() -> rules.check(eth, ctx().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("context is for BTCUSDT but the order e-1 is for ETHUSDT");
    assertThatThrownBy(() -> rules.denials(eth, ctx().build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rules.check(null, ctx().build()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PreTradeRules(" ", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decisionsAreValidated() {
    Decision d = Decision.deny("r", "too big");
    assertThat(d.approved()).isFalse();
    assertThat(d.denied()).isTrue();
    assertThat(d).hasToString("DENIED by r: too big");
    assertThat(Decision.approve()).hasToString("APPROVED");
    assertThat(Decision.approve().denied()).isFalse();
    assertThatThrownBy(() -> Decision.deny("", "x")).hasMessageContaining("must name its rule");
    assertThatThrownBy(() -> Decision.deny("r", " ")).hasMessageContaining("must name its rule");
    assertThatThrownBy(() -> new Decision(true, "r", "")).hasMessageContaining("an approval");
    assertThatThrownBy(() -> Decision.deny(null, "x")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void orderRiskClassifiesReducingOrders() {
    assertThat(OrderRisk.isRiskReducing(market(Side.SELL, "0.5"), dec("0.5"))).isTrue();
    assertThat(OrderRisk.isRiskReducing(market(Side.SELL, "0.501"), dec("0.5"))).isFalse();
    assertThat(OrderRisk.isRiskReducing(market(Side.SELL, "0.501").withReduceOnly(), dec("0.5")))
        .isTrue();
    assertThat(OrderRisk.isRiskReducing(market(Side.BUY, "0.1"), dec("-0.2"))).isTrue();
    assertThat(OrderRisk.isRiskReducing(market(Side.BUY, "0.1"), dec("0.2"))).isFalse();
    assertThat(OrderRisk.isRiskReducing(market(Side.BUY, "0.1").withReduceOnly(), dec("0")))
        .isFalse();
    assertThat(OrderRisk.isRiskIncreasing(market(Side.SELL, "0.1"), dec("0"))).isTrue();
    assertThat(OrderRisk.positionAfter(market(Side.SELL, "0.8"), dec("0.5")).toDouble())
        .isEqualTo(-0.3);
    assertThat(
            OrderRisk.positionAfter(market(Side.SELL, "0.8").withReduceOnly(), dec("0.5")).signum())
        .isZero();
    assertThat(OrderRisk.referencePrice(limit(Side.BUY, "1", "100.00"), MARK))
        .isEqualTo(price("100.00"));
    assertThat(OrderRisk.referencePrice(market(Side.BUY, "1"), MARK)).isSameAs(MARK);
  }

  @Test
  void snapshotFromAnAccountNetsLegsAndSumsGrossExposure() {
    Price ethMark = price("3000.00");
    AccountSnapshot account =
        new AccountSnapshot(
            PositionMode.ONE_WAY,
            Map.of(USDT, Money.parse(USDT, "50000")),
            List.of(
                position(BTC, 500, price("58000.00")), // 0.5 BTC long
                position(ETH, -2_000, price("3100.00")), // 2 ETH short
                position(BTC, 0, price("1.00"))),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            3);
    SimulatedClock clock = new SimulatedClock(1_700_000_000_000L);
    PreTradeSnapshot s =
        PreTradeSnapshot.builder(BTC, MARK)
            .account(account, sym -> sym.equals(ETH.symbol()) ? ethMark : null)
            .equity(52_000.0)
            .startOfDayEquity(53_000.0)
            .openOrders(4, 1)
            .time(clock)
            .build();
    assertThat(s.position().toDouble()).isEqualTo(0.5);
    assertThat(s.grossExposure()).isEqualTo(30_000.0 + 6_000.0);
    assertThat(s.todayPnl()).isEqualTo(-1_000.0);
    assertThat(s.timeMillis()).isEqualTo(1_700_000_000_000L);
    assertThat(s.killSwitchEngaged()).isFalse();
    assertThatThrownBy(
            () ->
                PreTradeSnapshot.builder(BTC, MARK).account(account, sym -> null).equity(1).build())
        .hasMessageContaining("no mark price for ETHUSDT");
    Instrument btcEur =
        Instrument.builder(Symbol.of("BTCEUR"))
            .assets(dev.tyche.core.id.Asset.of("BTC"), dev.tyche.core.id.Asset.of("EUR"))
            .tickSize("0.01")
            .stepSize("0.001")
            .build();
    AccountSnapshot mixed =
        new AccountSnapshot(
            PositionMode.ONE_WAY,
            Map.of(),
            List.of(position(btcEur, 1, price("1.00"))),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            1);
    assertThatThrownBy(() -> PreTradeSnapshot.builder(BTC, MARK).account(mixed, sym -> MARK))
        .hasMessageContaining("quoted in EUR but the valuation asset is USDT");
  }

  @Test
  void snapshotRejectsInconsistentValues() {
    assertThatThrownBy(() -> PreTradeSnapshot.builder(BTC, MARK).build())
        .hasMessageContaining("equity must be set");
    assertThatThrownBy(() -> ctx().equity(Double.POSITIVE_INFINITY).build())
        .hasMessageContaining("equity must be finite but was Infinity");
    assertThatThrownBy(() -> ctx().startOfDayEquity(Double.NaN).build())
        .hasMessageContaining("startOfDayEquity must be finite but was NaN");
    assertThatThrownBy(() -> ctx().grossExposure(-1.0).build())
        .hasMessageContaining("grossExposure must be finite and >= 0 but was -1.0");
    assertThatThrownBy(() -> ctx().position(dec("1")).grossExposure(59_999.0).build())
        .hasMessageContaining("grossExposure must include this instrument's |position| * mark");
    assertThatThrownBy(() -> ctx().openOrders(1, 2).build())
        .hasMessageContaining("need 0 <= openOrdersForSymbol <= openOrders but were 2 and 1");
    assertThatThrownBy(() -> ctx().openOrders(-1, 0).build()).hasMessageContaining("openOrders");
    assertThatThrownBy(() -> ctx().drawdown(Double.NaN, false).build())
        .hasMessageContaining("drawdown must be finite and >= 0 but was NaN");
    assertThatThrownBy(() -> ctx().drawdown(-0.1, false).build()).hasMessageContaining("drawdown");
    assertThat(holding("-2").build().grossExposure()).isEqualTo(120_000.0);
  }
}
