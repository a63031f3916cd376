/**
 * Slippage control: the arrival-price benchmark, realised slippage in basis points per order
 * (positive = cost) and over a rolling window of finished orders, alert and hard-limit thresholds
 * that raise {@link dev.tyche.execution.slippage.SlippageEvent}s (a hard limit halts the parent
 * order's further children), and pre-trade impact prediction with the square-root law, calibrated
 * from the project's own fills.
 */
package dev.tyche.execution.slippage;
