package dev.tyche.binance.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code [price, quantity]} level of a depth snapshot or update.
 *
 * <p>Immutable and thread-safe.
 *
 * @param price the level's price, decimal text
 * @param quantity the absolute quantity at the level, decimal text ({@code "0"} deletes in updates)
 */
public record DepthLevel(String price, String quantity) {
  // Both are decimal text.
  public DepthLevel {
    Dto.decimal(price, "price");
    Dto.decimal(quantity, "quantity");
  }

  /**
   * Reads one level array.
   *
   * @param row the JSON array {@code ["price", "qty"]}
   * @return the level
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DepthLevel fromRow(JsonNode row) {
    if (row == null || !row.isArray() || row.size() < 2) {
      throw new IllegalArgumentException(
          "depth level must be an array [price, quantity] but was "
              + (row == null ? "null" : Dto.abbreviate(row.toString())));
    }
    return new DepthLevel(Rows.textAt(row, 0, "price"), Rows.textAt(row, 1, "quantity"));
  }
}
