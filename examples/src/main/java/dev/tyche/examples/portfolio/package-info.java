/**
 * Portfolio example: Markowitz mean-variance portfolios and the efficient frontier of the bundled
 * perpetuals ({@link dev.tyche.examples.portfolio.MarkowitzFrontierExample}).
 */
package dev.tyche.examples.portfolio;
