package dev.tyche.backtest.result;

import dev.tyche.strategy.allocation.MarketRegime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A step function of market-regime labels: label {@code i} is in force from {@code times[i]}
 * (inclusive) until {@code times[i + 1]}. Each time must be when the label became known (a filtered
 * regime probability, not a smoothed one), so using it for attribution or shading adds no
 * look-ahead.
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @param times change times, UTC epoch ms, strictly increasing
 * @param labels the label from each time on, same length as {@code times}
 */
public record RegimeSeries(long[] times, List<String> labels) {

  /** Checks order and lengths, and copies. */
  public RegimeSeries {
    Objects.requireNonNull(times, "times must not be null");
    Objects.requireNonNull(labels, "labels must not be null");
    labels = List.copyOf(labels);
    if (times.length != labels.size()) {
      throw new IllegalArgumentException(
          "times and labels must have equal lengths but were "
              + times.length
              + " and "
              + labels.size());
    }
    for (int i = 1; i < times.length; i++) {
      if (times[i] <= times[i - 1]) {
        throw new IllegalArgumentException(
            "times must be strictly increasing but times["
                + i
                + "] = "
                + times[i]
                + " <= "
                + times[i - 1]);
      }
    }
    times = times.clone();
  }

  /**
   * A series of {@link MarketRegime} labels (their enum names).
   *
   * @param times change times
   * @param regimes the regimes
   * @return the series
   */
  public static RegimeSeries ofRegimes(long[] times, List<MarketRegime> regimes) {
    List<String> labels = new ArrayList<>(regimes.size());
    for (MarketRegime r : regimes) {
      labels.add(Objects.requireNonNull(r, "regimes must not contain null").name());
    }
    return new RegimeSeries(times, labels);
  }

  /**
   * The label in force at a time.
   *
   * @param time UTC epoch ms
   * @return the label of the last change at or before {@code time}, or empty before the first
   */
  public Optional<String> labelAt(long time) {
    int i = Arrays.binarySearch(times, time);
    if (i < 0) {
      i = -i - 2;
    }
    return i < 0 ? Optional.empty() : Optional.of(labels.get(i));
  }

  /**
   * The distinct labels in order of first appearance.
   *
   * @return the labels
   */
  public List<String> distinctLabels() {
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      if (!out.contains(l)) {
        out.add(l);
      }
    }
    return out;
  }

  @Override
  public long[] times() {
    return times.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegimeSeries
        && Arrays.equals(times, ((RegimeSeries) o).times)
        && labels.equals(((RegimeSeries) o).labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(times), labels);
  }

  @Override
  public String toString() {
    return "RegimeSeries[" + times.length + " changes]";
  }
}
