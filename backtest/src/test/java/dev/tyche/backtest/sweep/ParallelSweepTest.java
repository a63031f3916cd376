package dev.tyche.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelSweepTest {

  /** A thread-safe clock that advances 10 ms on every read. */
  private static Clock tickingClock() {
    AtomicLong now = new AtomicLong(1_000);
    return () -> now.getAndAdd(10);
  }

  @Test
  void outcomesFollowInputOrderEvenWhenCompletionOrderDiffers() {
    List<Integer> inputs = IntStream.range(0, 12).boxed().toList();
    // Early inputs wait until the last input has finished, forcing reverse-ish completion.
    CountDownLatch lastDone = new CountDownLatch(1);
    SweepResult<Integer, String> result =
        new ParallelSweep(4, tickingClock())
            .run(
                inputs,
                i -> {
                  if (i == 11) {
                    lastDone.countDown();
                  } else if (i < 3) {
                    try {
                      assertThat(lastDone.await(10, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                  return "v" + i * i;
                });
    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.valuesOrThrow())
        .containsExactlyElementsOf(inputs.stream().map(i -> "v" + i * i).toList());
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(result.outcomes().get(i).index()).isEqualTo(i);
      assertThat(result.outcomes().get(i).input()).isEqualTo(i);
    }
    assertThat(result.elapsedMillis()).isPositive();
  }

  @Test
  void exceptionsAreCapturedPerTaskAndOthersStillRun() {
    SweepResult<Integer, Integer> result =
        new ParallelSweep(3, tickingClock())
            .run(
                List.of(1, 2, 3, 4, 5),
                i -> {
                  if (i % 2 == 0) {
                    throw new IllegalArgumentException("even " + i);
                  }
                  return i * 10;
                });
    assertThat(result.count(TaskOutcome.Status.SUCCEEDED)).isEqualTo(3);
    assertThat(result.count(TaskOutcome.Status.FAILED)).isEqualTo(2);
    assertThat(result.allSucceeded()).isFalse();
    TaskOutcome<Integer, Integer> failed = result.outcomes().get(1);
    assertThat(failed.status()).isEqualTo(TaskOutcome.Status.FAILED);
    assertThat(failed.error()).get().extracting(Throwable::getMessage).isEqualTo("even 2");
    assertThat(result.outcomes().get(2).valueOrThrow()).isEqualTo(30);
    assertThatThrownBy(failed::valueOrThrow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("task 1")
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(result::valuesOrThrow).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nullValueIsAFailure() {
    SweepResult<Integer, Object> result =
        new ParallelSweep(1, tickingClock()).run(List.of(7), i -> null);
    assertThat(result.outcomes().get(0).status()).isEqualTo(TaskOutcome.Status.FAILED);
    assertThat(result.outcomes().get(0).error().orElseThrow())
        .hasMessageContaining("returned null");
  }

  @Test
  void progressIsSerialisedMonotoneAndTimedByTheClock() {
    List<long[]> calls = new ArrayList<>();
    AtomicLong now = new AtomicLong(500);
    Clock clock = () -> now.addAndGet(7);
    SweepResult<Integer, Integer> result =
        new ParallelSweep(4, clock)
            .run(
                IntStream.range(0, 40).boxed().toList(),
                i -> i + 1,
                (done, total, elapsed) -> calls.add(new long[] {done, total, elapsed}),
                new SweepCancellation());
    assertThat(result.allSucceeded()).isTrue();
    assertThat(calls).hasSize(40);
    long previousElapsed = -1;
    for (int k = 0; k < calls.size(); k++) {
      assertThat(calls.get(k)[0]).isEqualTo(k + 1);
      assertThat(calls.get(k)[1]).isEqualTo(40);
      // The clock advances on every read and reads happen under the progress lock.
      assertThat(calls.get(k)[2]).isGreaterThan(previousElapsed);
      previousElapsed = calls.get(k)[2];
    }
  }

  @Test
  void cancellationSkipsTasksNotYetStarted() {
    SweepCancellation cancel = new SweepCancellation();
    SweepResult<Integer, Integer> result =
        new ParallelSweep(1, tickingClock())
            .run(
                IntStream.range(0, 10).boxed().toList(),
                i -> i,
                (done, total, elapsed) -> {
                  if (done == 3) {
                    cancel.cancel();
                  }
                },
                cancel);
    assertThat(cancel.isCancelled()).isTrue();
    assertThat(result.count(TaskOutcome.Status.SUCCEEDED)).isEqualTo(3);
    assertThat(result.count(TaskOutcome.Status.CANCELLED)).isEqualTo(7);
    assertThat(result.outcomes().get(3).value()).isEmpty();
    assertThatThrownBy(() -> result.outcomes().get(5).valueOrThrow())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CANCELLED");
  }

  @Test
  void errorsAbortTheSweep() {
    ParallelSweep sweep = new ParallelSweep(2, tickingClock());
    assertThatThrownBy(
            () ->
                sweep.run(
                    List.of(1, 2),
                    i -> {
                      throw new AssertionError("boom " + i);
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(AssertionError.class);
  }

  @Test
  void interruptedCallerCancelsAndThrows() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Throwable[] thrown = new Throwable[1];
    boolean[] interruptedAfter = new boolean[1];
    Thread caller =
        new Thread(
            () -> {
              try {
                new ParallelSweep(1, tickingClock())
                    .run(
                        List.of(1, 2, 3),
                        i -> {
                          started.countDown();
                          try {
                            release.await(10, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return i;
                        });
              } catch (RuntimeException e) {
                thrown[0] = e;
                interruptedAfter[0] = Thread.currentThread().isInterrupted();
              }
            });
    caller.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(10_000);
    release.countDown();
    assertThat(thrown[0]).isInstanceOf(java.util.concurrent.CancellationException.class);
    assertThat(interruptedAfter[0]).isTrue();
  }

  @Test
  void emptyInputAndConfiguration() {
    ParallelSweep sweep = ParallelSweep.withAvailableProcessors(tickingClock());
    assertThat(sweep.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    SweepResult<Integer, Integer> empty = sweep.run(List.of(), i -> i);
    assertThat(empty.outcomes()).isEmpty();
    assertThat(empty.allSucceeded()).isTrue();
  }

  @Test
  void badInputIsRejected() {
    Clock clock = tickingClock();
    assertThatThrownBy(() -> new ParallelSweep(0, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be >= 1 but was 0");
    assertThatThrownBy(() -> new ParallelSweep(1, null)).isInstanceOf(NullPointerException.class);
    ParallelSweep sweep = new ParallelSweep(1, clock);
    assertThatThrownBy(() -> sweep.run(null, i -> i)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> sweep.run(List.of(1), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new TaskOutcome<>(
                    0,
                    "x",
                    TaskOutcome.Status.SUCCEEDED,
                    java.util.Optional.empty(),
                    java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SUCCEEDED");
    assertThatThrownBy(() -> new SweepResult<>(List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
