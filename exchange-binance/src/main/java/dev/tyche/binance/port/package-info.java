/**
 * Layer 3 of the Binance USDⓈ-M adapter (ARCHITECTURE.md section 6): implementations of core's
 * ports that the engine sees. {@link dev.tyche.binance.port.BinanceExecutionClient} places and
 * cancels orders over REST and reports their life cycle from the user data stream; {@link
 * dev.tyche.binance.port.BinanceMarketDataClient} turns the market streams into core market events
 * with data status; {@link dev.tyche.binance.port.Reconciler} reads the venue's open orders,
 * positions and balances at start-up and reports where they differ from the engine's state.
 */
package dev.tyche.binance.port;
