package dev.tyche.core.id;

import java.util.Objects;

/**
 * An exchange symbol identifying an instrument on one venue, for example {@code BTCUSDT}. Symbols
 * are upper-case letters and digits, as Binance writes them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the symbol: 1 to 32 characters from {@code A-Z0-9_}
 */
public record Symbol(String value) implements Comparable<Symbol> {

  // Fail fast: an identifier that Binance would reject must never be constructed.
  public Symbol {
    Ids.requireToken(value, "symbol", Ids.SYMBOL);
  }

  /**
   * Creates the identifier.
   *
   * @param value the raw identifier
   * @return the identifier
   * @throws IllegalArgumentException if {@code value} is blank, too long or contains characters
   *     outside the allowed set
   */
  public static Symbol of(String value) {
    return new Symbol(value);
  }

  @Override
  public int compareTo(Symbol other) {
    return value.compareTo(Objects.requireNonNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
