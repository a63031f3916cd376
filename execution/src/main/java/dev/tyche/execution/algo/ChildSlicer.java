package dev.tyche.execution.algo;

import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Exact splitting of a parent quantity into child quantities on the instrument's step grid.
 *
 * <p>{@link #split} plans slices: slice {@code k} is {@code C_k - C_{k-1}} where the cumulative
 * target {@code C_k = floor_step(X * (w_1 + ... + w_k) / W)} for {@code k < n} and {@code C_n = X}.
 * Rounding the <em>cumulative</em> target (not each slice) keeps every slice on the grid and
 * non-negative, lets no rounding error accumulate, and gives the last slice the remainder, so the
 * slices sum to {@code X} exactly.
 *
 * <p>{@link #nextChild} decides the child actually sent when an algorithm wants more quantity
 * committed; it enforces the minimum child (the instrument's minimum quantity and minimum notional,
 * {@link #minimumChild}) by waiting until enough has accumulated, and merges a remainder that would
 * be too small to send on its own into the current child.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class ChildSlicer {

  private ChildSlicer() {}

  /**
   * Splits {@code total} into {@code weights.length} slices proportional to the weights.
   *
   * @param total the parent quantity, a whole number of steps
   * @param weights the relative slice sizes, finite, {@code >= 0}, not all zero, at least one
   * @param step the grid step, {@code > 0}
   * @return the slices, each on the grid and {@code >= 0}, summing to {@code total} exactly, at the
   *     larger of the two scales
   * @throws IllegalArgumentException if {@code total} is off the grid or the weights are invalid
   */
  public static List<Quantity> split(Quantity total, double[] weights, Quantity step) {
    Objects.requireNonNull(total, "total must not be null");
    Objects.requireNonNull(weights, "weights must not be null");
    Objects.requireNonNull(step, "step must not be null");
    if (step.isZero()) {
      throw new IllegalArgumentException("step must be > 0 but was " + step);
    }
    if (!total.isMultipleOf(step)) {
      throw new IllegalArgumentException(
          "total must be a multiple of step " + step + " but was " + total);
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights must hold at least one slice");
    }
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
        throw new IllegalArgumentException(
            "weights[" + k + "] must be finite and >= 0 but was " + weights[k]);
      }
      sum += weights[k];
    }
    if (!(sum > 0) || !Double.isFinite(sum)) {
      throw new IllegalArgumentException(
          "weights must sum to a finite value > 0 but sum to " + sum);
    }
    int scale = Math.max(total.scale(), step.scale());
    long stepUnits = step.withScale(scale).units();
    long steps = total.withScale(scale).units() / stepUnits;
    List<Quantity> out = new ArrayList<>(weights.length);
    long previous = 0;
    double cumulative = 0;
    for (int k = 0; k < weights.length; k++) {
      cumulative += weights[k];
      long c;
      if (k == weights.length - 1) {
        c = steps;
      } else {
        double exact = steps * (cumulative / sum);
        // Snap values a hair below a whole step (representation noise) before flooring.
        double nearest = Math.rint(exact);
        c = Math.abs(exact - nearest) <= 1e-9 * Math.max(1, exact) ? (long) nearest : (long) exact;
        c = Math.max(previous, Math.min(steps, c));
      }
      out.add(Quantity.of(Math.multiplyExact(c - previous, stepUnits), scale));
      previous = c;
    }
    return List.copyOf(out);
  }

  /**
   * The smallest child the venue accepts at a reference price: the largest of the step, the
   * instrument's minimum quantity and the minimum notional divided by the price, rounded up to the
   * grid.
   *
   * @param instrument the instrument
   * @param reference the price the notional is judged at
   * @return the minimum child, on the grid
   */
  public static Quantity minimumChild(Instrument instrument, Price reference) {
    Objects.requireNonNull(instrument, "instrument must not be null");
    Objects.requireNonNull(reference, "reference must not be null");
    Quantity min = instrument.minQuantity();
    if (min.compareTo(instrument.stepSize()) < 0) {
      min = instrument.stepSize();
    }
    double notional = instrument.minNotional().toDouble();
    if (notional > 0) {
      Quantity byNotional =
          instrument.roundQuantity(notional / reference.toDouble(), GridRounding.UP);
      if (byNotional.compareTo(min) > 0) {
        min = byNotional;
      }
    }
    return min;
  }

  /**
   * The next child to send.
   *
   * <ul>
   *   <li>The child is {@code min(wanted, uncommitted, maxChild)}; it never exceeds {@code
   *       uncommitted}, so the children never exceed the parent.
   *   <li>Below {@code minChild}: nothing is sent (the wish accumulates), unless the algorithm
   *       wants everything that is left ({@code wanted >= uncommitted}) and that rest is itself
   *       below {@code minChild}: then the rest is sent as it is (the venue may reject it; nothing
   *       smaller can be merged into).
   *   <li>If the child would leave a rest {@code 0 < rest < minChild}, the rest is merged into this
   *       child (even past {@code maxChild}), so no unsendable tail remains.
   * </ul>
   *
   * @param wanted how much more the algorithm wants committed now, on the grid
   * @param uncommitted the parent quantity not yet filled nor working, on the grid
   * @param minChild the smallest child to send, {@code > 0}
   * @param maxChild the largest child to send, {@code >= minChild}
   * @return the child, or empty to send nothing now
   */
  public static Optional<Quantity> nextChild(
      Quantity wanted, Quantity uncommitted, Quantity minChild, Quantity maxChild) {
    Objects.requireNonNull(wanted, "wanted must not be null");
    Objects.requireNonNull(uncommitted, "uncommitted must not be null");
    Objects.requireNonNull(minChild, "minChild must not be null");
    Objects.requireNonNull(maxChild, "maxChild must not be null");
    if (minChild.isZero()) {
      throw new IllegalArgumentException("minChild must be > 0 but was " + minChild);
    }
    if (maxChild.compareTo(minChild) < 0) {
      throw new IllegalArgumentException(
          "maxChild must be >= minChild " + minChild + " but was " + maxChild);
    }
    if (uncommitted.isZero() || wanted.isZero()) {
      return Optional.empty();
    }
    Quantity child = wanted.min(uncommitted).min(maxChild);
    if (child.compareTo(minChild) < 0) {
      boolean wantsAll = wanted.compareTo(uncommitted) >= 0;
      return wantsAll && uncommitted.compareTo(minChild) < 0
          ? Optional.of(uncommitted)
          : Optional.empty();
    }
    Quantity rest = uncommitted.minus(child);
    if (!rest.isZero() && rest.compareTo(minChild) < 0) {
      child = uncommitted;
    }
    return Optional.of(child);
  }
}
