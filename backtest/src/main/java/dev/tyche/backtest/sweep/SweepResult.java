package dev.tyche.backtest.sweep;

import java.util.List;
import java.util.Objects;

/**
 * The outcomes of a {@link ParallelSweep}, one per input and in input order.
 *
 * <p>Immutable and thread-safe if the inputs and values are.
 *
 * @param <P> the input type
 * @param <R> the value type
 * @param outcomes the outcomes, {@code outcomes.get(i).index() == i}
 * @param elapsedMillis milliseconds from start to end of the sweep by the sweep's clock, {@code >=
 *     0}
 */
public record SweepResult<P, R>(List<TaskOutcome<P, R>> outcomes, long elapsedMillis) {

  /** Copies the outcomes and checks they are in index order. */
  public SweepResult {
    outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).index() != i) {
        throw new IllegalArgumentException(
            "outcomes[" + i + "] must have index " + i + " but had " + outcomes.get(i).index());
      }
    }
    if (elapsedMillis < 0) {
      throw new IllegalArgumentException("elapsedMillis must be >= 0 but was " + elapsedMillis);
    }
  }

  /**
   * Whether every task succeeded.
   *
   * @return true if no task failed or was cancelled
   */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(o -> o.status() == TaskOutcome.Status.SUCCEEDED);
  }

  /**
   * Number of tasks that ended with the given status.
   *
   * @param status the status
   * @return the count
   */
  public int count(TaskOutcome.Status status) {
    return (int) outcomes.stream().filter(o -> o.status() == status).count();
  }

  /**
   * The values in input order, when every task succeeded.
   *
   * @return the values
   * @throws IllegalStateException for the first task that failed (its exception as the cause) or
   *     was cancelled
   */
  public List<R> valuesOrThrow() {
    return outcomes.stream().map(TaskOutcome::valueOrThrow).toList();
  }
}
