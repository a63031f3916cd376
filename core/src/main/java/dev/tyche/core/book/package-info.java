/**
 * A local L2 order book kept current from venue snapshots and diff-depth deltas.
 *
 * <p>{@link dev.tyche.core.book.OrderBook} is the book itself: primitive sorted arrays of price and
 * quantity units, no allocation per delta, never crossed. {@link
 * dev.tyche.core.book.OrderBookSynchronizer} applies Binance USDⓈ-M's snapshot-plus-diff procedure
 * and reports whether the book can be trusted. {@link dev.tyche.core.book.BookDeltaBuffer} is a
 * reusable primitive delta for decoders that must not allocate. The immutable values these work
 * with ({@code BookSnapshot}, {@code BookDelta}, {@code BookLevel}, {@code Quote}) live in {@code
 * dev.tyche.core.market}.
 */
package dev.tyche.core.book;
