package dev.tyche.backtest.sweep;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one task of a {@link ParallelSweep}: its position in the input list, its input,
 * and either its value ({@link Status#SUCCEEDED}), the exception it threw ({@link Status#FAILED}),
 * or neither ({@link Status#CANCELLED}: it was not started because the sweep was cancelled).
 *
 * <p>Immutable and thread-safe if the input and value are.
 *
 * @param <P> the input type
 * @param <R> the value type
 * @param index the position of the input in the sweep's input list, {@code >= 0}
 * @param input the input
 * @param status how the task ended
 * @param value the value when {@code SUCCEEDED}, else empty
 * @param error the exception when {@code FAILED}, else empty
 */
public record TaskOutcome<P, R>(
    int index, P input, Status status, Optional<R> value, Optional<Throwable> error) {

  /** How a task ended. */
  public enum Status {
    /** The task returned a value. */
    SUCCEEDED,
    /** The task threw an exception, captured in {@link TaskOutcome#error()}. */
    FAILED,
    /** The task was not started because the sweep was cancelled. */
    CANCELLED
  }

  /** Checks that value and error match the status. */
  public TaskOutcome {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0 but was " + index);
    }
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(error, "error");
    if (value.isPresent() != (status == Status.SUCCEEDED)
        || error.isPresent() != (status == Status.FAILED)) {
      throw new IllegalArgumentException(
          "a "
              + status
              + " outcome must have "
              + (status == Status.SUCCEEDED ? "a value" : "no value")
              + " and "
              + (status == Status.FAILED ? "an error" : "no error")
              + " but had value="
              + value.isPresent()
              + ", error="
              + error.isPresent());
    }
  }

  /**
   * The value of a successful task.
   *
   * @return the value
   * @throws IllegalStateException if the task failed (the task's exception is the cause) or was
   *     cancelled
   */
  public R valueOrThrow() {
    if (status == Status.SUCCEEDED) {
      return value.orElseThrow();
    }
    throw new IllegalStateException(
        "task " + index + " (" + input + ") " + status, error.orElse(null));
  }
}
