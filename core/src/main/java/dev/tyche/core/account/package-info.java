/**
 * Positions and an exact ledger for USDT-M linear perpetuals and spot: {@link
 * dev.tyche.core.account.Ledger} applies {@link dev.tyche.core.account.Fill}s, {@link
 * dev.tyche.core.account.FundingPayment}s and {@link dev.tyche.core.account.CashFlow}s to balances
 * and {@link dev.tyche.core.account.Position}s, and hands out immutable {@link
 * dev.tyche.core.account.AccountSnapshot}s.
 *
 * <p>All amounts are exact fixed-point numbers; the only roundings are the funding payment (to the
 * ledger's funding scale, 8 decimals by default) and the cost released when a position is partly
 * reduced (to the cost basis's own scale, with the remainder kept in the position), so that a
 * position closed in full always realises exactly the sum of its exit notionals minus the sum of
 * its entry notionals.
 */
package dev.tyche.core.account;
