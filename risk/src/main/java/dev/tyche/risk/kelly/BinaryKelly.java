package dev.tyche.risk.kelly;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Kelly fraction of a binary bet: with probability {@code p} the bet wins {@code b} per unit staked
 * (net odds {@code b}), otherwise the stake is lost. The expected log growth per bet of staking a
 * fraction {@code f} of wealth is {@code G(f) = p ln(1 + b f) + (1 - p) ln(1 - f)}, maximised at
 * {@code f* = p - (1 - p)/b} (Kelly 1956, "A new interpretation of information rate", Bell System
 * Technical Journal 35(4); Thorp 2006, "The Kelly criterion in blackjack, sports betting and the
 * stock market", Handbook of Asset and Liability Management, section 2).
 *
 * <p>Immutable and thread-safe.
 */
public final class BinaryKelly {

  private BinaryKelly() {}

  /**
   * The Kelly bet. A binary bet cannot be shorted (taking the other side is a different bet with
   * different odds), so a negative {@code f*} always gives a zero stake, whatever {@code
   * constraints.allowShort()} says; the multiplier and the leverage cap apply as usual.
   *
   * @param p the win probability, {@code 0 < p < 1}
   * @param b the net odds, finite and {@code > 0}
   * @param constraints the multiplier and cap
   * @return the bet; {@code fullKellyGrowth} is empty when {@code f* < 0}
   * @throws IllegalArgumentException if {@code p} is outside {@code (0, 1)} or {@code b} is not
   *     finite and positive
   */
  public static KellyBet bet(double p, double b, KellyConstraints constraints) {
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "p must be in (0, 1) but was %s", p));
    }
    if (!(b > 0.0) || Double.isInfinite(b)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "b must be finite and > 0 but was %s", b));
    }
    Objects.requireNonNull(constraints, "constraints");
    double full = p - (1.0 - p) / b;
    Sizing.Sized sized = Sizing.size(full, constraints.withAllowShort(false));
    OptionalDouble fullGrowth =
        full >= 0.0 ? OptionalDouble.of(growth(p, b, full)) : OptionalDouble.empty();
    return new KellyBet(
        full,
        fullGrowth,
        sized.fraction(),
        growth(p, b, sized.fraction()),
        sized.adjustments(),
        sized.reason());
  }

  /**
   * The expected log growth per bet {@code G(f) = p ln(1 + b f) + (1 - p) ln(1 - f)}.
   *
   * @param p the win probability, {@code 0 < p < 1}
   * @param b the net odds, {@code > 0}
   * @param f the staked fraction, {@code -1/b < f < 1}
   * @return {@code G(f)}
   * @throws IllegalArgumentException if {@code f} is outside {@code (-1/b, 1)}
   */
  public static double growth(double p, double b, double f) {
    if (!(1.0 + b * f > 0.0 && f < 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "f must be in (-1/b, 1) = (%s, 1) but was %s", -1.0 / b, f));
    }
    return p * Math.log1p(b * f) + (1.0 - p) * Math.log1p(-f);
  }
}
