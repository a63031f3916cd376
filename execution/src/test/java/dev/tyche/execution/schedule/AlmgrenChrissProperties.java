package dev.tyche.execution.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.order.Side;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Invariants of the Almgren-Chriss schedule over random problems. Risk aversions are drawn through
 * {@code kappa_tilde T} (log-uniform), so every draw exercises a meaningful urgency whatever the
 * units of the other inputs.
 */
class AlmgrenChrissProperties {

  /** A problem and a risk aversion. */
  record Case(AlmgrenChrissParameters p, double lambda) {}

  @Provide
  Arbitrary<AlmgrenChrissParameters> problems() {
    Arbitrary<Double> quantity = Arbitraries.doubles().between(2, 7).map(e -> Math.pow(10, e));
    Arbitrary<Double> horizon = Arbitraries.doubles().between(0.05, 20);
    Arbitrary<Integer> intervals = Arbitraries.integers().between(1, 200);
    Arbitrary<Double> sigma = Arbitraries.doubles().between(0.01, 5);
    Arbitrary<Double> epsilon = Arbitraries.doubles().between(0, 0.1);
    Arbitrary<Double> eta = Arbitraries.doubles().between(-8, -3).map(e -> Math.pow(10, e));
    // gamma as a fraction of the largest value eta_tilde > 0 allows (2 eta / tau).
    Arbitrary<Double> gammaShare = Arbitraries.doubles().between(0, 0.95);
    Arbitrary<Side> side = Arbitraries.of(Side.class);
    return Combinators.combine(side, quantity, horizon, intervals, sigma, epsilon, eta, gammaShare)
        .as(
            (s, x, t, n, sg, ep, et, gs) ->
                AlmgrenChrissParameters.of(
                    s, x, t, n, sg, new LinearImpact(ep, et, gs * 2 * et / (t / n))));
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(problems(), Arbitraries.doubles().between(-3, 1.5))
        .as((p, logKt) -> new Case(p, lambdaFor(p, Math.pow(10, logKt))));
  }

  /** The lambda with {@code kappa_tilde T = kt}. */
  static double lambdaFor(AlmgrenChrissParameters p, double kt) {
    double kappaTilde = kt / p.horizon();
    return kappaTilde * kappaTilde * p.etaTilde() / (p.volatility() * p.volatility());
  }

  @Property(tries = 300)
  void trajectoryFallsMonotonicallyFromXToZeroAndTradesSumToX(@ForAll("cases") Case c) {
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(c.p(), c.lambda());
    double[] x = s.holdings();
    double[] n = s.trades();
    double quantity = c.p().quantity();
    assertThat(x[0]).isEqualTo(quantity);
    assertThat(x[x.length - 1]).isZero();
    for (int k = 1; k < x.length; k++) {
      assertThat(x[k]).isLessThanOrEqualTo(x[k - 1]).isGreaterThanOrEqualTo(0);
      assertThat(n[k - 1]).isEqualTo(x[k - 1] - x[k]);
    }
    assertThat(Arrays.stream(n).sum()).isCloseTo(quantity, within(1e-12 * quantity));
    // Trades shrink along the schedule too (the trade list of eq. (18) is a decreasing cosh).
    for (int k = 1; k < n.length; k++) {
      assertThat(n[k]).isLessThanOrEqualTo(n[k - 1] * (1 + 1e-12));
    }
  }

  @Property(tries = 200)
  void smallRiskAversionConvergesToTheLinearSchedule(
      @ForAll("problems") AlmgrenChrissParameters p,
      @ForAll @DoubleRange(min = -8, max = -1) double logKt) {
    double kt = Math.pow(10, logKt);
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(p, lambdaFor(p, kt));
    AlmgrenChrissSchedule smaller = AlmgrenChriss.optimalSchedule(p, lambdaFor(p, kt / 10));
    double[] linear = AlmgrenChriss.optimalSchedule(p, 0).holdings();
    double gap = maxGap(s.holdings(), linear);
    // sinh(a)/sinh(K) - a/K is at most (K^2 / 6) of the quantity; kappa <= kappa_tilde.
    double quantity = p.quantity();
    assertThat(gap).isLessThanOrEqualTo(kt * kt / 6 * quantity + 1e-12 * quantity);
    assertThat(maxGap(smaller.holdings(), linear)).isLessThanOrEqualTo(gap + 1e-12 * quantity);
    assertThat(linear[0]).isEqualTo(quantity);
    for (int k = 1; k < linear.length; k++) {
      assertThat(linear[k]).isEqualTo(quantity * (linear.length - 1 - k) / (linear.length - 1));
    }
  }

  @Property(tries = 150)
  void frontierIsMonotoneConvexAndEachPointIsOptimalForItsLambda(
      @ForAll("problems") AlmgrenChrissParameters p) {
    double[] lambdas = new double[12];
    for (int i = 0; i < lambdas.length; i++) {
      lambdas[i] = lambdaFor(p, Math.pow(10, -2 + 0.3 * i));
    }
    List<FrontierPoint> f = AlmgrenChriss.efficientFrontier(p, lambdas);
    double scaleE = f.get(f.size() - 1).expectedCost();
    double scaleV = f.get(0).variance();
    for (int i = 1; i < f.size(); i++) {
      assertThat(f.get(i).expectedCost())
          .isGreaterThanOrEqualTo(f.get(i - 1).expectedCost() - 1e-12 * scaleE);
      assertThat(f.get(i).variance()).isLessThanOrEqualTo(f.get(i - 1).variance() + 1e-12 * scaleV);
    }
    // Each point minimises E + lambda V among all frontier points, so the frontier lies above
    // each of its supporting lines: it is convex, with slope -lambda.
    for (FrontierPoint a : f) {
      double own = a.expectedCost() + a.riskAversion() * a.variance();
      for (FrontierPoint b : f) {
        double other = b.expectedCost() + a.riskAversion() * b.variance();
        assertThat(own).isLessThanOrEqualTo(other + 1e-11 * Math.abs(other));
      }
    }
    // Convexity stated directly: the slopes dE/dV grow (become less negative) as V grows.
    if (p.intervals() > 1) {
      for (int i = f.size() - 2; i >= 1; i--) {
        FrontierPoint hi = f.get(i - 1);
        FrontierPoint mid = f.get(i);
        FrontierPoint lo = f.get(i + 1);
        double dv1 = mid.variance() - lo.variance();
        double dv2 = hi.variance() - mid.variance();
        if (dv1 > 1e-9 * scaleV && dv2 > 1e-9 * scaleV) {
          double s1 = (mid.expectedCost() - lo.expectedCost()) / dv1;
          double s2 = (hi.expectedCost() - mid.expectedCost()) / dv2;
          assertThat(s2).isGreaterThanOrEqualTo(s1 - 1e-6 * Math.abs(s1));
        }
      }
    }
  }

  @Property(tries = 300)
  void closedFormsEqualTheSummedForms(
      @ForAll("problems") AlmgrenChrissParameters p,
      @ForAll @DoubleRange(min = -1.3, max = 2.5) double logKt,
      @ForAll boolean riskNeutral) {
    double lambda = riskNeutral ? 0 : lambdaFor(p, Math.pow(10, logKt));
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(p, lambda);
    ShortfallDistribution closed = AlmgrenChriss.closedFormShortfall(p, lambda);
    assertThat(closed.mean()).isCloseTo(s.expectedCost(), within(1e-9 * s.expectedCost()));
    double q = p.quantity();
    double vScale = p.volatility() * p.volatility() * p.horizon() * q * q;
    assertThat(closed.variance()).isCloseTo(s.variance(), within(1e-9 * vScale));
  }

  @Property(tries = 200)
  void scheduleBeatsEveryPerturbedTrajectory(
      @ForAll("cases") Case c,
      @ForAll long seed,
      @ForAll @DoubleRange(min = -0.05, max = 0.05) double driftShare) {
    AlmgrenChrissParameters p0 = c.p();
    if (p0.intervals() < 2) {
      return;
    }
    // A drift of up to 5 % of the temporary cost rate, with epsilon 0 so that the objective is
    // smooth even where the drift makes the schedule non-monotone.
    double drift = driftShare * p0.etaTilde() * p0.quantity() / (p0.horizon() * p0.horizon());
    AlmgrenChrissParameters p =
        new AlmgrenChrissParameters(
            p0.side(),
            p0.quantity(),
            p0.horizon(),
            p0.intervals(),
            p0.volatility(),
            drift,
            new LinearImpact(0, p0.impact().eta(), p0.impact().gamma()));
    double lambda = c.lambda();
    double[] best = AlmgrenChriss.optimalSchedule(p, lambda).holdings();
    double optimum = Fixtures.objective(p, lambda, best);
    double[] foc = Fixtures.firstOrderSolution(p, lambda);
    for (int k = 0; k < best.length; k++) {
      assertThat(best[k]).isCloseTo(foc[k], within(1e-8 * p.quantity()));
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int trial = 0; trial < 5; trial++) {
      double[] other = best.clone();
      for (int k = 1; k < other.length - 1; k++) {
        other[k] += 0.01 * p.quantity() * (rnd.nextDouble() - 0.5);
      }
      assertThat(Fixtures.objective(p, lambda, other))
          .isGreaterThanOrEqualTo(optimum - 1e-12 * Math.abs(optimum));
    }
  }

  private static double maxGap(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
