package dev.tyche.risk.pretrade;

import dev.tyche.core.order.SubmitOrder;

/**
 * Denies every risk-increasing order while the drawdown kill switch is engaged ({@code
 * dev.tyche.risk.drawdown.DrawdownMonitor}, which latches it until an explicit reset).
 *
 * <p><b>Policy.</b> Risk-reducing orders (see {@link OrderRisk}) pass, so positions can be unwound;
 * everything else is denied, whatever its size.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule name
 */
public record KillSwitchRule(String name) implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "kill-switch";

  /** Validates the name. */
  public KillSwitchRule {
    Limits.name(name);
  }

  /** The rule with its default name. */
  public KillSwitchRule() {
    this(DEFAULT_NAME);
  }

  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    if (!ctx.killSwitchEngaged() || OrderRisk.isRiskReducing(order, ctx.position())) {
      return Decision.approve();
    }
    return Decision.deny(
        name,
        "the drawdown kill switch is engaged (drawdown "
            + ctx.drawdown()
            + "); only risk-reducing orders are allowed");
  }
}
