package dev.tyche.binance.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /fapi/v1/depth}: an order-book snapshot, bids best first, asks best first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lastUpdateId the book version, to align with the diff stream (reference section 7)
 * @param eventTime {@code E}, message output time, UTC epoch ms
 * @param transactionTime {@code T}, transaction time, UTC epoch ms
 * @param bids the bid levels
 * @param asks the ask levels
 */
public record DepthSnapshot(
    Long lastUpdateId,
    @JsonProperty("E") Long eventTime,
    @JsonProperty("T") Long transactionTime,
    List<DepthLevel> bids,
    List<DepthLevel> asks) {
  // A snapshot without its id cannot be aligned with the stream.
  public DepthSnapshot {
    Dto.nonNegative(lastUpdateId, "lastUpdateId");
    Dto.nonNegative(eventTime, "E");
    Dto.nonNegative(transactionTime, "T");
    bids = Dto.list(bids, "bids");
    asks = Dto.list(asks, "asks");
  }
}
