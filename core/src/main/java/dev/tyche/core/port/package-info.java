/**
 * Ports: the interfaces through which the engine reaches the outside world (venues, market data,
 * time). Venue adapters such as {@code tyche-exchange-binance} and the simulated venue implement
 * them; the engine and strategies see only these.
 */
package dev.tyche.core.port;
