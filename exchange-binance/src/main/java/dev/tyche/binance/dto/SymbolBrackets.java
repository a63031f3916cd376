package dev.tyche.binance.dto;

import java.util.List;

/**
 * One symbol of {@code GET /fapi/v1/leverageBracket}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param notionalCoef the user's bracket coefficient ({@code "1"} when absent)
 * @param brackets the brackets, by increasing notional
 */
public record SymbolBrackets(String symbol, String notionalCoef, List<Bracket> brackets) {
  // A symbol without brackets cannot be margined.
  public SymbolBrackets {
    Dto.text(symbol, "symbol");
    notionalCoef = Dto.decimalOr(notionalCoef, "notionalCoef", "1");
    brackets = Dto.list(brackets, "brackets");
    if (brackets.isEmpty()) {
      throw new IllegalArgumentException("field 'brackets' must not be empty for " + symbol);
    }
  }
}
