package dev.tyche.risk.pretrade;

import static dev.tyche.risk.pretrade.Fixtures.ctx;
import static dev.tyche.risk.pretrade.Fixtures.holding;
import static dev.tyche.risk.pretrade.Fixtures.limit;
import static dev.tyche.risk.pretrade.Fixtures.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.order.Side;
import dev.tyche.risk.drawdown.DrawdownMonitor;
import dev.tyche.risk.drawdown.DrawdownPolicy;
import org.junit.jupiter.api.Test;

class LossRulesTest {

  @Test
  void dailyLossLimitApprovesAtTheLimitAndDeniesBeyondIt() {
    DailyLossLimitRule rule = DailyLossLimitRule.amount(1_000.0);
    var buy = market(Side.BUY, "0.010");
    assertThat(rule.check(buy, ctx().startOfDayEquity(100_000).equity(99_000).build()).approved())
        .isTrue();
    Decision d = rule.check(buy, ctx().startOfDayEquity(100_000).equity(98_999.99).build());
    assertThat(d.rule()).isEqualTo("daily-loss-limit");
    assertThat(d.reason())
        .contains("today's loss 1000.00999", "start-of-day equity 100000.0", "the limit 1000.0");
    // Risk-reducing orders still pass; increasing a short does not.
    PreTradeContext losing = holding("0.500").startOfDayEquity(100_000).equity(90_000).build();
    assertThat(rule.check(market(Side.SELL, "0.500"), losing).approved()).isTrue();
    assertThat(
            rule.check(limit(Side.SELL, "0.100", "60000.00").withReduceOnly(), losing).approved())
        .isTrue();
    assertThat(rule.check(market(Side.SELL, "0.600"), losing).denied()).isTrue();
    assertThat(rule.check(market(Side.BUY, "0.001"), losing).denied()).isTrue();
    // A profitable day passes.
    assertThat(rule.check(buy, ctx().startOfDayEquity(90_000).build()).approved()).isTrue();
  }

  @Test
  void relativeDailyLossLimitScalesWithStartOfDayEquity() {
    DailyLossLimitRule rule = DailyLossLimitRule.fraction(0.01); // 1 % of 100000 = 1000
    var buy = market(Side.BUY, "0.010");
    assertThat(rule.check(buy, ctx().startOfDayEquity(100_000).equity(99_000).build()).approved())
        .isTrue();
    assertThat(rule.check(buy, ctx().startOfDayEquity(100_000).equity(98_999).build()).reason())
        .contains("0.01 x start-of-day equity = 1000.0");
    DailyLossLimitRule both = new DailyLossLimitRule("both", 500.0, 0.01);
    assertThat(both.check(buy, ctx().startOfDayEquity(100_000).equity(99_400).build()).reason())
        .contains("the limit 500.0");
  }

  @Test
  void dailyLossLimitRejectsBadLimits() {
    assertThatThrownBy(() -> DailyLossLimitRule.amount(-1.0))
        .hasMessageContaining("maxLoss of rule daily-loss-limit must be >= 0 but was -1.0");
    assertThatThrownBy(() -> DailyLossLimitRule.amount(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> DailyLossLimitRule.fraction(-0.1))
        .hasMessageContaining("maxLossFraction of rule daily-loss-limit must be >= 0");
    assertThatThrownBy(() -> DailyLossLimitRule.amount(Double.POSITIVE_INFINITY))
        .hasMessageContaining("needs at least one finite limit");
  }

  @Test
  void killSwitchDeniesEveryRiskIncreasingOrderWhileEngaged() {
    DrawdownMonitor monitor = new DrawdownMonitor(DrawdownPolicy.standard());
    monitor.update(0, 100_000);
    monitor.update(1, 79_000); // 21 %: kill switch
    monitor.update(2, 99_000); // recovered, still latched
    KillSwitchRule rule = new KillSwitchRule();
    PreTradeContext engaged = holding("0.500").drawdown(monitor.state()).build();
    Decision d = rule.check(market(Side.BUY, "0.001"), engaged);
    assertThat(d.rule()).isEqualTo("kill-switch");
    assertThat(d.reason()).contains("kill switch is engaged (drawdown 0.01)");
    assertThat(rule.check(market(Side.SELL, "0.501"), engaged).denied()).isTrue(); // flip
    assertThat(rule.check(market(Side.SELL, "0.500"), engaged).approved()).isTrue();
    assertThat(rule.check(market(Side.SELL, "9.000").withReduceOnly(), engaged).approved())
        .isTrue();
    // A reduce-only order on the position's own side is treated as risk-increasing.
    assertThat(rule.check(market(Side.BUY, "0.100").withReduceOnly(), engaged).denied()).isTrue();
    monitor.resetKillSwitch();
    PreTradeContext reset = holding("0.500").drawdown(monitor.state()).build();
    assertThat(rule.check(market(Side.BUY, "0.001"), reset).approved()).isTrue();
    assertThatThrownBy(() -> new KillSwitchRule(" "))
        .hasMessageContaining("name must not be blank");
  }
}
