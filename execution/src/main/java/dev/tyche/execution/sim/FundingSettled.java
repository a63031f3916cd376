package dev.tyche.execution.sim;

import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Money;
import java.util.Objects;

/**
 * The venue settled funding for an open position. Apply {@link #payment()} to the engine's {@code
 * Ledger} (with the same funding scale) to book the same {@link #amount()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param payment the settlement (symbol, time, rate, mark price)
 * @param amount what the venue credited to the margin balance, negative = paid, rounded half-even
 *     to the ledger's funding scale
 */
public record FundingSettled(FundingPayment payment, Money amount) implements VenueAccountEvent {

  /** Checks for nulls. */
  public FundingSettled {
    Objects.requireNonNull(payment, "payment must not be null");
    Objects.requireNonNull(amount, "amount must not be null");
  }

  @Override
  public Symbol symbol() {
    return payment.symbol();
  }

  @Override
  public long eventTime() {
    return payment.fundingTime();
  }
}
