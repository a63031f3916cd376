/**
 * Streaming market-regime detection without look-ahead, and its use for regime-based allocation.
 *
 * <p>{@link dev.tyche.strategy.regime.detector.RegimeDetector} turns closed bars, one at a time,
 * into {@link dev.tyche.strategy.regime.detector.RegimeEstimate}s: a {@link
 * dev.tyche.strategy.allocation.MarketRegime}, the filtered HMM state probabilities and a
 * confidence. Its models (GARCH(1,1) or EWMA volatility, a Gaussian HMM on the rolling mean return
 * and log volatility) are refitted on a schedule on past data only, and between refits the state
 * probabilities come from the streaming forward filter. Settings and every threshold are in {@link
 * dev.tyche.strategy.regime.detector.RegimeDetectorConfig}. {@link
 * dev.tyche.strategy.regime.detector.RegimeAllocationStrategy} wires a detector to a {@link
 * dev.tyche.strategy.signal.SignalStrategy} through an {@link
 * dev.tyche.strategy.allocation.AllocationMatrix}.
 */
package dev.tyche.strategy.regime.detector;
