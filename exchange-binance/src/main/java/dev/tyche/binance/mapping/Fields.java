package dev.tyche.binance.mapping;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.math.BigDecimal;

/**
 * Parses Binance's decimal text into core numbers, naming the field in every failure. Exact: text
 * with more non-zero decimals than the target scale is rejected, never rounded.
 */
final class Fields {

  private Fields() {}

  static Price price(String text, int scale, String field) {
    try {
      return Price.parse(text, scale);
    } catch (RuntimeException e) {
      throw wrap(field, text, "a positive price at scale " + scale, e);
    }
  }

  static Price price(String text, String field) {
    try {
      return Price.parse(text);
    } catch (RuntimeException e) {
      throw wrap(field, text, "a positive price", e);
    }
  }

  static Quantity quantity(String text, int scale, String field) {
    try {
      return Quantity.parse(text, scale);
    } catch (RuntimeException e) {
      throw wrap(field, text, "a non-negative quantity at scale " + scale, e);
    }
  }

  static Quantity quantity(String text, String field) {
    try {
      return Quantity.parse(text);
    } catch (RuntimeException e) {
      throw wrap(field, text, "a non-negative quantity", e);
    }
  }

  static Decimal decimal(String text, String field) {
    try {
      return Decimal.parse(text);
    } catch (RuntimeException e) {
      throw wrap(field, text, "a decimal", e);
    }
  }

  static Symbol symbol(String text, String field) {
    try {
      return Symbol.of(text);
    } catch (RuntimeException e) {
      throw wrap(field, text, "a symbol", e);
    }
  }

  static Asset asset(String text, String field) {
    try {
      return Asset.of(text);
    } catch (RuntimeException e) {
      throw wrap(field, text, "an asset code", e);
    }
  }

  /** Decimals of a number's shortest exact form: {@code "0.00100000"} has 3. */
  static int significantScale(String text, String field) {
    try {
      return Math.max(0, new BigDecimal(text).stripTrailingZeros().scale());
    } catch (NumberFormatException e) {
      throw wrap(field, text, "decimal text", e);
    }
  }

  static IllegalArgumentException wrap(
      String field, String text, String expected, RuntimeException cause) {
    String shown =
        text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return new IllegalArgumentException(
        "field '"
            + field
            + "' must be "
            + expected
            + " but was '"
            + shown
            + "': "
            + cause.getMessage(),
        cause);
  }
}
