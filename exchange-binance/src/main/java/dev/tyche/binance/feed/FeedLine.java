package dev.tyche.binance.feed;

import java.util.Objects;

/**
 * One line of a captured WebSocket feed: {@code <local receive time ns> <json>}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lineNumber the 1-based line number
 * @param localNanos the collector's receive time, nanoseconds since the epoch (its own clock; use
 *     the exchange times inside the JSON for event time)
 * @param json the message: a combined-stream envelope, or a REST depth snapshot
 */
public record FeedLine(long lineNumber, long localNanos, String json) {
  // A line without text is not a message.
  public FeedLine {
    Objects.requireNonNull(json, "json must not be null");
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be >= 1 but was " + lineNumber);
    }
  }

  /**
   * Whether this line is a REST depth snapshot ({@code {"lastUpdateId":...}}) rather than a stream
   * message.
   *
   * @return true for a snapshot
   */
  public boolean isSnapshot() {
    return json.startsWith("{\"lastUpdateId\"");
  }

  /**
   * Whether this line is a diff-depth stream message.
   *
   * @return true for a depth update
   */
  public boolean isDepthUpdate() {
    return json.contains("\"e\":\"depthUpdate\"");
  }
}
