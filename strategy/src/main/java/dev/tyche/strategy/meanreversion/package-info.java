/**
 * Mean reversion: Bollinger-band entries filtered by the RSI, exits at the middle band or a stop.
 */
package dev.tyche.strategy.meanreversion;
