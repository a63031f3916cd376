package dev.tyche.core.id;

import java.util.Objects;

/**
 * An order id assigned by the venue. Binance's are decimal numbers, but other venues use text, so
 * the value is kept as text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id: 1 to 64 printable ASCII characters without spaces
 */
public record VenueOrderId(String value) implements Comparable<VenueOrderId> {

  // Fail fast: an identifier that Binance would reject must never be constructed.
  public VenueOrderId {
    Ids.requireToken(value, "venueOrderId", Ids.VENUE_ID);
  }

  /**
   * Creates the identifier.
   *
   * @param value the raw identifier
   * @return the identifier
   * @throws IllegalArgumentException if {@code value} is blank, too long or contains characters
   *     outside the allowed set
   */
  public static VenueOrderId of(String value) {
    return new VenueOrderId(value);
  }

  @Override
  public int compareTo(VenueOrderId other) {
    return value.compareTo(Objects.requireNonNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
