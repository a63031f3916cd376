package dev.tyche.core.account;

import dev.tyche.core.num.Money;
import java.util.Objects;

/**
 * Money moved into or out of the account without trading: a deposit, a withdrawal, or a transfer
 * between this account and another wallet (for example spot to USDT-M futures).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what kind of movement; its direction decides the sign
 * @param amount how much, strictly positive
 * @param eventTime when, milliseconds since the Unix epoch, {@code >= 0}
 */
public record CashFlow(Kind kind, Money amount, long eventTime) {

  /**
   * The kinds of non-trading balance movements.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Kind {
    /** Money arriving from outside the venue. */
    DEPOSIT(1),
    /** Money leaving the venue. */
    WITHDRAWAL(-1),
    /** Money arriving from another wallet of the same owner. */
    TRANSFER_IN(1),
    /** Money leaving for another wallet of the same owner. */
    TRANSFER_OUT(-1);

    private final int sign;

    Kind(int sign) {
      this.sign = sign;
    }

    /**
     * The sign this kind gives to the balance change.
     *
     * @return +1 for money coming in, -1 for money going out
     */
    public int sign() {
      return sign;
    }
  }

  // The direction lives in the kind; a signed amount would let the two disagree.
  public CashFlow {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(amount, "amount must not be null");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException(
          "amount must be > 0 (the kind " + kind + " gives the sign) but was " + amount);
    }
    if (eventTime < 0) {
      throw new IllegalArgumentException(
          "eventTime must be >= 0 ms since the epoch but was " + eventTime);
    }
  }

  /**
   * A deposit.
   *
   * @param amount the amount, positive
   * @param eventTime when, ms since the epoch
   * @return the cash flow
   */
  public static CashFlow deposit(Money amount, long eventTime) {
    return new CashFlow(Kind.DEPOSIT, amount, eventTime);
  }

  /**
   * A withdrawal.
   *
   * @param amount the amount, positive
   * @param eventTime when, ms since the epoch
   * @return the cash flow
   */
  public static CashFlow withdrawal(Money amount, long eventTime) {
    return new CashFlow(Kind.WITHDRAWAL, amount, eventTime);
  }

  /**
   * The signed change to the balance.
   *
   * @return {@code amount} for money in, {@code -amount} for money out
   */
  public Money signedAmount() {
    return kind.sign() > 0 ? amount : amount.negate();
  }
}
