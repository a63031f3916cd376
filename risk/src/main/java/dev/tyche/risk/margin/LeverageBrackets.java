package dev.tyche.risk.margin;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A symbol's whole leverage table (Binance USDT-M {@code GET /fapi/v1/leverageBracket}): notional
 * tiers that start at zero and follow each other without gap or overlap, with the initial margin,
 * maintenance margin and leverage checks that depend on them.
 *
 * <p>Validation, in tier order: tiers are numbered {@code 1..n}; the first floor is 0; each floor
 * equals the previous cap (contiguous, so notionals increase strictly); the maintenance rate never
 * falls and the initial leverage never rises from one tier to the next; and the maintenance amounts
 * satisfy Binance's recurrence {@code cum_1 = 0}, {@code cum_n = cum_{n-1} + notionalFloor_n *
 * (mmr_n - mmr_{n-1})}, checked exactly. The recurrence is what makes the maintenance margin a
 * continuous function of the notional (both neighbouring tiers give the same value at a shared
 * bound), which the liquidation solver in {@link LiquidationPrice} relies on to find a unique
 * price. (Example, as in the reference notes: rates 0.4/0.5/1/2.5 % from 0/50k/250k/1M give cum
 * 0/50/1,300/16,300.)
 *
 * <p>Boundary convention: a notional exactly at a tier's cap belongs to that (lower) tier. Binance
 * quotes the cap as the tier's {@code maxNotionalValue} for its leverage, so a position of exactly
 * that size is allowed at that leverage; the maintenance margin is the same in either tier.
 *
 * <p>Sources: Binance USDⓈ-M API "Notional and Leverage Brackets",
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Notional-and-Leverage-Brackets;
 * Binance FAQ "Leverage and Margin of USDⓈ-M Futures" (initial margin = notional / leverage,
 * maintenance margin = notional * rate - maintenance amount).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol the table belongs to
 * @param brackets the tiers in increasing notional order, non-empty
 */
public record LeverageBrackets(Symbol symbol, List<LeverageBracket> brackets) {

  /** Binance settles USDT balances to 8 decimals; initial margins are rounded up to that grid. */
  public static final int MARGIN_SCALE = 8;

  /** Checks that the tiers form one valid table; see the class description. */
  public LeverageBrackets {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(brackets, "brackets must not be null");
    brackets = List.copyOf(brackets);
    if (brackets.isEmpty()) {
      throw new IllegalArgumentException("brackets of " + symbol + " must not be empty");
    }
    LeverageBracket previous = null;
    for (int i = 0; i < brackets.size(); i++) {
      LeverageBracket b = brackets.get(i);
      if (b.bracket() != i + 1) {
        throw new IllegalArgumentException(
            "brackets of "
                + symbol
                + " must be numbered 1..n in order but position "
                + (i + 1)
                + " holds bracket "
                + b.bracket());
      }
      if (previous == null) {
        if (b.notionalFloor().signum() != 0) {
          throw new IllegalArgumentException(
              "notionalFloor of bracket 1 of "
                  + symbol
                  + " must be 0 but was "
                  + b.notionalFloor());
        }
        if (b.cum().signum() != 0) {
          throw new IllegalArgumentException(
              "cum of bracket 1 of " + symbol + " must be 0 but was " + b.cum());
        }
      } else {
        checkNext(symbol, previous, b);
      }
      previous = b;
    }
  }

  private static void checkNext(Symbol symbol, LeverageBracket previous, LeverageBracket b) {
    String where = " of bracket " + b.bracket() + " of " + symbol;
    if (!b.notionalFloor().isEqualTo(previous.notionalCap())) {
      throw new IllegalArgumentException(
          "notionalFloor"
              + where
              + " must equal the previous notionalCap "
              + previous.notionalCap()
              + " (contiguous brackets) but was "
              + b.notionalFloor());
    }
    if (b.maintMarginRatio().compareTo(previous.maintMarginRatio()) < 0) {
      throw new IllegalArgumentException(
          "maintMarginRatio"
              + where
              + " must be >= the previous "
              + previous.maintMarginRatio()
              + " but was "
              + b.maintMarginRatio());
    }
    if (b.initialLeverage() > previous.initialLeverage()) {
      throw new IllegalArgumentException(
          "initialLeverage"
              + where
              + " must be <= the previous "
              + previous.initialLeverage()
              + " but was "
              + b.initialLeverage());
    }
    Decimal expectedCum =
        previous
            .cum()
            .plus(b.notionalFloor().times(b.maintMarginRatio().minus(previous.maintMarginRatio())));
    if (!b.cum().isEqualTo(expectedCum)) {
      throw new IllegalArgumentException(
          "cum"
              + where
              + " must be cum_prev + floor * (mmr - mmr_prev) = "
              + expectedCum.toPlainString()
              + " but was "
              + b.cum());
    }
  }

  /**
   * A table from tiers given in order.
   *
   * @param symbol the symbol
   * @param brackets the tiers
   * @return the validated table
   */
  public static LeverageBrackets of(Symbol symbol, LeverageBracket... brackets) {
    return new LeverageBrackets(symbol, List.of(brackets));
  }

  /**
   * The largest notional the table covers (the last tier's cap).
   *
   * @return the cap in the quote asset
   */
  public Decimal maxNotional() {
    return brackets.get(brackets.size() - 1).notionalCap();
  }

  /**
   * The tier whose closed range {@code [notionalFloor, notionalCap]} holds the notional; a notional
   * exactly at a cap gives the lower tier.
   *
   * @param notional the position notional at the mark price, in the quote asset, {@code >= 0}
   * @return the tier, or empty if the notional is above {@link #maxNotional()}
   * @throws IllegalArgumentException if the notional is negative
   */
  public Optional<LeverageBracket> bracketFor(Decimal notional) {
    requireNonNegative(notional);
    for (LeverageBracket b : brackets) {
      if (notional.compareTo(b.notionalCap()) <= 0) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * The maintenance margin {@code notional * mmr - cum} with the tier that holds the notional,
   * exact (Binance FAQ; reference notes section 9).
   *
   * @param notional the position notional at the mark price, in the quote asset, {@code >= 0}
   * @return the maintenance margin in the quote asset
   * @throws IllegalArgumentException if the notional is negative or above {@link #maxNotional()}
   */
  public Decimal maintenanceMargin(Decimal notional) {
    return requireBracket(notional).maintenanceMargin(notional);
  }

  /**
   * The initial margin {@code notional / leverage}, rounded up to {@link #MARGIN_SCALE} decimals
   * (or kept at the notional's scale if that is finer) so that it never understates what the venue
   * locks.
   *
   * @param notional the order or position notional in the quote asset, {@code >= 0}
   * @param leverage the leverage, {@code >= 1}
   * @return the initial margin in the quote asset
   * @throws IllegalArgumentException if the notional is negative or the leverage below 1
   */
  public static Decimal initialMargin(Decimal notional, int leverage) {
    requireNonNegative(notional);
    requireLeverage(leverage);
    Decimal scaled = notional.withScale(Math.max(notional.scale(), MARGIN_SCALE));
    long q = scaled.units() / leverage;
    if (scaled.units() % leverage != 0) {
      q++; // round up: the notional is non-negative
    }
    return Decimal.of(q, scaled.scale());
  }

  /**
   * The largest leverage allowed for a position of this notional: the {@code initialLeverage} of
   * the tier that holds it.
   *
   * @param notional the position notional, {@code >= 0}
   * @return the maximum leverage
   * @throws IllegalArgumentException if the notional is negative or above {@link #maxNotional()}
   */
  public int maxLeverage(Decimal notional) {
    return requireBracket(notional).initialLeverage();
  }

  /**
   * The largest notional a position may have at this leverage (Binance's {@code maxNotionalValue}):
   * the cap of the last tier of the leading run of tiers whose {@code initialLeverage} is at least
   * {@code leverage}; zero if even the first tier allows less.
   *
   * @param leverage the leverage, {@code >= 1}
   * @return the maximum notional in the quote asset, {@code >= 0}
   * @throws IllegalArgumentException if the leverage is below 1
   */
  public Decimal maxNotionalAtLeverage(int leverage) {
    requireLeverage(leverage);
    Decimal max = Decimal.ZERO;
    for (LeverageBracket b : brackets) {
      if (b.initialLeverage() < leverage) {
        break;
      }
      max = b.notionalCap();
    }
    return max;
  }

  /**
   * Checks a requested leverage against the tier of a notional, the way {@code POST
   * /fapi/v1/leverage} and order placement refuse it.
   *
   * @param leverage the requested leverage
   * @param notional the position notional it would apply to, {@code >= 0}
   * @return why the leverage is refused, or empty if it is allowed
   * @throws IllegalArgumentException if the notional is negative
   */
  public Optional<String> leverageViolation(int leverage, Decimal notional) {
    if (leverage < 1) {
      return Optional.of("leverage " + leverage + " is below 1");
    }
    Optional<LeverageBracket> b = bracketFor(notional);
    if (b.isEmpty()) {
      return Optional.of(
          "notional " + notional + " is above the largest bracket cap " + maxNotional());
    }
    if (leverage > b.get().initialLeverage()) {
      return Optional.of(
          "leverage "
              + leverage
              + " is above the initialLeverage "
              + b.get().initialLeverage()
              + " of bracket "
              + b.get().bracket()
              + " for notional "
              + notional);
    }
    return Optional.empty();
  }

  private LeverageBracket requireBracket(Decimal notional) {
    return bracketFor(notional)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "notional must be <= the largest bracket cap "
                        + maxNotional()
                        + " of "
                        + symbol
                        + " but was "
                        + notional));
  }

  private static void requireNonNegative(Decimal notional) {
    Objects.requireNonNull(notional, "notional must not be null");
    if (notional.signum() < 0) {
      throw new IllegalArgumentException("notional must be >= 0 but was " + notional);
    }
  }

  static void requireLeverage(int leverage) {
    if (leverage < 1) {
      throw new IllegalArgumentException("leverage must be >= 1 but was " + leverage);
    }
  }
}
