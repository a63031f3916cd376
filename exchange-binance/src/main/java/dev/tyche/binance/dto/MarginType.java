package dev.tyche.binance.dto;

/**
 * The margin types accepted by {@code POST /fapi/v1/marginType}.
 *
 * <p>Immutable and thread-safe.
 */
public enum MarginType {
  /** Isolated margin. */
  ISOLATED,
  /** Cross margin. */
  CROSSED
}
