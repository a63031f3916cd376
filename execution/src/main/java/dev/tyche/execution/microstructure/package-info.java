/**
 * Market-microstructure measures and manipulation detectors, computed as streaming operators.
 *
 * <p>Liquidity and flow: {@link dev.tyche.execution.microstructure.Spreads} (quoted, effective,
 * realised spread and price impact of one trade), {@link
 * dev.tyche.execution.microstructure.SpreadDecomposition} (the same, streamed with an explicit
 * horizon {@code Δt}), {@link dev.tyche.execution.microstructure.BookDepth}, {@link
 * dev.tyche.execution.microstructure.BookImbalance}, {@link
 * dev.tyche.execution.microstructure.Microprice}, {@link
 * dev.tyche.execution.microstructure.OrderFlowImbalance}, {@link
 * dev.tyche.execution.microstructure.KyleLambda}, {@link dev.tyche.execution.microstructure.Vpin}
 * and {@link dev.tyche.execution.microstructure.LiquidityScore}.
 *
 * <p>Detectors: {@link dev.tyche.execution.microstructure.QuoteStuffingDetector}, {@link
 * dev.tyche.execution.microstructure.LayeringDetector}, {@link
 * dev.tyche.execution.microstructure.MomentumIgnitionDetector} and {@link
 * dev.tyche.execution.microstructure.PingPongDetector}, reporting {@link
 * dev.tyche.execution.microstructure.ManipulationAlert} records with the evidence numbers.
 *
 * <p>Every operator is a final class confined to one thread, takes primitive arguments (prices in
 * quote units per base unit, quantities in base units, times in epoch milliseconds, non-decreasing)
 * or a core {@link dev.tyche.core.book.OrderBook}, costs O(1) or O(levels) per update and allocates
 * nothing per update (growable rings double only while warming up; detectors allocate only the
 * alert they return).
 */
package dev.tyche.execution.microstructure;
