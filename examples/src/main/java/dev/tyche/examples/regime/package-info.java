/**
 * Regime example: a Gaussian hidden Markov model of BTCUSDT daily returns ({@link
 * dev.tyche.examples.regime.HmmRegimesExample}).
 */
package dev.tyche.examples.regime;
