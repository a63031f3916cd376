/**
 * The strategy SPI: the {@link dev.tyche.core.strategy.Strategy} callbacks and the {@link
 * dev.tyche.core.strategy.StrategyContext} a strategy talks to. They live in {@code core} so that
 * the engine ({@code execution}) runs strategies without depending on the {@code strategy} module,
 * and a strategy never learns whether it runs in a backtest, paper or live.
 */
package dev.tyche.core.strategy;
