package dev.tyche.core.account;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import java.util.Objects;

/**
 * A funding settlement of a perpetual: at {@code fundingTime} every open position of {@code symbol}
 * exchanges {@code payment = -signedQuantity * markPrice * rate} of the margin asset (Binance
 * USDT-M funding, see the venue's "Introduction to Binance Futures Funding Rates": a positive rate
 * means longs pay shorts). The {@link Ledger} rounds each payment to its funding scale.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the perpetual
 * @param fundingTime the settlement time, milliseconds since the Unix epoch, {@code >= 0}
 * @param rate the funding rate for this interval as a fraction (0.0001 = 0.01 %), positive = longs
 *     pay shorts
 * @param markPrice the mark price the payment is computed at
 */
public record FundingPayment(Symbol symbol, long fundingTime, Decimal rate, Price markPrice) {

  // Funding is computed from these fields alone; a missing one cannot be defaulted.
  public FundingPayment {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(rate, "rate must not be null");
    Objects.requireNonNull(markPrice, "markPrice must not be null");
    if (fundingTime < 0) {
      throw new IllegalArgumentException(
          "fundingTime must be >= 0 ms since the epoch but was " + fundingTime);
    }
  }
}
