/**
 * Market-data records: bars ({@link dev.tyche.core.market.Bar}), funding settlements ({@link
 * dev.tyche.core.market.FundingRate}), mark prices ({@link dev.tyche.core.market.MarkPrice}),
 * trades, quotes and order books.
 *
 * <p>Conventions shared by every record here: times are UTC epoch milliseconds held in a {@code
 * long}; every record names its {@code symbol()} and has an {@code eventTime()}, the moment the
 * information becomes known (for a bar, its close time, not its open time), which is what a replay
 * orders by and what rules out look-ahead. Prices and quantities are exact ({@link
 * dev.tyche.core.num.Price}, {@link dev.tyche.core.num.Quantity}); rates are {@link
 * dev.tyche.core.num.Decimal} plain fractions.
 */
package dev.tyche.core.market;
