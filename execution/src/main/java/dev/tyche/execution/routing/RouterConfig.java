package dev.tyche.execution.routing;

/**
 * The router's thresholds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param largeOrderDepthRatio an order larger than this multiple of the visible opposite depth is
 *     "large" and is scheduled (TWAP or adaptive) instead of placed at once, finite and {@code > 0}
 * @param adaptiveUrgency urgency from which a large order runs adaptively instead of by TWAP, in
 *     {@code [0, 1]}
 * @param sweepUrgency urgency from which any order is taken at once, in {@code [adaptiveUrgency,
 *     1]}
 * @param delayPenaltyBps the cost, in basis points at urgency 1, of a passive order that does not
 *     fill and must be chased later; scaled by the urgency, finite and {@code >= 0}
 */
public record RouterConfig(
    double largeOrderDepthRatio,
    double adaptiveUrgency,
    double sweepUrgency,
    double delayPenaltyBps) {

  /** Large above 1x depth, adaptive from urgency 0.5, sweep from 0.9, 20 bps delay penalty. */
  public static final RouterConfig DEFAULT = new RouterConfig(1.0, 0.5, 0.9, 20.0);

  // Thresholds out of order would make the route non-monotone in urgency.
  public RouterConfig {
    if (!(largeOrderDepthRatio > 0) || !Double.isFinite(largeOrderDepthRatio)) {
      throw new IllegalArgumentException(
          "largeOrderDepthRatio must be finite and > 0 but was " + largeOrderDepthRatio);
    }
    if (!(adaptiveUrgency >= 0 && adaptiveUrgency <= 1)) {
      throw new IllegalArgumentException(
          "adaptiveUrgency must be in [0, 1] but was " + adaptiveUrgency);
    }
    if (!(sweepUrgency >= adaptiveUrgency && sweepUrgency <= 1)) {
      throw new IllegalArgumentException(
          "sweepUrgency must be in [adaptiveUrgency "
              + adaptiveUrgency
              + ", 1] but was "
              + sweepUrgency);
    }
    if (!(delayPenaltyBps >= 0) || !Double.isFinite(delayPenaltyBps)) {
      throw new IllegalArgumentException(
          "delayPenaltyBps must be finite and >= 0 but was " + delayPenaltyBps);
    }
  }
}
