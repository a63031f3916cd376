/**
 * Historical market data for backtests: {@link dev.tyche.backtest.feed.HistoricalFeed} streams
 * events in event-time order, {@link dev.tyche.backtest.feed.HistoricalFeeds} builds feeds from
 * bars, trades, depth captures, funding-rate and mark-price series, and {@link
 * dev.tyche.backtest.feed.MergedFeed} merges several feeds by event time with a documented,
 * deterministic tie-break.
 */
package dev.tyche.backtest.feed;
