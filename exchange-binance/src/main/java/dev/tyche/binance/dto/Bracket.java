package dev.tyche.binance.dto;

/**
 * One notional bracket of {@code GET /fapi/v1/leverageBracket}. Binance sends the numbers as JSON
 * numbers; they are kept as their exact text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bracket the bracket number, from 1
 * @param initialLeverage the largest leverage in the bracket
 * @param notionalCap the bracket's upper notional bound
 * @param notionalFloor the bracket's lower notional bound
 * @param maintMarginRatio the maintenance margin rate
 * @param cum the maintenance amount
 */
public record Bracket(
    Integer bracket,
    Integer initialLeverage,
    String notionalCap,
    String notionalFloor,
    String maintMarginRatio,
    String cum) {
  // All six numbers are needed for maintenance margin.
  public Bracket {
    Dto.required(bracket, "bracket");
    Dto.required(initialLeverage, "initialLeverage");
    Dto.decimal(notionalCap, "notionalCap");
    Dto.decimal(notionalFloor, "notionalFloor");
    Dto.decimal(maintMarginRatio, "maintMarginRatio");
    Dto.decimal(cum, "cum");
  }
}
