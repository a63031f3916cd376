package dev.tyche.core.id;

import java.util.Objects;

/**
 * A trade (execution) id assigned by the venue, unique per symbol on that venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id: 1 to 64 printable ASCII characters without spaces
 */
public record TradeId(String value) implements Comparable<TradeId> {

  // Fail fast: an identifier that Binance would reject must never be constructed.
  public TradeId {
    Ids.requireToken(value, "tradeId", Ids.VENUE_ID);
  }

  /**
   * Creates the identifier.
   *
   * @param value the raw identifier
   * @return the identifier
   * @throws IllegalArgumentException if {@code value} is blank, too long or contains characters
   *     outside the allowed set
   */
  public static TradeId of(String value) {
    return new TradeId(value);
  }

  @Override
  public int compareTo(TradeId other) {
    return value.compareTo(Objects.requireNonNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
