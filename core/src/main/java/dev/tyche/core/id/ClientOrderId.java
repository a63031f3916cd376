package dev.tyche.core.id;

import java.util.Objects;

/**
 * An order id chosen by the client. Binance accepts up to 36 characters from {@code
 * [.A-Z:/a-z0-9_-]}; Tyche generates them deterministically so that a resent order is recognised as
 * the same order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id: 1 to 36 characters from {@code [.A-Z:/a-z0-9_-]}
 */
public record ClientOrderId(String value) implements Comparable<ClientOrderId> {

  // Fail fast: an identifier that Binance would reject must never be constructed.
  public ClientOrderId {
    Ids.requireToken(value, "clientOrderId", Ids.CLIENT_ORDER_ID);
  }

  /**
   * Creates the identifier.
   *
   * @param value the raw identifier
   * @return the identifier
   * @throws IllegalArgumentException if {@code value} is blank, too long or contains characters
   *     outside the allowed set
   */
  public static ClientOrderId of(String value) {
    return new ClientOrderId(value);
  }

  @Override
  public int compareTo(ClientOrderId other) {
    return value.compareTo(Objects.requireNonNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
