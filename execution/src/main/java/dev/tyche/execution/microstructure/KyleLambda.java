package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;

/**
 * Kyle's lambda by rolling least squares: the slope of price changes on signed order flow over the
 * last {@code N} observations.
 *
 * <p>Kyle, "Continuous auctions and insider trading", Econometrica 53(6) (1985), single-auction
 * model: the market maker sets {@code p = mu + lambda (x + u)}, so prices move by {@code lambda}
 * per unit of net order flow; {@code 1 / lambda} is the market's depth. The usual empirical
 * counterpart (see Hasbrouck, "Empirical Market Microstructure", Oxford University Press 2007)
 * regresses, per interval {@code k},
 *
 * <pre>{@code
 * dm_k = alpha + lambda v_k + eps_k
 * }</pre>
 *
 * where {@code dm_k} is the change of the mid over the interval and {@code v_k} the signed volume
 * (buyer-initiated minus seller-initiated, base units) in it. The caller chooses the interval (per
 * trade, per second, per volume bucket) and passes one {@code (v_k, dm_k)} pair per interval. The
 * estimate is ordinary least squares with intercept over the last {@code N} pairs: {@code lambda =
 * S_xy / S_xx} with centred sums, standard error {@code sqrt(s^2 / S_xx)} where {@code s^2 = (S_yy
 * - lambda S_xy) / (N - 2)}.
 *
 * <p>Each update is O(1): raw sums are added and subtracted, and recomputed from the stored pairs
 * once every {@code N} updates so that rounding drift cannot build up. Nothing is allocated after
 * construction.
 *
 * <p>Mutable; confined to one thread.
 */
public final class KyleLambda {
  private final int capacity;
  private final double[] xs;
  private final double[] ys;
  private int next;
  private int size;
  private int sinceRecompute;
  private double sx;
  private double sy;
  private double sxx;
  private double sxy;
  private double syy;

  /**
   * A rolling estimator over the last {@code window} observations.
   *
   * @param window {@code N}, at least 3 (two parameters and one degree of freedom)
   */
  public KyleLambda(int window) {
    if (window < 3) {
      throw new IllegalArgumentException("window must be >= 3 but was " + window);
    }
    this.capacity = window;
    this.xs = new double[window];
    this.ys = new double[window];
  }

  /**
   * Adds one interval's observation, dropping the oldest once {@code N} are held.
   *
   * @param signedVolume {@code v_k}, the signed order flow, finite
   * @param midChange {@code dm_k}, the mid's change over the same interval, finite
   * @throws IllegalArgumentException if a value is not finite
   */
  public void update(double signedVolume, double midChange) {
    Require.finite("signedVolume", signedVolume);
    Require.finite("midChange", midChange);
    if (size == capacity) {
      double ox = xs[next];
      double oy = ys[next];
      sx -= ox;
      sy -= oy;
      sxx -= ox * ox;
      sxy -= ox * oy;
      syy -= oy * oy;
    } else {
      size++;
    }
    xs[next] = signedVolume;
    ys[next] = midChange;
    next = (next + 1) % capacity;
    sx += signedVolume;
    sy += midChange;
    sxx += signedVolume * signedVolume;
    sxy += signedVolume * midChange;
    syy += midChange * midChange;
    if (++sinceRecompute >= capacity) {
      recompute();
    }
  }

  private void recompute() {
    double a = 0;
    double b = 0;
    double c = 0;
    double d = 0;
    double e = 0;
    for (int i = 0; i < size; i++) {
      double x = xs[i];
      double y = ys[i];
      a += x;
      b += y;
      c += x * x;
      d += x * y;
      e += y * y;
    }
    sx = a;
    sy = b;
    sxx = c;
    sxy = d;
    syy = e;
    sinceRecompute = 0;
  }

  /**
   * The number of observations held.
   *
   * @return between 0 and {@code N}
   */
  public int count() {
    return size;
  }

  /**
   * Whether a slope can be estimated: at least 3 observations whose signed volumes are not all
   * equal.
   *
   * @return true if {@link #lambda()} is defined
   */
  public boolean isReady() {
    return size >= 3 && centredSxx() > 0;
  }

  private double centredSxx() {
    return Math.max(0.0, sxx - sx * sx / size);
  }

  private void requireReady() {
    if (!isReady()) {
      throw new IllegalStateException(
          "lambda needs >= 3 observations with varying signed volume but had "
              + size
              + " (centred S_xx "
              + (size == 0 ? 0.0 : centredSxx())
              + ")");
    }
  }

  /**
   * The slope {@code lambda}.
   *
   * @return price units per unit of signed volume
   * @throws IllegalStateException if not {@link #isReady()}
   */
  public double lambda() {
    requireReady();
    return (sxy - sx * sy / size) / centredSxx();
  }

  /**
   * The intercept {@code alpha}.
   *
   * @return price units per interval
   * @throws IllegalStateException if not {@link #isReady()}
   */
  public double intercept() {
    double lambda = lambda();
    return (sy - lambda * sx) / size;
  }

  /**
   * The OLS standard error of {@code lambda}.
   *
   * @return price units per unit of signed volume, zero or positive
   * @throws IllegalStateException if not {@link #isReady()}
   */
  public double lambdaStandardError() {
    double lambda = lambda();
    double cxy = sxy - sx * sy / size;
    double cyy = Math.max(0.0, syy - sy * sy / size);
    double residual = Math.max(0.0, cyy - lambda * cxy);
    return Math.sqrt(residual / (size - 2) / centredSxx());
  }

  /**
   * The coefficient of determination {@code R^2 = lambda S_xy / S_yy}.
   *
   * @return a value in {@code [0, 1]}; 0 if the mid changes are all equal
   * @throws IllegalStateException if not {@link #isReady()}
   */
  public double rSquared() {
    double lambda = lambda();
    double cxy = sxy - sx * sy / size;
    double cyy = syy - sy * sy / size;
    if (!(cyy > 0)) {
      return 0.0;
    }
    return Math.max(0.0, Math.min(1.0, lambda * cxy / cyy));
  }
}
