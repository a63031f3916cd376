package dev.tyche.binance.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One aggregate trade ({@code GET /fapi/v1/aggTrades} and the {@code aggTrade} stream payload's
 * core fields).
 *
 * <p>Immutable and thread-safe.
 *
 * @param aggregateId {@code a}
 * @param price {@code p}, decimal text
 * @param quantity {@code q}, decimal text
 * @param firstTradeId {@code f}
 * @param lastTradeId {@code l}
 * @param time {@code T}, trade time, UTC epoch ms
 * @param buyerMaker {@code m}: the buyer was the maker (so the taker sold)
 */
public record AggTrade(
    @JsonProperty("a") Long aggregateId,
    @JsonProperty("p") String price,
    @JsonProperty("q") String quantity,
    @JsonProperty("f") Long firstTradeId,
    @JsonProperty("l") Long lastTradeId,
    @JsonProperty("T") Long time,
    @JsonProperty("m") Boolean buyerMaker) {
  // Every field is needed to turn it into a trade.
  public AggTrade {
    Dto.nonNegative(aggregateId, "a");
    Dto.decimal(price, "p");
    Dto.decimal(quantity, "q");
    Dto.nonNegative(firstTradeId, "f");
    Dto.nonNegative(lastTradeId, "l");
    Dto.nonNegative(time, "T");
    Dto.required(buyerMaker, "m");
  }
}
