package dev.tyche.core.num;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic on {@code (units, scale)} pairs, the representation behind every exact number. All
 * operations are exact or throw {@link ArithmeticException}; none allocates except the cold
 * fall-backs noted.
 */
final class FixedPoint {
  /** The largest scale supported: 10^18 is the largest power of ten in a long. */
  static final int MAX_SCALE = 18;

  private static final long[] POW10 = new long[MAX_SCALE + 1];

  static {
    POW10[0] = 1;
    for (int i = 1; i <= MAX_SCALE; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private FixedPoint() {}

  static long pow10(int scale) {
    return POW10[scale];
  }

  static void checkScale(int scale, String name) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException(
          name + " scale must be in [0, " + MAX_SCALE + "] but was " + scale);
    }
  }

  /** Rejects {@link Long#MIN_VALUE}: keeping the range symmetric means negation never overflows. */
  static void checkUnits(long units, String name) {
    if (units == Long.MIN_VALUE) {
      throw new ArithmeticException(name + " units must be > Long.MIN_VALUE");
    }
  }

  /**
   * Parses decimal text into units of {@code 10^-scale}. Accepts an optional sign, digits with an
   * optional fraction, and an optional exponent ({@code -3.33e-06}), which is how exchanges and
   * data files write numbers. Rejects empty text, {@code NaN}, infinities, stray characters, more
   * fractional precision than {@code scale} (unless the extra digits are zeros) and overflow.
   */
  static long parse(CharSequence text, int scale, String name) {
    if (text == null) {
      throw new NullPointerException(name + " text must not be null");
    }
    int len = text.length();
    int i = 0;
    boolean negative = false;
    if (len > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    long mantissa = 0;
    int fractionDigits = 0;
    boolean seenPoint = false;
    boolean anyDigit = false;
    boolean overflow = false;
    // Trailing zeros after the point add no precision: hold them back until a non-zero digit.
    int droppedZeros = 0;
    for (; i < len; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        int d = c - '0';
        if (seenPoint) {
          if (d == 0) {
            droppedZeros++;
            continue;
          }
          // flush pending zeros then this digit
          for (int z = 0; z < droppedZeros + 1 && !overflow; z++) {
            long next = mantissa * 10;
            if (next / 10 != mantissa) {
              overflow = true;
            }
            mantissa = next;
            fractionDigits++;
          }
          droppedZeros = 0;
          long next = mantissa + d;
          if (next < mantissa) {
            overflow = true;
          }
          mantissa = next;
        } else {
          long next = mantissa * 10 + d;
          if (mantissa > (Long.MAX_VALUE - d) / 10) {
            overflow = true;
          }
          mantissa = next;
        }
      } else if (c == '.' && !seenPoint) {
        seenPoint = true;
      } else if ((c == 'e' || c == 'E') && anyDigit) {
        break;
      } else {
        throw invalid(text, name, "is not a decimal number");
      }
    }
    if (!anyDigit) {
      throw invalid(text, name, "is not a decimal number");
    }
    int exponent = 0;
    if (i < len) {
      exponent = parseExponent(text, i + 1, name);
    }
    if (overflow) {
      throw invalid(text, name, "overflows a long at scale " + scale);
    }
    // value = mantissa * 10^(exponent - fractionDigits); we need units = value * 10^scale
    int shift = scale + exponent - fractionDigits;
    long units;
    if (shift >= 0) {
      if (mantissa != 0 && shift > MAX_SCALE) {
        throw invalid(text, name, "overflows a long at scale " + scale);
      }
      units = mantissa == 0 ? 0 : multiplyExactOrFail(mantissa, POW10[shift], text, name, scale);
    } else {
      int down = -shift;
      if (down > MAX_SCALE) {
        if (mantissa != 0) {
          throw invalid(text, name, "has more than " + scale + " decimal places");
        }
        units = 0;
      } else {
        long p = POW10[down];
        if (mantissa % p != 0) {
          throw invalid(text, name, "has more than " + scale + " decimal places");
        }
        units = mantissa / p;
      }
    }
    return negative ? -units : units;
  }

  /** The number of fractional digits {@code text} is written with, after its exponent. */
  static int scaleOf(CharSequence text, String name) {
    if (text == null) {
      throw new NullPointerException(name + " text must not be null");
    }
    int len = text.length();
    int point = -1;
    int expAt = len;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        point = i;
      } else if (c == 'e' || c == 'E') {
        expAt = i;
        break;
      }
    }
    int fraction = point < 0 ? 0 : expAt - point - 1;
    int exponent = expAt < len ? parseExponent(text, expAt + 1, name) : 0;
    int scale = Math.max(0, fraction - exponent);
    if (scale > MAX_SCALE) {
      // Trailing zeros do not count towards precision.
      int zeros = 0;
      for (int i = expAt - 1; i > point && text.charAt(i) == '0'; i--) {
        zeros++;
      }
      scale = Math.max(0, fraction - zeros - exponent);
      if (scale > MAX_SCALE) {
        throw invalid(text, name, "has more than " + MAX_SCALE + " decimal places");
      }
    }
    return scale;
  }

  private static int parseExponent(CharSequence text, int from, String name) {
    int len = text.length();
    if (from >= len) {
      throw invalid(text, name, "is not a decimal number");
    }
    boolean negative = false;
    int i = from;
    if (text.charAt(i) == '-' || text.charAt(i) == '+') {
      negative = text.charAt(i) == '-';
      i++;
    }
    if (i >= len) {
      throw invalid(text, name, "is not a decimal number");
    }
    int exponent = 0;
    for (; i < len; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(text, name, "is not a decimal number");
      }
      exponent = exponent * 10 + (c - '0');
      if (exponent > 400) {
        throw invalid(text, name, "has an exponent out of range");
      }
    }
    return negative ? -exponent : exponent;
  }

  private static long multiplyExactOrFail(
      long a, long b, CharSequence text, String name, int scale) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
      throw invalid(text, name, "overflows a long at scale " + scale);
    }
    return lo;
  }

  private static IllegalArgumentException invalid(CharSequence text, String name, String what) {
    return new IllegalArgumentException(name + " '" + text + "' " + what);
  }

  /** Plain text with exactly {@code scale} fractional digits, e.g. {@code 61800.20}. */
  static String format(long units, int scale) {
    if (scale == 0) {
      return Long.toString(units);
    }
    StringBuilder sb = new StringBuilder(24);
    String digits;
    if (units == Long.MIN_VALUE) {
      digits = "9223372036854775808";
    } else {
      digits = Long.toString(Math.abs(units));
    }
    if (units < 0) {
      sb.append('-');
    }
    if (digits.length() <= scale) {
      sb.append("0.");
      for (int i = digits.length(); i < scale; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else {
      int point = digits.length() - scale;
      sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }
    return sb.toString();
  }

  /** Nearest double to the exact value {@code units * 10^-scale}. */
  static double toDouble(long units, int scale) {
    if (scale == 0) {
      return units;
    }
    // Both operands are exact doubles when |units| < 2^53, and IEEE division is correctly rounded.
    if (Math.abs(units) < (1L << 53)) {
      return units / (double) POW10[scale];
    }
    return new BigDecimal(units).movePointLeft(scale).doubleValue();
  }

  /** Changes scale; exact, or throws if digits would be lost. */
  static long rescaleExact(long units, int from, int to, String name) {
    if (to == from) {
      return units;
    }
    if (to > from) {
      try {
        return Math.multiplyExact(units, POW10[to - from]);
      } catch (ArithmeticException e) {
        throw new ArithmeticException(
            name + " " + format(units, from) + " overflows a long at scale " + to);
      }
    }
    long p = POW10[from - to];
    if (units % p != 0) {
      throw new ArithmeticException(
          name + " " + format(units, from) + " cannot be written with " + to + " decimal places");
    }
    return units / p;
  }

  /** Changes scale, rounding when digits are dropped. */
  static long rescale(long units, int from, int to, RoundingMode mode) {
    if (to >= from) {
      return Math.multiplyExact(units, POW10[to - from]);
    }
    return divide(units, POW10[from - to], mode);
  }

  /** {@code numerator / denominator} rounded with {@code mode}; {@code denominator > 0}. */
  static long divide(long numerator, long denominator, RoundingMode mode) {
    long q = numerator / denominator;
    long r = numerator % denominator;
    if (r == 0) {
      return q;
    }
    int signum = numerator < 0 ? -1 : 1; // the sign of the exact quotient (denominator > 0)
    boolean awayFromZero;
    switch (mode) {
      case UNNECESSARY:
        throw new ArithmeticException("rounding needed but mode is UNNECESSARY");
      case DOWN:
        awayFromZero = false;
        break;
      case UP:
        awayFromZero = true;
        break;
      case FLOOR:
        awayFromZero = signum < 0;
        break;
      case CEILING:
        awayFromZero = signum > 0;
        break;
      default:
        long twice = Math.abs(r) * 2; // |r| < denominator <= 10^18 so no overflow
        int cmp = Long.compare(twice, denominator);
        if (cmp != 0) {
          awayFromZero = cmp > 0;
        } else if (mode == RoundingMode.HALF_UP) {
          awayFromZero = true;
        } else if (mode == RoundingMode.HALF_DOWN) {
          awayFromZero = false;
        } else {
          awayFromZero = (q & 1) != 0; // HALF_EVEN
        }
    }
    return awayFromZero ? q + signum : q;
  }

  /** Compares two values of possibly different scales exactly. */
  static int compare(long a, int scaleA, long b, int scaleB) {
    if (scaleA == scaleB) {
      return Long.compare(a, b);
    }
    try {
      int s = Math.max(scaleA, scaleB);
      return Long.compare(
          Math.multiplyExact(a, POW10[s - scaleA]), Math.multiplyExact(b, POW10[s - scaleB]));
    } catch (ArithmeticException overflow) {
      // Cold path: magnitudes near Long.MAX_VALUE at mismatched scales.
      return BigDecimal.valueOf(a, scaleA).compareTo(BigDecimal.valueOf(b, scaleB));
    }
  }

  /** {@code a + b} at the larger scale, exact. */
  static long addAtScale(long a, int scaleA, long b, int scaleB, int scale) {
    return Math.addExact(
        Math.multiplyExact(a, POW10[scale - scaleA]), Math.multiplyExact(b, POW10[scale - scaleB]));
  }

  /**
   * How far (in grid steps) a double {@code q}, meant to count grid steps, may lie from a whole
   * number and still be taken as that number: 1e-9 of a step, or 1e-12 relative for counts above
   * 1000. Doubles that went through a few arithmetic operations carry relative errors of order
   * 1e-15, far inside this window; a genuine fraction of a step (even 1e-9 relative of a large
   * count, e.g. 0.0125 of a step at 1.4e7 steps) is not absorbed.
   */
  static double representationNoise(double q) {
    return Math.max(1e-9, 1e-12 * Math.abs(q));
  }

  /** Units at {@code scale} of the double {@code value}, rounded with {@code mode}. */
  static long fromDouble(double value, int scale, RoundingMode mode, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
    double scaled = value * POW10[scale];
    if (Math.abs(scaled) >= 9.0e18) {
      throw new ArithmeticException(name + " " + value + " overflows a long at scale " + scale);
    }
    double nearest = Math.rint(scaled);
    // Analytic doubles carry representation noise (100.3 is stored as 100.29999999999998):
    // a value within representation noise of a grid point is that grid point.
    if (Math.abs(scaled - nearest) <= representationNoise(scaled)) {
      return (long) nearest;
    }
    switch (mode) {
      case FLOOR:
        return (long) Math.floor(scaled);
      case CEILING:
        return (long) Math.ceil(scaled);
      case DOWN:
        return (long) scaled;
      case UP:
        return (long) (scaled < 0 ? Math.floor(scaled) : Math.ceil(scaled));
      case UNNECESSARY:
        throw new ArithmeticException(name + " " + value + " is not on a grid of scale " + scale);
      default:
        return (long) nearest; // rint: half-even; exact ties are impossible after the check above
    }
  }
}
