/**
 * Replay of captured Binance USDⓈ-M WebSocket feeds as core events: {@link
 * dev.tyche.binance.feed.FeedReader}.
 */
package dev.tyche.binance.feed;
