/**
 * Range trading: buy near support and sell near resistance taken from the previous bars' extremes,
 * standing aside after a breakout.
 */
package dev.tyche.strategy.range;
