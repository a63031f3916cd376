package dev.tyche.backtest.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One point of a {@link ParameterSpace}: parameter names mapped to values, in the space's dimension
 * order. Equality is by names and values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param values the parameter values by name, non-empty, finite (copied; iteration order kept)
 */
public record ParameterSet(Map<String, Double> values) {

  /** Copies the map, keeping its iteration order, and rejects blank names or non-finite values. */
  public ParameterSet {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values must be non-empty");
    }
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "parameter name");
      Double v = Objects.requireNonNull(e.getValue(), () -> "value of parameter " + name);
      if (name.isBlank() || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "parameter names must be non-blank and values finite but got '" + name + "' = " + v);
      }
      copy.put(name, v);
    }
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * The value of a parameter.
   *
   * @param name the parameter name
   * @return its value
   * @throws IllegalArgumentException if the set has no such parameter
   */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "no parameter named '" + name + "'; parameters are " + values.keySet());
    }
    return v;
  }

  /**
   * The value of an integer parameter.
   *
   * @param name the parameter name
   * @return its value as an int
   * @throws IllegalArgumentException if there is no such parameter or its value is not a whole
   *     number in the int range
   */
  public int getInt(String name) {
    double v = get(name);
    if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' must be a whole number in the int range but was " + v);
    }
    return (int) v;
  }

  /** Renders {@code {name=value, ...}} in dimension order. */
  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
