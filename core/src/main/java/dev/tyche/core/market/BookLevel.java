package dev.tyche.core.market;

import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * One price level of an order book: the total resting quantity at a price.
 *
 * <p>Quantity zero is allowed here because a {@link BookDelta} uses it to mean "remove this level"
 * (Binance's convention); a {@link BookSnapshot} rejects it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param price the level's price, in quote units per base unit
 * @param quantity the absolute resting quantity at {@code price}, in base units, zero or positive
 */
public record BookLevel(Price price, Quantity quantity) {

  // Price and Quantity already reject non-positive prices and negative sizes; only nulls remain.
  public BookLevel {
    Objects.requireNonNull(price, "price must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
  }

  /**
   * Parses a level from exchange text, keeping the scales the text is written with.
   *
   * @param price the price text, e.g. {@code "61800.20"}
   * @param quantity the quantity text, e.g. {@code "2.909"}
   * @return the level
   */
  public static BookLevel parse(String price, String quantity) {
    return new BookLevel(Price.parse(price), Quantity.parse(quantity));
  }

  @Override
  public String toString() {
    return quantity + "@" + price;
  }
}
