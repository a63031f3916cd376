/**
 * The exception taxonomy of the Binance adapter: {@link dev.tyche.binance.error.BinanceException}
 * with an {@link dev.tyche.binance.error.ErrorKind}, Binance's error code and {@code retryable()},
 * and the classification of every documented error code.
 */
package dev.tyche.binance.error;
