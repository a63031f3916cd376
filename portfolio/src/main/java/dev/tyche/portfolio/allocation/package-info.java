/**
 * Allocation across strategies and into orders: adaptive weights from recent risk-adjusted
 * performance (floored at zero, shrunk toward equal weights, capped), a no-trade band rebalancing
 * rule whose band widens with trading costs, and discrete allocation of capital into order
 * quantities that respect each instrument's step size, quantity bounds and minimum notional.
 *
 * <p>Entry points: {@link dev.tyche.portfolio.allocation.AdaptiveAllocation}, {@link
 * dev.tyche.portfolio.allocation.RebalanceRule} and {@link
 * dev.tyche.portfolio.allocation.DiscreteAllocation}.
 */
package dev.tyche.portfolio.allocation;
