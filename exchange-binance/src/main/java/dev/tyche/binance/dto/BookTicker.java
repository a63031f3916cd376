package dev.tyche.binance.dto;

/**
 * {@code GET /fapi/v1/ticker/bookTicker?symbol=}: best bid and ask.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param bidPrice best bid price
 * @param bidQty best bid quantity
 * @param askPrice best ask price
 * @param askQty best ask quantity
 * @param time transaction time, UTC epoch ms
 */
public record BookTicker(
    String symbol, String bidPrice, String bidQty, String askPrice, String askQty, Long time) {
  // All fields are needed for a quote.
  public BookTicker {
    Dto.text(symbol, "symbol");
    Dto.decimal(bidPrice, "bidPrice");
    Dto.decimal(bidQty, "bidQty");
    Dto.decimal(askPrice, "askPrice");
    Dto.decimal(askQty, "askQty");
    Dto.nonNegative(time, "time");
  }
}
