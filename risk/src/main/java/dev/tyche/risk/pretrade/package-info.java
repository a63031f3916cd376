/**
 * Pre-trade risk rules: the checks the engine's risk gate runs on every order before it reaches the
 * venue. A {@link dev.tyche.risk.pretrade.PreTradeRule} looks at a {@code SubmitOrder} and a {@link
 * dev.tyche.risk.pretrade.PreTradeContext} and returns a {@link dev.tyche.risk.pretrade.Decision};
 * {@link dev.tyche.risk.pretrade.PreTradeRules} runs a list of them and returns the first denial.
 *
 * <p><b>What counts as risk-increasing.</b> An order is <i>risk-reducing</i> when the account holds
 * a position in the symbol, the order is on the opposite side, and it either is flagged reduce-only
 * (the venue cuts it to the position size, so it can only end flat) or its quantity is at most the
 * position's size. Everything else is <i>risk-increasing</i>: orders from flat, orders adding to
 * the position, orders that flip it through zero, and reduce-only orders on the position's own side
 * (which the venue would reject). The definition is {@link dev.tyche.risk.pretrade.OrderRisk};
 * positions are the net position of the symbol (LONG plus SHORT legs in hedge mode) and "after the
 * order" means after a complete fill.
 *
 * <p><b>Policies per rule.</b>
 *
 * <ul>
 *   <li>{@link dev.tyche.risk.pretrade.InstrumentFilterRule} (tick, step, min/max quantity, min
 *       notional; market orders at the mark): every order; reduce-only orders may be exempt from
 *       the minimum notional, as on Binance USDT-M.
 *   <li>{@link dev.tyche.risk.pretrade.MaxOrderNotionalRule}: every order, reduce-only included.
 *   <li>{@link dev.tyche.risk.pretrade.PriceBandRule} (limit price within a band around the mark):
 *       every order with a limit price, reduce-only included.
 *   <li>{@link dev.tyche.risk.pretrade.MaxOpenOrdersRule} (total and per symbol): every order.
 *   <li>{@link dev.tyche.risk.pretrade.MaxPositionNotionalRule}, {@link
 *       dev.tyche.risk.pretrade.MaxGrossLeverageRule}, {@link
 *       dev.tyche.risk.pretrade.DailyLossLimitRule} and {@link
 *       dev.tyche.risk.pretrade.KillSwitchRule}: risk-increasing orders only; risk-reducing orders
 *       always pass them, so an account can always be de-risked.
 * </ul>
 *
 * <p>Limits are inclusive: a value exactly at a limit passes and anything beyond it is denied.
 * Order and position notionals are exact ({@code Price x Quantity}); leverage and PnL are {@code
 * double} ratios and amounts in the valuation asset. Every rule is deterministic and stateless;
 * state (drawdown, today's PnL, open orders) enters only through the context.
 */
package dev.tyche.risk.pretrade;
