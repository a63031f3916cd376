package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;
import java.util.List;
import java.util.Objects;

/**
 * A diff-depth update: the levels whose quantity changed between two order-book states, as in
 * Binance USDⓈ-M's {@code <symbol>@depth} stream.
 *
 * <p>Each level carries the new <em>absolute</em> quantity at its price; quantity zero removes the
 * level, and removing a level the local book does not hold is normal (Binance, "How to manage a
 * local order book correctly", step 6). Levels are applied in list order, bids before asks, so a
 * price repeated within one side ends with its last quantity. The lists need not be sorted.
 *
 * <p>The update ids follow Binance's futures fields: the delta covers the venue's updates {@code
 * firstUpdateId..finalUpdateId} ({@code U..u}), and {@code previousFinalUpdateId} ({@code pu}) is
 * the {@code u} of the previous delta on the stream. Consecutive deltas chain by {@code pu ==
 * previous u}; the ids themselves are not contiguous. For a stream without {@code pu} (Binance
 * spot), pass {@code firstUpdateId - 1}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument
 * @param firstUpdateId the first update id in this delta ({@code U})
 * @param finalUpdateId the last update id in this delta ({@code u}), at least {@code firstUpdateId}
 * @param previousFinalUpdateId the previous delta's final update id ({@code pu}), below {@code
 *     firstUpdateId}
 * @param eventTime when the venue published it, UTC epoch milliseconds (Binance {@code E})
 * @param bids changed bid levels
 * @param asks changed ask levels
 */
public record BookDelta(
    Symbol symbol,
    long firstUpdateId,
    long finalUpdateId,
    long previousFinalUpdateId,
    long eventTime,
    List<BookLevel> bids,
    List<BookLevel> asks)
    implements MarketEvent {

  // Ids out of order mean the message was mis-parsed; catch that here rather than as a false gap.
  public BookDelta {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(bids, "bids must not be null");
    Objects.requireNonNull(asks, "asks must not be null");
    if (firstUpdateId > finalUpdateId) {
      throw new IllegalArgumentException(
          "firstUpdateId must be <= finalUpdateId " + finalUpdateId + " but was " + firstUpdateId);
    }
    if (previousFinalUpdateId >= firstUpdateId) {
      throw new IllegalArgumentException(
          "previousFinalUpdateId must be < firstUpdateId "
              + firstUpdateId
              + " but was "
              + previousFinalUpdateId);
    }
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 (epoch ms) but was " + eventTime);
    }
    bids = List.copyOf(bids); // also rejects null elements
    asks = List.copyOf(asks);
  }
}
