package dev.tyche.risk.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.apache.commons.math3.special.Gamma;

/** Invariants of the GARCH likelihood, fit and forecasts, and of the EWMA filter. */
class GarchPropertiesTest {

  /** A model specification with parameters that fit it. */
  record Case(GarchSpec spec, GarchParameters params) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<MeanEquation> mean = Arbitraries.of(MeanEquation.class);
    Arbitrary<VarianceEquation> variance = Arbitraries.of(VarianceEquation.class);
    Arbitrary<Innovations> innovations = Arbitraries.of(Innovations.class);
    Arbitrary<VarianceStartUp> startUp = Arbitraries.of(VarianceStartUp.class);
    Arbitrary<double[]> values =
        Combinators.combine(
                Arbitraries.doubles().between(-1, 1).ofScale(6),
                Arbitraries.doubles().between(1e-3, 5).ofScale(6),
                Arbitraries.doubles().between(0, 0.5).ofScale(6),
                Arbitraries.doubles().between(-0.9, 0.9).ofScale(6),
                Arbitraries.doubles().between(0, 0.95).ofScale(6),
                Arbitraries.doubles().between(2.5, 50).ofScale(6))
            .as((a, b, c, d, e, f) -> new double[] {a, b, c, d, e, f});
    return Combinators.combine(mean, variance, innovations, startUp, values)
        .as(
            (m, v, i, s, p) -> {
              GarchSpec spec = new GarchSpec(m, v, i, s);
              GarchParameters params =
                  new GarchParameters(
                      m == MeanEquation.CONSTANT ? p[0] : 0.0,
                      p[1],
                      p[2],
                      v == VarianceEquation.GJR ? p[3] : 0.0,
                      p[4],
                      i == Innovations.STUDENT_T ? p[5] : Double.NaN);
              return new Case(spec, params);
            });
  }

  @Provide
  Arbitrary<double[]> returns() {
    return Arbitraries.doubles()
        .between(-20, 20)
        .ofScale(6)
        .array(double[].class)
        .ofMinSize(2)
        .ofMaxSize(300);
  }

  @Property(tries = 300)
  void conditionalVariancesArePositive(@ForAll("cases") Case c, @ForAll("returns") double[] x) {
    double[] h = GarchModel.of(c.spec()).conditionalVariances(x, c.params());
    assertThat(h).hasSize(x.length);
    for (double v : h) {
      assertThat(v).isPositive().isFinite();
    }
  }

  @Property(tries = 300)
  void logLikelihoodEqualsNaiveRecomputation(
      @ForAll("cases") Case c, @ForAll("returns") double[] x) {
    double fast = GarchModel.of(c.spec()).logLikelihood(x, c.params());
    double naive = naiveLogLikelihood(c.spec(), c.params(), x);
    assertThat(fast).isCloseTo(naive, within(1e-9 * Math.max(1.0, Math.abs(naive))));
  }

  @Property(tries = 200)
  void analyticGradientMatchesFiniteDifferences(
      @ForAll("cases") Case c, @ForAll("returns") double[] x) {
    GarchLikelihood lik = new GarchLikelihood(c.spec(), x.clone());
    double[] theta = c.params().toVector(c.spec());
    int k = theta.length;
    double[] grad = new double[k];
    double[][] scores = new double[x.length][k];
    double ll = lik.evaluate(theta, grad, scores);
    for (int j = 0; j < k; j++) {
      // Central differences with one Richardson step (error O(step^4)); small relative steps
      // because a tiny omega with large returns makes the likelihood strongly curved.
      double step = 1e-6 * Math.max(1e-3, Math.abs(theta[j]));
      double d1 = centralDifference(lik, theta, j, step);
      double d2 = centralDifference(lik, theta, j, step / 2);
      double fd = (4 * d2 - d1) / 3;
      double tol = 1e-5 * (1 + Math.abs(grad[j])) + 1e-12 * Math.abs(ll) / step;
      assertThat(grad[j])
          .as("d ll / d %s", c.spec().parameterNames().get(j))
          .isCloseTo(fd, within(tol));
      double sum = 0.0;
      for (double[] s : scores) {
        sum += s[j];
      }
      assertThat(sum).isCloseTo(grad[j], within(1e-9 * (1 + Math.abs(grad[j]))));
    }
  }

  @Property(tries = 200)
  void forecastsConvergeMonotonicallyToTheUnconditionalVariance(
      @ForAll("cases") Case c, @ForAll("returns") double[] x) {
    GarchParameters p = c.params();
    double persistence = p.persistence();
    if (persistence >= 1) {
      assertThat(p.unconditionalVariance()).isNaN();
      assertThat(p.halfLife()).isInfinite();
      return;
    }
    double uv = p.unconditionalVariance();
    double[] f = GarchModel.of(c.spec()).varianceForecast(x, p, 400);
    double first = f[0] - uv;
    for (int k = 1; k < f.length; k++) {
      double dPrev = f[k - 1] - uv;
      double d = f[k] - uv;
      double slack = 1e-12 * uv;
      assertThat(Math.abs(d)).isLessThanOrEqualTo(Math.abs(dPrev) + slack);
      assertThat(d * Math.signum(first)).isGreaterThanOrEqualTo(-slack);
    }
    assertThat(Math.abs(f[f.length - 1] - uv))
        .isLessThanOrEqualTo(Math.pow(persistence, f.length - 1) * Math.abs(first) + 1e-9 * uv);
  }

  /** Large simulated samples give estimates near the simulating parameters. */
  @Property(tries = 6, seed = "20240607")
  void fitRecoversSimulatingParameters(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 2) int kind) {
    GarchSpec spec;
    GarchParameters truth;
    if (kind == 0) {
      spec = GarchSpec.garch();
      truth = GarchParameters.garch(0.05, 0.05, 0.08, 0.90);
    } else if (kind == 1) {
      spec = GarchSpec.garch().withInnovations(Innovations.STUDENT_T);
      truth = GarchParameters.garch(0.05, 0.05, 0.08, 0.90).withShape(6.0);
    } else {
      spec = GarchSpec.gjr();
      truth = GarchParameters.gjr(0.05, 0.1, 0.1, 0.3, 0.8);
    }
    GarchModel model = GarchModel.of(spec);
    double[] x = model.simulate(truth, 6000, 500, seed);
    GarchFit fit = model.fit(x);
    assertThat(fit.status()).as(fit.toString()).isEqualTo(GarchFitStatus.CONVERGED);
    GarchParameters est = fit.parameters();
    assertThat(est.mu()).isCloseTo(truth.mu(), within(0.06));
    assertThat(est.alpha1()).isCloseTo(truth.alpha1(), within(0.035));
    assertThat(est.beta1()).isCloseTo(truth.beta1(), within(0.06));
    assertThat(est.omega()).isCloseTo(truth.omega(), within(0.6 * truth.omega()));
    assertThat(est.gamma1()).isCloseTo(truth.gamma1(), within(0.2));
    if (spec.innovations() == Innovations.STUDENT_T) {
      assertThat(est.shape()).isCloseTo(truth.shape(), within(2.0));
    }
    // The fit's series equal a re-evaluation at its own estimates.
    assertThat(fit.conditionalVariances()).containsExactly(model.conditionalVariances(x, est));
    assertThat(fit.logLikelihood()).isCloseTo(model.logLikelihood(x, est), within(1e-9));
    assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(model.logLikelihood(x, truth));
  }

  @Property(tries = 200)
  void ewmaStreamingEqualsBatchAndIsCausal(
      @ForAll("returns") double[] x,
      @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(4) double lambda,
      @ForAll @DoubleRange(min = 1e-4, max = 100) @Scale(6) double h1,
      @ForAll @IntRange(min = 0, max = 1) int cutFraction) {
    double[] batch = EwmaVolatility.varianceSeries(lambda, h1, x);
    EwmaVolatility stream = new EwmaVolatility(lambda, h1);
    for (int t = 0; t < x.length; t++) {
      assertThat(stream.variance()).isEqualTo(batch[t]);
      assertThat(batch[t]).isPositive();
      stream.update(x[t]);
    }
    assertThat(stream.variance()).isEqualTo(EwmaVolatility.forecast(lambda, h1, x));
    // Changing returns from index s on leaves h_1..h_{s+1} unchanged (no look-ahead).
    int s = cutFraction == 0 ? x.length / 2 : x.length - 1;
    double[] changed = x.clone();
    for (int t = s; t < changed.length; t++) {
      changed[t] = -3 * changed[t] + 1;
    }
    double[] other = EwmaVolatility.varianceSeries(lambda, h1, changed);
    for (int t = 0; t <= s; t++) {
      assertThat(other[t]).isEqualTo(batch[t]);
    }
  }

  private static double centralDifference(GarchLikelihood lik, double[] theta, int j, double step) {
    double[] plus = theta.clone();
    double[] minus = theta.clone();
    plus[j] += step;
    minus[j] -= step;
    return (lik.evaluate(plus, null, null) - lik.evaluate(minus, null, null)) / (2 * step);
  }

  /**
   * The likelihood written directly from the reference README's formulas, with the GJR term in the
   * Glosten-Jagannathan-Runkle form {@code (a + g 1[e<0]) e^2} rather than the APARCH form.
   */
  static double naiveLogLikelihood(GarchSpec spec, GarchParameters p, double[] x) {
    int n = x.length;
    double[] e = new double[n];
    double ms = 0;
    for (int t = 0; t < n; t++) {
      e[t] = x[t] - p.mu();
      ms += e[t] * e[t] / n;
    }
    double a = p.gjrAlpha();
    double g = p.gjrGamma();
    double[] h = new double[n];
    h[0] =
        spec.startUp() == VarianceStartUp.FGARCH_MCI
            ? p.omega() + (p.alpha1() + p.beta1()) * ms
            : ms;
    for (int t = 1; t < n; t++) {
      double coef = a + (e[t - 1] < 0 ? g : 0.0);
      h[t] = p.omega() + coef * e[t - 1] * e[t - 1] + p.beta1() * h[t - 1];
    }
    double ll = 0;
    int first = spec.startUp() == VarianceStartUp.FGARCH_MCI ? 0 : 1;
    for (int t = first; t < n; t++) {
      if (spec.innovations() == Innovations.NORMAL) {
        ll += -0.5 * (Math.log(2 * Math.PI) + Math.log(h[t]) + e[t] * e[t] / h[t]);
      } else {
        double nu = p.shape();
        double z = e[t] / Math.sqrt(h[t]);
        double lnf =
            Gamma.logGamma((nu + 1) / 2)
                - Gamma.logGamma(nu / 2)
                - 0.5 * Math.log(Math.PI * (nu - 2))
                - (nu + 1) / 2 * Math.log(1 + z * z / (nu - 2));
        ll += lnf - 0.5 * Math.log(h[t]);
      }
    }
    return ll;
  }
}
