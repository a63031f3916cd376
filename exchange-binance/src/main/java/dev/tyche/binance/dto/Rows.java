package dev.tyche.binance.dto;

import com.fasterxml.jackson.databind.JsonNode;

/** Element readers for Binance's array-shaped rows (klines, depth levels). */
final class Rows {

  private Rows() {}

  static long longAt(JsonNode row, int index, String field) {
    JsonNode n = row.get(index);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' (element "
              + index
              + ") must be a whole number in the long range but was "
              + (n == null ? "missing" : Dto.abbreviate(n.toString())));
    }
    return n.asLong();
  }

  static String textAt(JsonNode row, int index, String field) {
    JsonNode n = row.get(index);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' (element "
              + index
              + ") must be decimal text but was "
              + (n == null ? "missing" : Dto.abbreviate(n.toString())));
    }
    return Dto.decimal(n.asText(), field);
  }
}
