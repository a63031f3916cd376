package dev.tyche.strategy.regime.hmm;

/**
 * Streaming forward filter for a fixed {@link GaussianHmm}: one {@link #update} per observation,
 * {@code O(K^2 + K d)} work ({@code O(K d^2)} with full covariances) and no allocation. After
 * {@code t} updates it holds the filtered distribution {@code P(s_t | x_1..x_t)} and the predicted
 * distribution of the next state {@code P(s_{t+1} | x_1..x_t) = filtered A}; before the first
 * update the predicted distribution is the model's initial distribution.
 *
 * <p>It performs exactly the recursion of {@link GaussianHmm#forward} (Rabiner 1989, sec. V.A), so
 * its running {@link #logLikelihood()} equals the batch log-likelihood of the same prefix, and its
 * filtered probabilities never depend on later data.
 *
 * <p>Mutable; confined to one thread.
 */
public final class OnlineHmmFilter {

  private final HmmParameters p;
  private final double[] pred;
  private final double[] filt;
  private final double[] logb;
  private final double[] scratch;
  private final double[] one = new double[1];
  private final double[] shift = new double[1];
  private final double[] rescue;
  private long count;
  private double logLikelihood;

  OnlineHmmFilter(HmmParameters p) {
    this.p = p;
    this.pred = new double[p.k];
    this.filt = new double[p.k];
    this.logb = new double[p.k];
    this.scratch = new double[p.d];
    this.rescue = new double[p.k];
    reset();
  }

  /** Forgets all observations: predicted = initial distribution, log-likelihood 0. */
  public void reset() {
    System.arraycopy(p.pi, 0, pred, 0, p.k);
    System.arraycopy(p.pi, 0, filt, 0, p.k);
    count = 0;
    logLikelihood = 0.0;
  }

  /**
   * Adds one observation of a univariate model.
   *
   * @param x the observation, finite
   * @return {@code ln p(x_t | x_1..x_{t-1})}, the log predictive density of this observation
   * @throws IllegalArgumentException if x is not finite
   * @throws IllegalStateException if the model is multivariate
   */
  public double update(double x) {
    if (p.d != 1) {
      throw new IllegalStateException("update(double) needs a univariate model but d=" + p.d);
    }
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("observation must be finite but was " + x);
    }
    one[0] = x;
    return step(one);
  }

  /**
   * Adds one observation of a (possibly multivariate) model.
   *
   * @param x the observation, length d, finite; not retained
   * @return {@code ln p(x_t | x_1..x_{t-1})}
   * @throws IllegalArgumentException if x has the wrong length or a non-finite entry
   */
  public double update(double[] x) {
    if (x.length != p.d) {
      throw new IllegalArgumentException(
          "observation must have dimension " + p.d + " but had " + x.length);
    }
    for (int j = 0; j < x.length; j++) {
      if (!Double.isFinite(x[j])) {
        throw new IllegalArgumentException("observation[" + j + "] must be finite but was " + x[j]);
      }
    }
    return step(x);
  }

  private double step(double[] x) {
    int k = p.k;
    // The batch pass's arithmetic, step for step, so both agree to the last bit.
    p.logDensities(x, 0, logb, 0, scratch);
    shift[0] = ForwardBackward.shiftDensities(logb, 0, k);
    double s = 0.0;
    for (int j = 0; j < k; j++) {
      double u = pred[j] * logb[j];
      filt[j] = u;
      s += u;
    }
    if (!(s > ForwardBackward.TINY)) {
      s = ForwardBackward.rescueStep(p, x, 0, pred, logb, filt, 0, shift, scratch, rescue);
    }
    double inv = 1.0 / s;
    // As ForwardBackward.forward: the prediction from the unnormalised filter, then scaled.
    for (int j = 0; j < k; j++) {
      double v = 0.0;
      for (int i = 0, r = j; i < k; i++, r += k) {
        v += filt[i] * p.a[r];
      }
      pred[j] = v * inv;
    }
    for (int j = 0; j < k; j++) {
      filt[j] *= inv;
    }
    double lc = Math.log(s) + shift[0];
    logLikelihood += lc;
    count++;
    return lc;
  }

  /**
   * Number of observations seen since construction or {@link #reset()}.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Number of states K.
   *
   * @return K
   */
  public int numStates() {
    return p.k;
  }

  /**
   * Log-likelihood of all observations seen, {@code ln p(x_1..x_t)}; 0 before the first.
   *
   * @return the running log-likelihood
   */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * {@code P(s_t = state | x_1..x_t)} after the latest update (the initial distribution before any
   * update).
   *
   * @param state 0-based state
   * @return the filtered probability
   */
  public double filteredProbability(int state) {
    return filt[checkState(state)];
  }

  /**
   * {@code P(s_{t+1} = state | x_1..x_t)}, the one-step-ahead state distribution.
   *
   * @param state 0-based state
   * @return the predicted probability
   */
  public double predictedProbability(int state) {
    return pred[checkState(state)];
  }

  /**
   * Copies the filtered distribution into {@code out} (allocation-free).
   *
   * @param out array of length at least K
   */
  public void copyFilteredProbabilities(double[] out) {
    System.arraycopy(filt, 0, out, 0, p.k);
  }

  /**
   * Copies the predicted next-state distribution into {@code out} (allocation-free).
   *
   * @param out array of length at least K
   */
  public void copyPredictedProbabilities(double[] out) {
    System.arraycopy(pred, 0, out, 0, p.k);
  }

  private int checkState(int state) {
    if (state < 0 || state >= p.k) {
      throw new IndexOutOfBoundsException("state must be in [0, " + p.k + ") but was " + state);
    }
    return state;
  }
}
