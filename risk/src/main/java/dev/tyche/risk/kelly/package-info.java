/**
 * Kelly (log-optimal) bet sizing: binary bets, the Gaussian continuous-time fraction, the empirical
 * fraction over a sample of returns, the multi-asset fraction {@code Sigma^-1 (mu - r)} with
 * leverage and long-only constraints, fractional Kelly, and a fraction from a lower confidence
 * bound of the estimated edge.
 *
 * <p>Every result records the full (unconstrained) Kelly fraction, the fraction actually
 * recommended, the expected log growth at it, and each adjustment that was made with the reason, so
 * a caller can see what was capped or clipped and why. Fractions are of current wealth (1 = fully
 * invested, 2 = two times levered, negative = short).
 */
package dev.tyche.risk.kelly;
