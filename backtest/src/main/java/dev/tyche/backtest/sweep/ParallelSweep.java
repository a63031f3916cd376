package dev.tyche.backtest.sweep;

import dev.tyche.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one independent task per input on a fixed pool of threads and returns the outcomes in input
 * order.
 *
 * <p><b>Contract.</b>
 *
 * <ul>
 *   <li>One task per input; a task must not share mutable state with other tasks (a backtest task
 *       builds its own engine, venue and clock). Under that condition the values are the same as a
 *       sequential loop over the inputs, whatever the thread count and completion order.
 *   <li>Outcome {@code i} belongs to input {@code i}. An exception thrown by a task is captured in
 *       its outcome ({@link TaskOutcome.Status#FAILED}) and does not stop the other tasks. Errors
 *       ({@link Error}) are not captured: they propagate from {@link #run} as the cause of an
 *       {@link IllegalStateException}.
 *   <li>Progress is reported after every task through {@link SweepProgress}, serialised; elapsed
 *       time comes from the injected {@link Clock}, never from the wall clock. The clock is read
 *       from worker threads, so it must be thread-safe ({@code SystemClock} is).
 *   <li>Cancellation through {@link SweepCancellation} is cooperative: tasks not yet started end as
 *       {@link TaskOutcome.Status#CANCELLED}; running tasks finish. If the calling thread is
 *       interrupted while waiting, the sweep is cancelled, the pool is shut down with interrupts,
 *       the interrupt flag is restored and a {@link CancellationException} is thrown.
 * </ul>
 *
 * <p>Each call to {@link #run} creates its own pool of daemon threads and shuts it down before
 * returning, so a sweep object holds no threads between runs.
 *
 * <p>Immutable and thread-safe; each {@code run} is independent.
 */
public final class ParallelSweep {

  private final int threads;
  private final Clock clock;

  /**
   * A sweep with the given number of worker threads.
   *
   * @param threads the number of worker threads, {@code >= 1}
   * @param clock the clock that times progress; read from worker threads, so thread-safe
   */
  public ParallelSweep(int threads, Clock clock) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
    }
    this.threads = threads;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A sweep with one worker thread per available processor ({@link Runtime#availableProcessors()}).
   *
   * @param clock the clock that times progress; read from worker threads, so thread-safe
   * @return the sweep
   */
  public static ParallelSweep withAvailableProcessors(Clock clock) {
    return new ParallelSweep(Runtime.getRuntime().availableProcessors(), clock);
  }

  /**
   * Number of worker threads.
   *
   * @return the thread count, {@code >= 1}
   */
  public int threads() {
    return threads;
  }

  /**
   * Runs every task without progress reporting or cancellation.
   *
   * @param <P> the input type
   * @param <R> the value type
   * @param inputs the inputs, non-null elements; may be empty
   * @param task the task, applied once to each input
   * @return the outcomes in input order
   */
  public <P, R> SweepResult<P, R> run(List<P> inputs, Function<? super P, ? extends R> task) {
    return run(inputs, task, SweepProgress.NONE, new SweepCancellation());
  }

  /**
   * Runs every task, reporting progress and honouring cancellation.
   *
   * @param <P> the input type
   * @param <R> the value type
   * @param inputs the inputs, non-null elements; may be empty
   * @param task the task, applied once to each input; a null value counts as a failure
   * @param progress called after each task, serialised
   * @param cancellation checked before each task starts
   * @return the outcomes in input order
   * @throws CancellationException if the calling thread is interrupted while waiting
   * @throws IllegalStateException if a task threw an {@link Error}, or the progress callback threw
   */
  public <P, R> SweepResult<P, R> run(
      List<P> inputs,
      Function<? super P, ? extends R> task,
      SweepProgress progress,
      SweepCancellation cancellation) {
    List<P> in = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancellation, "cancellation");
    int total = in.size();
    long start = clock.currentTimeMillis();
    if (total == 0) {
      return new SweepResult<>(List.of(), 0);
    }
    Object progressLock = new Object();
    int[] done = {0};
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), daemonThreads());
    List<Future<TaskOutcome<P, R>>> futures = new ArrayList<>(total);
    try {
      for (int i = 0; i < total; i++) {
        int index = i;
        P input = in.get(i);
        futures.add(
            pool.submit(
                () -> {
                  TaskOutcome<P, R> outcome = runOne(index, input, task, cancellation);
                  synchronized (progressLock) {
                    done[0]++;
                    progress.onProgress(done[0], total, clock.currentTimeMillis() - start);
                  }
                  return outcome;
                }));
      }
      List<TaskOutcome<P, R>> outcomes = new ArrayList<>(total);
      for (Future<TaskOutcome<P, R>> f : futures) {
        outcomes.add(f.get());
      }
      return new SweepResult<>(outcomes, Math.max(0, clock.currentTimeMillis() - start));
    } catch (InterruptedException e) {
      cancellation.cancel();
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      CancellationException ce = new CancellationException("sweep interrupted while waiting");
      ce.initCause(e);
      throw ce;
    } catch (ExecutionException e) {
      cancellation.cancel();
      throw new IllegalStateException(
          "sweep aborted: a task threw an Error or the progress callback failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static <P, R> TaskOutcome<P, R> runOne(
      int index, P input, Function<? super P, ? extends R> task, SweepCancellation cancellation) {
    if (cancellation.isCancelled()) {
      return new TaskOutcome<>(
          index, input, TaskOutcome.Status.CANCELLED, Optional.empty(), Optional.empty());
    }
    try {
      R value = Objects.requireNonNull(task.apply(input), () -> "task " + index + " returned null");
      return new TaskOutcome<>(
          index, input, TaskOutcome.Status.SUCCEEDED, Optional.of(value), Optional.empty());
    } catch (RuntimeException e) {
      return new TaskOutcome<>(
          index, input, TaskOutcome.Status.FAILED, Optional.empty(), Optional.of(e));
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "tyche-sweep-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
