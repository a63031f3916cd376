/**
 * The smart order router: chooses how to work an order (aggressive, passive at the touch, TWAP or
 * adaptive) from urgency, size against visible depth, spread, fee tier and the estimated fill
 * probability of a passive order, and records the numbers it compared.
 */
package dev.tyche.execution.routing;
