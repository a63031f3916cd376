package dev.tyche.core.stats;

/**
 * A fixed-capacity ring buffer of the most recent {@code capacity} values with their sum, mean and
 * variance maintained incrementally, for streaming indicators.
 *
 * <p>{@link #add(double)} allocates nothing. The sum is kept with Neumaier's compensated summation.
 * While the buffer fills, the sum of squared deviations follows Welford's update (B. P. Welford,
 * "Note on a method for calculating corrected sums of squares and products", Technometrics 4(3)
 * (1962) 419-420); once it is full, each new value replaces the oldest and the sum of squared
 * deviations moves by {@code (x_new - x_old)(x_new - mean_new + x_old - mean_old)}, the sliding
 * form of the same update, in {@code O(1)}. Rounding errors of a sliding update never leave the
 * running sums, so the window recomputes its sum and squared deviations exactly from the buffer
 * (one fused pass over {@code capacity} values: compensated sum plus the corrected two-pass sum of
 * squares around the running mean) when it first becomes full, every {@code capacity}-th
 * replacement after that, and whenever an update cancels the sum of squares to less than {@code
 * 1e-6} of its largest value since the last recomputation (for example when one outlier leaves a
 * window of otherwise equal values). Error therefore cannot build up for longer than one window,
 * {@code add} is amortised {@code O(1)} for ordinary data, and a full window of equal values
 * reports a variance of exactly 0. An add costs one division (the new mean, kept for {@link
 * #mean()} and reused as the next add's old mean); queries other than {@code min}/{@code max} are
 * {@code O(1)}.
 *
 * <p>Queries {@link #min()} and {@link #max()} scan the buffer ({@code O(capacity)}). Queries that
 * need more values than are held throw {@link IllegalStateException}; {@link #isReady()} says
 * whether the window is full.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RollingWindow {

  private final double[] buffer;
  private int size;

  /** Index of the oldest value once full; the next write position otherwise. */
  private int head;

  /** Neumaier-compensated running sum: {@code sum + compensation} is the sum of the buffer. */
  private double sum;

  private double compensation;

  /**
   * {@code total() / size} as of the latest {@link #add}, 0 when empty: computed once per add and
   * reused both as the next add's old mean and by {@link #mean()}.
   */
  private double mean;

  /** Sum of squared deviations from the mean. */
  private double m2;

  /** Largest {@code m2} since the last exact recomputation, the scale of its rounding error. */
  private double peakM2;

  private int sinceReseed;

  /** Relative size below which a sliding update of {@code m2} is deemed to have cancelled. */
  private static final double COLLAPSE = 1e-6;

  /**
   * Creates an empty window.
   *
   * @param capacity the number of most recent values kept, {@code >= 1}
   * @throws IllegalArgumentException if {@code capacity < 1}
   */
  public RollingWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1 but was " + capacity);
    }
    this.buffer = new double[capacity];
  }

  /**
   * Appends a value; once the window is full the oldest value is dropped.
   *
   * @param x the new value, finite
   * @throws IllegalArgumentException if {@code x} is NaN or infinite (the window is unchanged)
   */
  public void add(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("x must be finite but was " + x);
    }
    double[] b = buffer;
    int cap = b.length;
    double oldMean = mean;
    if (size < cap) {
      // While filling, head stays 0, so the next free slot is at index size.
      b[size++] = x;
      accumulate(x);
      double newMean = total() / size;
      mean = newMean;
      m2 += (x - oldMean) * (x - newMean);
      if (m2 > peakM2) {
        peakM2 = m2;
      }
      if (size == cap) {
        // Start the sliding phase from exact moments (once per fill).
        reseed();
      }
      return;
    }
    int h = head;
    double old = b[h];
    b[h] = x;
    head = h + 1 == cap ? 0 : h + 1;
    accumulate(x);
    accumulate(-old);
    double newMean = total() / cap;
    mean = newMean;
    if (++sinceReseed >= cap) {
      reseed();
      return;
    }
    double updated = m2 + (x - old) * (x - newMean + old - oldMean);
    if (updated < peakM2 * COLLAPSE) {
      // The update cancelled most of a much larger sum of squares, so its absolute rounding error
      // (relative to that larger sum) would swamp the small remainder: recompute exactly. This
      // test also catches a negative result, so no clamp at 0 is needed below.
      reseed();
      return;
    }
    m2 = updated;
    if (updated > peakM2) {
      peakM2 = updated;
    }
  }

  /** Removes every value; the capacity is kept. */
  public void clear() {
    size = 0;
    head = 0;
    sum = 0.0;
    compensation = 0.0;
    mean = 0.0;
    m2 = 0.0;
    peakM2 = 0.0;
    sinceReseed = 0;
  }

  /**
   * The fixed capacity given at construction.
   *
   * @return the capacity, {@code >= 1}
   */
  public int capacity() {
    return buffer.length;
  }

  /**
   * The number of values held, at most {@link #capacity()}.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Whether the window is full, that is {@code size() == capacity()}.
   *
   * @return true once {@code capacity} values have been added since creation or {@link #clear()}
   */
  public boolean isReady() {
    return size == buffer.length;
  }

  /**
   * The {@code i}-th held value, oldest first.
   *
   * @param i index in {@code [0, size())}; 0 is the oldest, {@code size() - 1} the newest
   * @return the value
   * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, size())}
   */
  public double get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("i must be in [0, " + size + ") but was " + i);
    }
    return buffer[(head + i) % buffer.length];
  }

  /**
   * The most recently added value.
   *
   * @return the newest value
   * @throws IllegalStateException if the window is empty
   */
  public double latest() {
    requireSize(1);
    return get(size - 1);
  }

  /**
   * The held values, oldest first, as a new array (allocates; not for hot paths).
   *
   * @return a copy of the window contents
   */
  public double[] toArray() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = get(i);
    }
    return out;
  }

  /**
   * Sum of the held values (0 when empty).
   *
   * @return the sum
   */
  public double sum() {
    return total();
  }

  /**
   * Mean of the held values.
   *
   * @return the mean
   * @throws IllegalStateException if the window is empty
   */
  public double mean() {
    requireSize(1);
    return mean;
  }

  /**
   * Sample variance of the held values, divisor {@code size() - 1}.
   *
   * @return the sample variance, {@code >= 0}
   * @throws IllegalStateException if fewer than 2 values are held
   */
  public double sampleVariance() {
    requireSize(2);
    return m2 / (size - 1);
  }

  /**
   * Population variance of the held values, divisor {@code size()}.
   *
   * @return the population variance, {@code >= 0}
   * @throws IllegalStateException if the window is empty
   */
  public double populationVariance() {
    requireSize(1);
    return m2 / size;
  }

  /**
   * Sample standard deviation (divisor {@code size() - 1}).
   *
   * @return the sample standard deviation, {@code >= 0}
   * @throws IllegalStateException if fewer than 2 values are held
   */
  public double sampleStandardDeviation() {
    return Math.sqrt(sampleVariance());
  }

  /**
   * Population standard deviation (divisor {@code size()}).
   *
   * @return the population standard deviation, {@code >= 0}
   * @throws IllegalStateException if the window is empty
   */
  public double populationStandardDeviation() {
    return Math.sqrt(populationVariance());
  }

  /**
   * Smallest held value, by an {@code O(capacity)} scan.
   *
   * @return the minimum
   * @throws IllegalStateException if the window is empty
   */
  public double min() {
    requireSize(1);
    double m = Double.POSITIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      m = Math.min(m, get(i));
    }
    return m;
  }

  /**
   * Largest held value, by an {@code O(capacity)} scan.
   *
   * @return the maximum
   * @throws IllegalStateException if the window is empty
   */
  public double max() {
    requireSize(1);
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      m = Math.max(m, get(i));
    }
    return m;
  }

  /**
   * Recomputes the sum and the sum of squared deviations from the buffer in one pass: Neumaier's
   * compensated sum, and the corrected two-pass sum of squares of T. F. Chan, G. H. Golub and R. J.
   * LeVeque, "Algorithms for computing the sample variance: analysis and recommendations", The
   * American Statistician 37(3) (1983) 242-247, eq. 1.7, {@code sum d^2 - (sum d)^2 / n} with
   * {@code d = x - mean}. Its first pass (the mean) is taken from the running compensated sum,
   * which already includes the newest value and is accurate to a few units in the last place; the
   * correction term {@code (sum d)^2 / n} removes the first-order effect of what error it has. A
   * window of equal values gets exactly 0.
   */
  private void reseed() {
    sinceReseed = 0;
    double[] b = buffer;
    int n = b.length;
    double shift = mean;
    double first = b[0];
    boolean equal = true;
    double s = 0.0;
    double c = 0.0;
    double squares = 0.0;
    double deviations = 0.0;
    for (double v : b) {
      double t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      s = t;
      double d = v - shift;
      squares += d * d;
      deviations += d;
      equal &= v == first;
    }
    sum = s;
    compensation = c;
    mean = (s + c) / n;
    m2 = equal ? 0.0 : Math.max(0.0, squares - deviations * deviations / n);
    peakM2 = m2;
  }

  private double total() {
    return sum + compensation;
  }

  /** One step of Neumaier's compensated summation. */
  private void accumulate(double v) {
    double t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }

  private void requireSize(int needed) {
    if (size < needed) {
      throw new IllegalStateException(
          "the window needs at least " + needed + " values but holds " + size);
    }
  }

  @Override
  public String toString() {
    return "RollingWindow[capacity=" + buffer.length + ", size=" + size + "]";
  }
}
