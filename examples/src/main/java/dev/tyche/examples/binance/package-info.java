/**
 * Paper trading against live Binance public market data with the simulated venue ({@link
 * dev.tyche.examples.binance.PaperTradingExample}); needs network access.
 */
package dev.tyche.examples.binance;
