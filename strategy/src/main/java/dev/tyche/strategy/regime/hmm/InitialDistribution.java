package dev.tyche.strategy.regime.hmm;

import java.util.Arrays;

/**
 * The distribution of the hidden state at the FIRST observation, {@code pi[k] = P(s_1 = k)}: either
 * given explicitly or the ergodic (stationary) distribution of the transition matrix.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface InitialDistribution {

  /**
   * An explicit initial distribution.
   *
   * @param probabilities one entry per state, each in {@code [0, 1]}, summing to 1 within {@code
   *     1e-9}
   * @return the given distribution
   */
  static InitialDistribution given(double... probabilities) {
    return new Given(probabilities);
  }

  /**
   * The stationary distribution of the model's transition matrix, {@code pi = pi A} (statsmodels'
   * default for {@code MarkovRegression}); see {@link MarkovChains#stationaryDistribution}.
   *
   * @return the ergodic marker
   */
  static InitialDistribution ergodic() {
    return Ergodic.INSTANCE;
  }

  /**
   * An explicit initial distribution.
   *
   * @param probabilities one entry per state, summing to 1; copied on the way in and out
   */
  record Given(double[] probabilities) implements InitialDistribution {
    /** Validates and copies the probabilities. */
    public Given {
      if (probabilities == null) {
        throw new NullPointerException("probabilities must not be null");
      }
      probabilities = probabilities.clone();
      Checks.probabilityVector("initial distribution", probabilities);
    }

    /**
     * The probabilities.
     *
     * @return a copy of the probabilities
     */
    @Override
    public double[] probabilities() {
      return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Given g && Arrays.equals(probabilities, g.probabilities);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
      return "Given" + Arrays.toString(probabilities);
    }
  }

  /** The ergodic (stationary) distribution of the transition matrix. */
  enum Ergodic implements InitialDistribution {
    /** The only instance. */
    INSTANCE
  }
}
