package dev.tyche.core.account;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Exact integer helpers the number types do not offer. */
final class ExactMath {
  private ExactMath() {}

  /**
   * {@code a * b / c} rounded half-even, computed without intermediate overflow.
   *
   * @param c the divisor, positive
   */
  static long mulDivHalfEven(long a, long b, long c) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    boolean fitsInLong = (hi == 0 && lo >= 0) || (hi == -1 && lo < 0);
    if (fitsInLong) {
      long q = lo / c;
      long r = lo % c;
      if (r == 0) {
        return q;
      }
      // |r| < c, so 2|r| overflows only if c > 2^62; compare as c - |r| instead.
      long absR = Math.abs(r);
      long rest = c - absR;
      int cmp = Long.compare(absR, rest);
      boolean away = cmp > 0 || (cmp == 0 && (q & 1) != 0);
      return away ? q + (lo < 0 ? -1 : 1) : q;
    }
    // Cold path: the product needs more than 64 bits.
    BigDecimal product = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
    return product.divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
