/**
 * The raw Binance USDⓈ-M REST client: {@link dev.tyche.binance.rest.BinanceRestClient} with request
 * signing, server-time offset, rate limiting, retries and unknown-order reconciliation.
 */
package dev.tyche.binance.rest;
