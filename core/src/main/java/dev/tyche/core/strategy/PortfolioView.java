package dev.tyche.core.strategy;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;

/**
 * A strategy's read-only view of the account, as of the current engine time.
 *
 * <p>Mutable; confined to the engine thread (values read from it are immutable).
 */
public interface PortfolioView {

  /**
   * Balances, positions, realised PnL, fees and funding as of now.
   *
   * @return an immutable snapshot
   */
  AccountSnapshot account();

  /**
   * The signed net position in an instrument, in base units, summed over position sides (positive =
   * long).
   *
   * @param symbol the instrument
   * @return the net quantity, zero when flat
   */
  Decimal netQuantity(Symbol symbol);

  /**
   * Equity in one asset: its balance plus the unrealised PnL of positions margined in it, at the
   * latest mark (or last trade) prices the engine has seen.
   *
   * @param asset the margin asset, e.g. USDT
   * @return the equity
   */
  Money equity(Asset asset);

  /**
   * The number of this strategy's orders that are working (submitted and not terminal).
   *
   * @param symbol the instrument
   * @return the count
   */
  int openOrderCount(Symbol symbol);
}
