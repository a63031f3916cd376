package dev.tyche.core.strategy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a strategy instance within an engine. It prefixes the strategy's client order ids, so it is
 * short and uses only characters Binance allows in them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 16 characters from {@code [A-Za-z0-9_-]}
 */
public record StrategyId(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  // The id ends up inside client order ids; Binance rejects other characters and longer ids.
  public StrategyId {
    Objects.requireNonNull(value, "strategyId must not be null");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "strategyId must match " + ALLOWED.pattern() + " but was '" + value + "'");
    }
  }

  /**
   * The id with this value.
   *
   * @param value the value
   * @return the id
   */
  public static StrategyId of(String value) {
    return new StrategyId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
