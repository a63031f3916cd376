/**
 * The trading engine: {@link dev.tyche.execution.engine.TradingEngine}, a single-threaded event
 * loop that dispatches market events, order events and timers to strategies, passes their orders
 * through the {@link dev.tyche.execution.engine.RiskGate} to the venue, keeps the ledger and the
 * order manager, journals what it does and logs every input and decision ({@link
 * dev.tyche.execution.engine.EventLog}). It runs on the caller's thread for deterministic backtests
 * or on its own thread live.
 */
package dev.tyche.execution.engine;
