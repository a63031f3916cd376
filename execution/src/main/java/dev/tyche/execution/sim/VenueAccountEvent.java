package dev.tyche.execution.sim;

import dev.tyche.core.id.Symbol;

/**
 * Something the simulated venue did to the account on its own, not in answer to an order: a funding
 * settlement or a liquidation. The venue has already applied it to its own ledger; the engine
 * applies the carried {@code FundingPayment} or {@code Fill} to its ledger to stay in step.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface VenueAccountEvent permits FundingSettled, PositionLiquidated {

  /**
   * The instrument concerned.
   *
   * @return the symbol
   */
  Symbol symbol();

  /**
   * When it happened at the venue, UTC epoch milliseconds.
   *
   * @return the event time
   */
  long eventTime();
}
