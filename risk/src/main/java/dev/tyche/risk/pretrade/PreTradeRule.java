package dev.tyche.risk.pretrade;

import dev.tyche.core.order.SubmitOrder;

/**
 * One pre-trade risk check, run by the engine's risk gate on every order before it reaches the
 * venue. A rule is deterministic: the same order and context always give the same decision. It
 * returns {@link Decision#approve()} (a shared instance) when the order passes, so the approve path
 * allocates no decision.
 *
 * <p>A rule may assume that {@code ctx.instrument().symbol()} is the order's symbol; {@link
 * PreTradeRules} checks this before running its rules.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PreTradeRule {

  /**
   * The rule's name, used in denials; distinct within one {@link PreTradeRules}.
   *
   * @return the name, not blank
   */
  String name();

  /**
   * Checks one order.
   *
   * @param order the order about to be sent
   * @param ctx the account, market and risk state the check needs
   * @return the approval, or a denial naming this rule and the numbers involved
   */
  Decision check(SubmitOrder order, PreTradeContext ctx);
}
