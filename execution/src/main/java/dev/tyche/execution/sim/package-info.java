/**
 * A seeded, deterministic simulated venue: {@link dev.tyche.execution.sim.SimulatedVenue}
 * implements core's {@code ExecutionClient} port for backtests and paper trading. The caller feeds
 * it market data ({@code onMarketEvent}) and moves the shared clock; the venue matches orders with
 * a {@link dev.tyche.execution.sim.FillModel} (L2 book with queue position, trades, or bars),
 * applies order latency, maker/taker fees, Binance USDⓈ-M filters and order semantics, settles
 * funding and liquidates isolated positions, and keeps its own exact {@code Ledger}.
 */
package dev.tyche.execution.sim;
