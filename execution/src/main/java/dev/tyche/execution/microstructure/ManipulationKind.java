package dev.tyche.execution.microstructure;

/**
 * The manipulative patterns this package's detectors look for.
 *
 * <p>Immutable and thread-safe.
 */
public enum ManipulationKind {
  /** Book messages (adds, cancels, modifications) far outnumbering trades in a short window. */
  QUOTE_STUFFING,
  /** Large orders at several levels on one side, cancelled around trades on the other side. */
  LAYERING,
  /** A burst of same-side aggressive trades moving the price, followed by a reversal. */
  MOMENTUM_IGNITION,
  /** Rapid alternating small buy and sell trades at the same two prices. */
  PING_PONG
}
