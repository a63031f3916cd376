/**
 * Configuration of the Binance USDⓈ-M adapter: {@link dev.tyche.binance.config.BinanceConfig} with
 * production and testnet presets, and redacting {@link dev.tyche.binance.config.Credentials}.
 */
package dev.tyche.binance.config;
