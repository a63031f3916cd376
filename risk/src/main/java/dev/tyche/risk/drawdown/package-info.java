/**
 * Streaming drawdown control: {@link dev.tyche.risk.drawdown.DrawdownMonitor} tracks the running
 * equity peak, the current and maximum drawdown and the time under water, and maps the drawdown to
 * a de-risking tier of a {@link dev.tyche.risk.drawdown.DrawdownPolicy} (an exposure multiplier and
 * a latched kill switch); {@link dev.tyche.risk.drawdown.DailyLossTracker} tracks today's PnL
 * against the start-of-day equity.
 *
 * <p>Conventions: equity is in the account's valuation asset (for USDT-M: USDT, balance plus
 * unrealised PnL); drawdowns are positive fractions below the running peak ({@code (peak - E) /
 * peak}); time is UTC epoch milliseconds from the engine's clock, never the wall clock.
 *
 * <p>The kill switch latches: once a kill-switch tier is reached it stays engaged until {@link
 * dev.tyche.risk.drawdown.DrawdownMonitor#resetKillSwitch()} is called, so a rebound after a crash
 * never re-risks the account by itself. The pre-trade rules of {@code dev.tyche.risk.pretrade} read
 * the flag and deny every risk-increasing order while it is engaged.
 */
package dev.tyche.risk.drawdown;
