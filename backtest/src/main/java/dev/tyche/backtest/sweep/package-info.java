/**
 * Parameter spaces and parallel parameter sweeps.
 *
 * <ul>
 *   <li>{@link dev.tyche.backtest.sweep.ParameterSpace} is an ordered list of named {@link
 *       dev.tyche.backtest.sweep.Dimension}s with discrete values; {@link
 *       dev.tyche.backtest.sweep.ParameterSearch} enumerates it as a full grid or draws a seeded
 *       random subset, each point a {@link dev.tyche.backtest.sweep.ParameterSet}.
 *   <li>{@link dev.tyche.backtest.sweep.ParallelSweep} runs one independent evaluation per input on
 *       a fixed thread pool and returns the outcomes in input order, whatever the completion order,
 *       with per-task exception capture, a progress callback timed by an injected {@link
 *       dev.tyche.core.time.Clock}, and cooperative cancellation.
 * </ul>
 *
 * <p>An evaluation must not share mutable state with other evaluations: in a backtest each task
 * builds its own engine, venue and clock (ARCHITECTURE.md section 4, "one engine = one thread").
 */
package dev.tyche.backtest.sweep;
