package dev.tyche.risk.sizing;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Quantity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of {@link PositionSizer#size(SizingRequest)}: the quantity to trade and how it came
 * about.
 *
 * <p>Immutable and thread-safe.
 *
 * @param quantity the final quantity, on the instrument's step grid at its quantity scale; zero
 *     when no allowed size exists (the notes say why)
 * @param notional {@code quantity * price} in the quote asset, exact
 * @param candidates every limit that applied, as the largest quantity in base units it allows
 *     before grid rounding ({@code +Infinity} if it does not bind at any size), in {@link
 *     SizeLimit} order
 * @param binding the limit with the smallest candidate (the first in {@link SizeLimit} order on a
 *     tie)
 * @param notes readable remarks: rounding, zeroing, limits that did not bind, the side Kelly chose
 */
public record SizingDecision(
    Quantity quantity,
    Decimal notional,
    Map<SizeLimit, Double> candidates,
    SizeLimit binding,
    List<String> notes) {

  /** Validates the fields and freezes the collections. */
  public SizingDecision {
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(notional, "notional must not be null");
    Objects.requireNonNull(candidates, "candidates must not be null");
    Objects.requireNonNull(binding, "binding must not be null");
    Objects.requireNonNull(notes, "notes must not be null");
    if (candidates.isEmpty() || !candidates.containsKey(binding)) {
      throw new IllegalArgumentException(
          "candidates must contain the binding limit " + binding + " but were " + candidates);
    }
    for (Map.Entry<SizeLimit, Double> e : candidates.entrySet()) {
      double v = Objects.requireNonNull(e.getValue(), "candidate value must not be null");
      if (Double.isNaN(v) || v < 0) {
        throw new IllegalArgumentException(
            "candidate " + e.getKey() + " must be >= 0 (or +Infinity) but was " + v);
      }
    }
    candidates = Collections.unmodifiableMap(new EnumMap<>(candidates));
    notes = List.copyOf(notes);
  }

  /**
   * Whether the decision is to trade nothing.
   *
   * @return true if the quantity is zero
   */
  public boolean isZero() {
    return quantity.isZero();
  }
}
