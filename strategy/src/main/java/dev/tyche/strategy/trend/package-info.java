/** Trend following: a moving-average crossover with an ATR trailing stop. */
package dev.tyche.strategy.trend;
