/**
 * Execution example: the Almgren-Chriss optimal liquidation schedule and its efficient frontier
 * ({@link dev.tyche.examples.execution.AlmgrenChrissFrontierExample}).
 */
package dev.tyche.examples.execution;
