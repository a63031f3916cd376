package dev.tyche.strategy.regime.hmm;

/**
 * Output of the scaled forward algorithm on one series: the log-likelihood, the per-step log scale
 * factors and the FILTERED state probabilities {@code P(s_t = k | x_1..x_t)}, which use no data
 * after {@code t}.
 *
 * <p>Indices {@code t} are 0-based positions in the series; states are 0-based.
 *
 * <p>Immutable and thread-safe.
 */
public final class ForwardResult {

  private final int numStates;
  private final double logLikelihood;
  private final double[] logScale;
  private final double[] filtered;

  ForwardResult(int numStates, double logLikelihood, double[] logScale, double[] filtered) {
    this.numStates = numStates;
    this.logLikelihood = logLikelihood;
    this.logScale = logScale;
    this.filtered = filtered;
  }

  /**
   * The log-likelihood {@code ln p(x_1..x_T)} (natural log, full Gaussian density including the
   * {@code 2 pi} constant); the sum of {@link #logScaleFactors()} (Rabiner 1989, eq. 103).
   *
   * @return the log-likelihood
   */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * The Rabiner scaling constants in log form, {@code ln p(x_t | x_1..x_{t-1})} for every t.
   *
   * @return a copy, one entry per observation
   */
  public double[] logScaleFactors() {
    return logScale.clone();
  }

  /**
   * Number of observations T.
   *
   * @return T
   */
  public int length() {
    return logScale.length;
  }

  /**
   * Number of states K.
   *
   * @return K
   */
  public int numStates() {
    return numStates;
  }

  /**
   * {@code P(s_t = state | x_1..x_t)}.
   *
   * @param t 0-based observation index
   * @param state 0-based state
   * @return the filtered probability
   */
  public double filteredProbability(int t, int state) {
    if (t < 0 || t >= logScale.length) {
      throw new IndexOutOfBoundsException("t must be in [0, " + logScale.length + ") but was " + t);
    }
    if (state < 0 || state >= numStates) {
      throw new IndexOutOfBoundsException(
          "state must be in [0, " + numStates + ") but was " + state);
    }
    return filtered[t * numStates + state];
  }

  /**
   * The filtered distribution at one time.
   *
   * @param t 0-based observation index
   * @return a copy, one probability per state, summing to 1
   */
  public double[] filtered(int t) {
    if (t < 0 || t >= logScale.length) {
      throw new IndexOutOfBoundsException("t must be in [0, " + logScale.length + ") but was " + t);
    }
    double[] out = new double[numStates];
    System.arraycopy(filtered, t * numStates, out, 0, numStates);
    return out;
  }

  /**
   * All filtered distributions.
   *
   * @return a new {@code T x K} array
   */
  public double[][] filteredProbabilities() {
    double[][] out = new double[logScale.length][];
    for (int t = 0; t < out.length; t++) {
      out[t] = filtered(t);
    }
    return out;
  }
}
