package dev.tyche.binance.dto;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Field checks shared by the DTO records' compact constructors, so that a reply that Jackson could
 * bind but that is not what Binance documents fails where it enters, naming the field. Exact
 * decimals stay text here (Binance sends them as strings); the mapping layer turns them into core
 * numbers on the instrument's grid.
 *
 * <p>Immutable and thread-safe.
 */
public final class Dto {

  /** Plain decimal text as Binance writes it: optional minus, digits, optional fraction. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  private Dto() {}

  /**
   * Requires a present value.
   *
   * @param value the bound value
   * @param field the JSON field name
   * @param <T> the value type
   * @return the value
   * @throws IllegalArgumentException naming the field if it is missing or null
   */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("field '" + field + "' is missing or null");
    }
    return value;
  }

  /**
   * Requires non-blank text.
   *
   * @param value the bound value
   * @param field the JSON field name
   * @return the text
   * @throws IllegalArgumentException naming the field if it is missing, null or blank
   */
  public static String text(String value, String field) {
    required(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException("field '" + field + "' must not be blank");
    }
    return value;
  }

  /**
   * Requires plain decimal text ({@code -?digits[.digits]}, at most 30 digits each side): no
   * exponent, no {@code NaN}, no infinity, no spaces.
   *
   * @param value the bound value
   * @param field the JSON field name
   * @return the text
   * @throws IllegalArgumentException naming the field and the value otherwise
   */
  public static String decimal(String value, String field) {
    required(value, field);
    if (!DECIMAL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "field '" + field + "' must be plain decimal text but was '" + abbreviate(value) + "'");
    }
    return value;
  }

  /**
   * Requires plain decimal text that is not negative (sizes, volumes, prices).
   *
   * @param value the bound value
   * @param field the JSON field name
   * @return the text
   * @throws IllegalArgumentException naming the field if malformed or negative
   */
  public static String unsignedDecimal(String value, String field) {
    decimal(value, field);
    if (value.startsWith("-")) {
      throw new IllegalArgumentException(
          "field '" + field + "' must be >= 0 but was '" + value + "'");
    }
    return value;
  }

  /**
   * Plain decimal text, or a default when the field is absent.
   *
   * @param value the bound value, may be null
   * @param field the JSON field name
   * @param absent the value used when the field is absent
   * @return the text
   */
  public static String decimalOr(String value, String field, String absent) {
    return value == null ? absent : decimal(value, field);
  }

  /**
   * Text, or a default when absent.
   *
   * @param value the bound value, may be null
   * @param absent the value used when absent
   * @return the text
   */
  public static String textOr(String value, String absent) {
    return value == null ? absent : value;
  }

  /**
   * A non-negative whole number (an id or a UTC epoch-millisecond time).
   *
   * @param value the bound value
   * @param field the JSON field name
   * @return the value
   * @throws IllegalArgumentException naming the field if missing or negative
   */
  public static long nonNegative(Long value, String field) {
    required(value, field);
    if (value < 0) {
      throw new IllegalArgumentException(
          "field '" + field + "' must be >= 0 but was " + value.longValue());
    }
    return value;
  }

  /**
   * An immutable copy of a list, empty when absent, with no null elements.
   *
   * @param list the bound list, may be null
   * @param field the JSON field name
   * @param <T> the element type
   * @return the copy
   * @throws IllegalArgumentException naming the field if an element is null
   */
  public static <T> List<T> listOrEmpty(List<T> list, String field) {
    if (list == null) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new IllegalArgumentException("field '" + field + "[" + i + "]' is null");
      }
    }
    return List.copyOf(list);
  }

  /**
   * A required, immutable list without null elements.
   *
   * @param list the bound list
   * @param field the JSON field name
   * @param <T> the element type
   * @return the copy
   */
  public static <T> List<T> list(List<T> list, String field) {
    return listOrEmpty(required(list, field), field);
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...(" + s.length() + " chars)";
  }

  static void requireSize(List<?> row, int min, String what) {
    Objects.requireNonNull(row, what);
    if (row.size() < min) {
      throw new IllegalArgumentException(
          what + " must have at least " + min + " elements but had " + row.size());
    }
  }
}
