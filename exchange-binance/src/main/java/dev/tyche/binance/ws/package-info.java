/**
 * Binance USDⓈ-M WebSocket streams: the raw market-stream client ({@link
 * dev.tyche.binance.ws.MarketStreamClient}) with paced subscriptions, reconnects and rotation; pure
 * decoders ({@link dev.tyche.binance.ws.MarketStreamDecoder}, {@link
 * dev.tyche.binance.ws.DepthDiffDecoder}, {@link dev.tyche.binance.ws.UserDataDecoder}); the local
 * order book ({@link dev.tyche.binance.ws.BookKeeper}); and the user data stream ({@link
 * dev.tyche.binance.ws.UserDataStream}, {@link dev.tyche.binance.ws.ListenKeyClient}).
 */
package dev.tyche.binance.ws;
