package dev.tyche.backtest.walkforward;

import dev.tyche.backtest.sweep.ParallelSweep;
import dev.tyche.backtest.sweep.ParameterSearch;
import dev.tyche.backtest.sweep.ParameterSet;
import dev.tyche.backtest.sweep.ParameterSpace;
import dev.tyche.backtest.sweep.SweepResult;
import dev.tyche.backtest.sweep.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walk-forward analysis (R. Pardo, <i>The Evaluation and Optimization of Trading Strategies</i>,
 * 2nd ed., Wiley 2008, ch. 11): for each window of a {@link WindowSpec}, search the parameter space
 * on the training periods, keep the parameters with the best in-sample score, run them on the test
 * periods, and stitch the test returns of all windows into one out-of-sample (OOS) series.
 *
 * <p><b>Procedure per window.</b>
 *
 * <ol>
 *   <li>Candidates: {@code search.candidates(space)}, the same list for every window.
 *   <li>In-sample: each candidate is evaluated on each training range separately (an embargo can
 *       split training into several ranges; each range is one {@link Evaluator} call, which may
 *       warm up on earlier data); the returns of the ranges are concatenated in time order and
 *       scored with the objective.
 *   <li>Choice: the highest in-sample score wins; a NaN score ranks below every number; on ties the
 *       candidate earlier in the search order wins. If every score is NaN the first candidate is
 *       chosen and its in-sample score is NaN.
 *   <li>Out-of-sample: the chosen parameters are evaluated once on the test range; its returns are
 *       appended to the stitched OOS series and scored.
 * </ol>
 *
 * <p>With a {@link ParallelSweep} ({@link #withSweep}) the in-sample candidates of a window are
 * evaluated in parallel; the result is identical to the sequential run because the choice is made
 * on the outcomes in candidate order. An evaluator exception aborts the analysis with an {@link
 * IllegalStateException} naming the window, range and parameters.
 *
 * <p>Immutable and thread-safe; the evaluator decides whether concurrent runs are safe.
 */
public final class WalkForward {

  private final WindowSpec windows;
  private final ParameterSpace space;
  private final ParameterSearch search;
  private final Objective objective;
  private final Optional<ParallelSweep> sweep;

  /**
   * A sequential walk-forward analysis.
   *
   * @param windows the window layout
   * @param space the parameter space
   * @param search how the space is searched in-sample
   * @param objective the score to maximise in-sample and to report
   */
  public WalkForward(
      WindowSpec windows, ParameterSpace space, ParameterSearch search, Objective objective) {
    this(windows, space, search, objective, Optional.empty());
  }

  private WalkForward(
      WindowSpec windows,
      ParameterSpace space,
      ParameterSearch search,
      Objective objective,
      Optional<ParallelSweep> sweep) {
    this.windows = Objects.requireNonNull(windows, "windows");
    this.space = Objects.requireNonNull(space, "space");
    this.search = Objects.requireNonNull(search, "search");
    this.objective = Objects.requireNonNull(objective, "objective");
    this.sweep = sweep;
  }

  /**
   * A copy that evaluates in-sample candidates with the given sweep.
   *
   * @param parallelSweep the sweep
   * @return the copy
   */
  public WalkForward withSweep(ParallelSweep parallelSweep) {
    return new WalkForward(
        windows, space, search, objective, Optional.of(Objects.requireNonNull(parallelSweep)));
  }

  /**
   * Runs the analysis over periods {@code 0..totalPeriods-1}; OOS timestamps are the indices.
   *
   * @param totalPeriods the number of periods
   * @param evaluator the strategy evaluation
   * @return the result
   * @throws IllegalArgumentException if no window fits in {@code totalPeriods}
   * @throws IllegalStateException if an evaluation fails or breaks the {@link Evaluator} contract
   */
  public WalkForwardResult run(int totalPeriods, Evaluator evaluator) {
    long[] indices = new long[Math.max(0, totalPeriods)];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = i;
    }
    return run(indices, evaluator);
  }

  /**
   * Runs the analysis over the periods with the given timestamps (period {@code i} has timestamp
   * {@code periodTimestamps[i]}, for example the bar open time in UTC epoch milliseconds).
   *
   * @param periodTimestamps one timestamp per period, strictly increasing
   * @param evaluator the strategy evaluation, called with period indices
   * @return the result
   * @throws IllegalArgumentException if the timestamps are not strictly increasing or no window
   *     fits
   * @throws IllegalStateException if an evaluation fails or breaks the {@link Evaluator} contract
   */
  public WalkForwardResult run(long[] periodTimestamps, Evaluator evaluator) {
    Objects.requireNonNull(periodTimestamps, "periodTimestamps");
    Objects.requireNonNull(evaluator, "evaluator");
    for (int i = 1; i < periodTimestamps.length; i++) {
      if (periodTimestamps[i] <= periodTimestamps[i - 1]) {
        throw new IllegalArgumentException(
            "periodTimestamps must be strictly increasing but ["
                + (i - 1)
                + "] = "
                + periodTimestamps[i - 1]
                + " and ["
                + i
                + "] = "
                + periodTimestamps[i]);
      }
    }
    List<Window> layout = windows.windows(periodTimestamps.length);
    List<ParameterSet> candidates = search.candidates(space);
    List<WindowResult> results = new ArrayList<>(layout.size());
    int oosCount = 0;
    for (Window w : layout) {
      oosCount += w.test().length();
    }
    int[] periods = new int[oosCount];
    long[] stamps = new long[oosCount];
    double[] returns = new double[oosCount];
    int k = 0;
    for (Window w : layout) {
      double[] isScores = inSampleScores(w, candidates, evaluator);
      int best = 0;
      for (int c = 1; c < isScores.length; c++) {
        if (Objective.better(isScores[c], isScores[best])) {
          best = c;
        }
      }
      ParameterSet chosen = candidates.get(best);
      PeriodReturns test = call(evaluator, w, chosen, w.test());
      double[] r = test.returns();
      results.add(
          new WindowResult(w, chosen, isScores[best], objective.score(r), candidates.size(), test));
      for (int i = 0; i < r.length; i++) {
        periods[k] = w.test().from() + i;
        stamps[k] = periodTimestamps[periods[k]];
        returns[k] = r[i];
        k++;
      }
    }
    return new WalkForwardResult(results, periods, stamps, returns, objective.score(returns));
  }

  private double[] inSampleScores(Window w, List<ParameterSet> candidates, Evaluator evaluator) {
    double[] scores = new double[candidates.size()];
    if (sweep.isEmpty()) {
      for (int c = 0; c < scores.length; c++) {
        scores[c] = inSampleScore(w, candidates.get(c), evaluator);
      }
      return scores;
    }
    SweepResult<ParameterSet, Double> outcomes =
        sweep.get().run(candidates, p -> inSampleScore(w, p, evaluator));
    for (TaskOutcome<ParameterSet, Double> o : outcomes.outcomes()) {
      if (o.status() != TaskOutcome.Status.SUCCEEDED) {
        Throwable cause = o.error().orElse(null);
        if (cause instanceof IllegalStateException ise) {
          throw ise;
        }
        throw new IllegalStateException(
            "in-sample evaluation of " + o.input() + " in window " + w.index() + " failed", cause);
      }
      scores[o.index()] = o.value().orElseThrow();
    }
    return scores;
  }

  private double inSampleScore(Window w, ParameterSet p, Evaluator evaluator) {
    double[] all = new double[w.trainPeriods()];
    int k = 0;
    for (IndexRange r : w.train()) {
      double[] part = call(evaluator, w, p, r).returns();
      System.arraycopy(part, 0, all, k, part.length);
      k += part.length;
    }
    return objective.score(all);
  }

  private static PeriodReturns call(
      Evaluator evaluator, Window w, ParameterSet p, IndexRange range) {
    PeriodReturns out;
    try {
      out = evaluator.evaluate(p, range.from(), range.to());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "evaluation of " + p + " on " + range + " in window " + w.index() + " failed", e);
    }
    if (out == null || out.length() != range.length()) {
      throw new IllegalStateException(
          "evaluation of "
              + p
              + " on "
              + range
              + " in window "
              + w.index()
              + " must return "
              + range.length()
              + " returns but returned "
              + (out == null ? "null" : out.length()));
    }
    return out;
  }
}
