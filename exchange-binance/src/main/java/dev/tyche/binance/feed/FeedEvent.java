package dev.tyche.binance.feed;

import dev.tyche.core.market.MarketEvent;
import java.util.Objects;

/**
 * A replayed feed line as a core event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lineNumber the 1-based line number in the capture
 * @param localNanos the collector's receive time, ns since the epoch
 * @param stream the stream name, or {@code "rest"} for a snapshot line
 * @param event the event: {@code Trade}, {@code Quote}, {@code BookDelta}, {@code BookSnapshot},
 *     {@code MarkPrice} or {@code Bar}
 */
public record FeedEvent(long lineNumber, long localNanos, String stream, MarketEvent event) {
  // Every field locates or carries the event.
  public FeedEvent {
    Objects.requireNonNull(stream, "stream must not be null");
    Objects.requireNonNull(event, "event must not be null");
  }
}
