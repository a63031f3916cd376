package dev.tyche.strategy.regime.hmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the HMM inference and fit, on seeded random models and series. */
class GaussianHmmProperties {

  /** No look-ahead: the filtered distribution at t is the same with or without data after t. */
  @Property(tries = 200)
  void filteredProbabilitiesIgnoreLaterData(
      @ForAll @IntRange(min = 1, max = 4) int k,
      @ForAll @IntRange(min = 2, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 59) int cut,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    GaussianHmm m = HmmTestData.randomModel(k, seed, seed % 2 == 0);
    double[] x = HmmTestData.simulate(m, n, seed + 1, null);
    int t = cut % n;
    double[] prefix = java.util.Arrays.copyOf(x, t + 1);
    ForwardResult full = m.forward(x);
    ForwardResult part = m.forward(prefix);
    for (int u = 0; u <= t; u++) {
      assertThat(part.filtered(u)).containsExactly(full.filtered(u));
    }
    // Changing every later observation does not change anything up to t either.
    double[] changed = x.clone();
    for (int u = t + 1; u < n; u++) {
      changed[u] = -3.0 * changed[u] + 7.0;
    }
    ForwardResult alt = m.forward(changed);
    for (int u = 0; u <= t; u++) {
      assertThat(alt.filtered(u)).containsExactly(full.filtered(u));
    }
  }

  @Property(tries = 200)
  void filteredAndSmoothedProbabilitiesSumToOne(
      @ForAll @IntRange(min = 1, max = 5) int k,
      @ForAll @IntRange(min = 1, max = 80) int n,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    GaussianHmm m = HmmTestData.randomModel(k, seed, false);
    double[] x = HmmTestData.simulate(m, n, seed ^ 0x5DEECE66DL, null);
    ForwardResult f = m.forward(x);
    double[][] s = m.smoothedProbabilitiesUsingFutureData(x);
    for (int t = 0; t < n; t++) {
      double sf = 0.0;
      double ss = 0.0;
      for (int j = 0; j < k; j++) {
        assertThat(f.filteredProbability(t, j)).isBetween(0.0, 1.0);
        sf += f.filteredProbability(t, j);
        ss += s[t][j];
      }
      assertThat(sf).isCloseTo(1.0, within(1e-12));
      assertThat(ss).isCloseTo(1.0, within(1e-12));
    }
    // The last smoothed distribution is the last filtered one.
    assertThat(s[n - 1]).containsExactly(f.filtered(n - 1), within(1e-12));
  }

  @Property(tries = 200)
  void onlineFilterEqualsBatchForward(
      @ForAll @IntRange(min = 1, max = 4) int k,
      @ForAll @IntRange(min = 1, max = 80) int n,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    GaussianHmm m = HmmTestData.randomModel(k, seed, seed % 3 == 0);
    double[] x = HmmTestData.simulate(m, n, seed + 17, null);
    ForwardResult batch = m.forward(x);
    OnlineHmmFilter f = m.onlineFilter();
    double[] filt = new double[k];
    double[] pred = new double[k];
    double[][] a = m.transitionMatrix();
    for (int t = 0; t < n; t++) {
      double lc = f.update(x[t]);
      assertThat(lc).isEqualTo(batch.logScaleFactors()[t]);
      f.copyFilteredProbabilities(filt);
      assertThat(filt).containsExactly(batch.filtered(t));
      f.copyPredictedProbabilities(pred);
      for (int j = 0; j < k; j++) {
        double p = 0.0;
        for (int i = 0; i < k; i++) {
          p += filt[i] * a[i][j];
        }
        assertThat(pred[j]).isCloseTo(p, within(1e-15));
      }
    }
    assertThat(f.logLikelihood())
        .isCloseTo(batch.logLikelihood(), within(1e-10 * (1 + Math.abs(batch.logLikelihood()))));
    assertThat(f.count()).isEqualTo(n);
  }

  /** Viterbi and the forward likelihood against enumeration of all K^T paths. */
  @Property(tries = 150)
  void viterbiAndLikelihoodEqualBruteForce(
      @ForAll @IntRange(min = 1, max = 3) int k,
      @ForAll @IntRange(min = 1, max = 7) int n,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    GaussianHmm m = HmmTestData.randomModel(k, seed, false);
    double[] x = HmmTestData.simulate(m, n, seed * 31 + 7, null);
    double[] pi = m.initialDistribution();
    double[][] a = m.transitionMatrix();
    double[] mu = m.univariateMeans();
    double[] var = m.univariateVariances();
    int paths = (int) Math.pow(k, n);
    double best = Double.NEGATIVE_INFINITY;
    int[] bestPath = null;
    double total = 0.0;
    int[] s = new int[n];
    for (int code = 0; code < paths; code++) {
      int c = code;
      for (int t = n - 1; t >= 0; t--) {
        s[t] = c % k;
        c /= k;
      }
      double lp = Math.log(pi[s[0]]) + logNormal(x[0], mu[s[0]], var[s[0]]);
      for (int t = 1; t < n; t++) {
        lp += Math.log(a[s[t - 1]][s[t]]) + logNormal(x[t], mu[s[t]], var[s[t]]);
      }
      total += Math.exp(lp);
      if (lp > best) {
        best = lp;
        bestPath = s.clone();
      }
    }
    ViterbiResult v = m.viterbi(x);
    assertThat(v.logJointProbability()).isCloseTo(best, within(1e-9 * (1 + Math.abs(best))));
    assertThat(v.path()).containsExactly(bestPath);
    double ll = Math.log(total);
    assertThat(m.logLikelihood(x)).isCloseTo(ll, within(1e-9 * (1 + Math.abs(ll))));
  }

  /** Baum-Welch is monotone (Baum et al. 1970; Dempster, Laird and Rubin 1977, Theorem 1). */
  @Property(tries = 25)
  void emNeverDecreasesTheLogLikelihood(
      @ForAll @IntRange(min = 1, max = 3) int k,
      @ForAll @IntRange(min = 20, max = 300) int n,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    GaussianHmm m = HmmTestData.randomModel(k, seed, false);
    double[] x = HmmTestData.simulate(m, n, seed + 99, null);
    HmmFit fit =
        GaussianHmmFitter.fit(
            x,
            HmmFitOptions.defaults(k)
                .withInitialState(InitialStateFit.ESTIMATED)
                .withRandomStarts(2, seed)
                .withIterations(200, 5));
    double[] trace = fit.logLikelihoodTrace();
    for (int i = 1; i < trace.length; i++) {
      assertThat(trace[i]).isGreaterThanOrEqualTo(trace[i - 1] - 1e-9 * (1 + Math.abs(trace[i])));
    }
    assertThat(fit.logLikelihood())
        .isCloseTo(trace[trace.length - 1], within(1e-8 * (1 + Math.abs(fit.logLikelihood()))));
  }

  /** Multivariate (full covariance): prefix invariance and online = batch. */
  @Property(tries = 60)
  void multivariateFilterIsCausalAndMatchesOnline(
      @ForAll @IntRange(min = 2, max = 40) int n,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    GaussianHmm m = HmmFixtures.fullTwoState();
    double[][] x = HmmTestData.simulateMulti(m, n, seed, null);
    ForwardResult full = m.forward(x);
    int t = (int) (seed % n);
    ForwardResult part = m.forward(java.util.Arrays.copyOf(x, t + 1));
    assertThat(part.filtered(t)).containsExactly(full.filtered(t));
    OnlineHmmFilter f = m.onlineFilter();
    for (double[] row : x) {
      f.update(row);
    }
    assertThat(f.logLikelihood())
        .isCloseTo(full.logLikelihood(), within(1e-10 * (1 + Math.abs(full.logLikelihood()))));
  }

  private static double logNormal(double x, double mu, double var) {
    double r = x - mu;
    return -0.5 * (Math.log(2 * Math.PI * var) + r * r / var);
  }
}
