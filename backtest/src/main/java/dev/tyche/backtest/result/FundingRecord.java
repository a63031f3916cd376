package dev.tyche.backtest.result;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import java.util.Objects;

/**
 * One funding settlement booked in the engine's ledger, at a funding time of the data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fundingTime the settlement time from the data, UTC epoch ms
 * @param symbol the perpetual
 * @param rate the funding rate of that interval (0.0001 = 0.01 %), positive = longs pay shorts
 * @param markPrice the mark price it was computed at
 * @param amount the amount credited to the margin balance, negative = paid ({@code -Q * mark *
 *     rate}, rounded half-even to the ledger's funding scale)
 */
public record FundingRecord(
    long fundingTime, Symbol symbol, Decimal rate, Price markPrice, Money amount) {

  /** Checks for nulls. */
  public FundingRecord {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(rate, "rate must not be null");
    Objects.requireNonNull(markPrice, "markPrice must not be null");
    Objects.requireNonNull(amount, "amount must not be null");
  }
}
