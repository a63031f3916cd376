package dev.tyche.core.port;

/**
 * Whether a market-data stream can be trusted right now.
 *
 * <p>Immutable and thread-safe.
 */
public enum DataStatus {
  /** Connected and in sequence. */
  LIVE,
  /** Connecting, or rebuilding state (an order book waiting for its snapshot). */
  SYNCING,
  /** Disconnected or out of sequence: the last known state may be stale or wrong. */
  STALE
}
