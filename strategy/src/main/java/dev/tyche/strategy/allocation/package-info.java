/**
 * Regime-based allocation: the eight {@link dev.tyche.strategy.allocation.MarketRegime market
 * regimes} and an {@link dev.tyche.strategy.allocation.AllocationMatrix} of strategy weights per
 * regime, whose rows become the weights of a signal aggregator.
 */
package dev.tyche.strategy.allocation;
