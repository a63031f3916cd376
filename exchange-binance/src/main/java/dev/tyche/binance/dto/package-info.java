/**
 * Binance USDⓈ-M's own data shapes as immutable records, decoded by {@link
 * dev.tyche.binance.dto.BinanceJson}. Decimals stay exact text; the records check presence and
 * format of what the adapter relies on and name the offending field. Shared by the REST and
 * WebSocket clients.
 */
package dev.tyche.binance.dto;
