/**
 * Signals and their execution: a {@link dev.tyche.strategy.signal.SignalGenerator} turns market
 * data into a target exposure per instrument (a fraction of capital in {@code [-1, 1]}), the {@link
 * dev.tyche.strategy.signal.SignalAggregator} nets the targets of several generators with
 * per-strategy weights and keeps each one's contribution, and the {@link
 * dev.tyche.strategy.signal.TargetExecutor} trades the difference between target and position
 * through core's {@code StrategyContext}. {@link dev.tyche.strategy.signal.SignalStrategy} joins
 * the three behind core's {@code Strategy} SPI.
 */
package dev.tyche.strategy.signal;
