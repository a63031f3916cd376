package dev.tyche.risk.var;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * VaR and CVaR of a single return series.
 *
 * <p>Inputs are per-period simple returns as fractions; the confidence level {@code a} lies in (0,
 * 1) and the tail probability is {@code p = 1 - a}. Results are positive loss numbers for the next
 * period, in return units (multiply by the position value for money). Every method rejects null,
 * empty or non-finite inputs and a confidence outside (0, 1) with an {@link
 * IllegalArgumentException} (a {@link NullPointerException} for null) naming the argument.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class ValueAtRisk {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private ValueAtRisk() {}

  /**
   * Historical VaR and CVaR under both quantile rules and both CVaR definitions (see {@link
   * HistoricalVarReport} for the formulas).
   *
   * @param returns simple returns, non-empty and finite
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @return the full historical report
   */
  public static HistoricalVarReport historicalReport(double[] returns, double confidence) {
    Samples.requireFinite("returns", returns);
    double p = Samples.tailProbability(confidence);
    double[] sorted = Samples.sortedCopy(returns);
    int k = Samples.tailCount(sorted.length, p);
    double q7 = QuantileRule.TYPE_7_LINEAR.quantileOfSorted(sorted, p);
    double q1 = QuantileRule.TYPE_1_INVERSE_ECDF.quantileOfSorted(sorted, p);
    return new HistoricalVarReport(
        confidence,
        sorted.length,
        q7,
        q1,
        k,
        -Samples.meanOfSmallest(sorted, k),
        -Samples.meanAtOrBelow(sorted, q7));
  }

  /**
   * Historical VaR ({@code -Q(p)} under the chosen quantile rule) and CVaR (under the chosen
   * definition).
   *
   * @param returns simple returns, non-empty and finite
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @param quantileRule how VaR reads the empirical quantile
   * @param cvarRule which empirical CVaR definition to use
   * @return a {@link VarMethod#HISTORICAL} estimate
   */
  public static VarEstimate historical(
      double[] returns, double confidence, QuantileRule quantileRule, CvarRule cvarRule) {
    Objects.requireNonNull(quantileRule, "quantileRule");
    Objects.requireNonNull(cvarRule, "cvarRule");
    return historicalReport(returns, confidence).estimate(quantileRule, cvarRule);
  }

  /**
   * Gaussian (parametric normal) VaR and CVaR from the sample mean and the sample standard
   * deviation (divisor {@code n - 1}); see {@link #gaussian(double, double, double)}.
   *
   * @param returns simple returns, at least 2, finite
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @return a {@link VarMethod#GAUSSIAN} estimate
   */
  public static VarEstimate gaussian(double[] returns, double confidence) {
    Samples.requireFinite("returns", returns);
    requireAtLeast("returns", returns, 2);
    double mean = Samples.mean(returns);
    return gaussian(mean, Samples.sampleSd(returns, mean), confidence);
  }

  /**
   * Gaussian VaR and CVaR for a normal return with the given mean and standard deviation. With
   * {@code z = Phi^-1(p)} (negative for {@code a > 0.5}) and {@code phi} the standard normal
   * density: {@code VaR = -(mean + z sd)} and {@code CVaR = -(mean - sd phi(z) / p)}, the normal
   * expected shortfall (McNeil, Frey and Embrechts, Quantitative Risk Management, 2005, ch. 2).
   *
   * @param mean the mean return per period, finite
   * @param sd the standard deviation per period, finite and {@code >= 0}
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @return a {@link VarMethod#GAUSSIAN} estimate
   */
  public static VarEstimate gaussian(double mean, double sd, double confidence) {
    Samples.requireFinite("mean", mean);
    requireNonNegative("sd", sd);
    double p = Samples.tailProbability(confidence);
    double z = STANDARD_NORMAL.inverseCumulativeProbability(p);
    return new VarEstimate(
        VarMethod.GAUSSIAN,
        confidence,
        -(mean + z * sd),
        -(mean - sd * STANDARD_NORMAL.density(z) / p));
  }

  /**
   * Cornish-Fisher VaR and CVaR with population skewness and excess kurtosis, in both
   * standard-deviation conventions (formulas in {@link CornishFisherVar}).
   *
   * @param returns simple returns, at least 2, finite and not all equal
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @return the moments, the expanded quantile and accessors for VaR and CVaR
   * @throws IllegalArgumentException if the returns have zero variance (skewness undefined)
   */
  public static CornishFisherVar cornishFisher(double[] returns, double confidence) {
    Samples.requireFinite("returns", returns);
    requireAtLeast("returns", returns, 2);
    double p = Samples.tailProbability(confidence);
    double mean = Samples.mean(returns);
    double m2 = Samples.centralMoment(returns, mean, 2);
    if (!(m2 > 0.0)) {
      throw new IllegalArgumentException(
          "returns must not all be equal (variance was " + m2 + "): skewness is undefined");
    }
    double m3 = Samples.centralMoment(returns, mean, 3);
    double m4 = Samples.centralMoment(returns, mean, 4);
    double s = m3 / Math.pow(m2, 1.5);
    double k = m4 / (m2 * m2) - 3.0;
    double z = STANDARD_NORMAL.inverseCumulativeProbability(p);
    double z2 = z * z;
    double z3 = z2 * z;
    double zcf =
        z + (z2 - 1.0) * s / 6.0 + (z3 - 3.0 * z) * k / 24.0 - (2.0 * z3 - 5.0 * z) * s * s / 36.0;
    return new CornishFisherVar(
        confidence,
        returns.length,
        mean,
        Math.sqrt(m2),
        Samples.sampleSd(returns, mean),
        s,
        k,
        z,
        zcf,
        CornishFisherVar.isMonotoneTail(s, k, z));
  }

  /**
   * The RiskMetrics exponentially weighted volatility forecast for the period after the last return
   * (RiskMetrics Technical Document, 4th ed., J.P. Morgan/Reuters, 1996, section 5.2.1): zero mean,
   * {@code sigma^2_{t+1} = lambda sigma^2_t + (1 - lambda) r_t^2}, started at {@code sigma^2_1 =
   * r_1^2} so that the weights on the squared returns sum to one.
   *
   * @param returns simple returns in time order, non-empty and finite
   * @param lambda the decay factor, in (0, 1) (RiskMetrics uses 0.94 for daily data)
   * @return {@code sigma_{n+1}}, per period
   */
  public static double ewmaVolatility(double[] returns, double lambda) {
    Samples.requireFinite("returns", returns);
    if (!(lambda > 0.0 && lambda < 1.0)) {
      throw new IllegalArgumentException(
          "lambda must be in the open interval (0, 1) but was " + lambda);
    }
    double variance = returns[0] * returns[0];
    for (double r : returns) {
      variance = lambda * variance + (1.0 - lambda) * r * r;
    }
    return Math.sqrt(variance);
  }

  /**
   * EWMA (RiskMetrics) VaR and CVaR: a zero-mean normal with the volatility of {@link
   * #ewmaVolatility(double[], double)}, so {@code VaR = -z sigma} and {@code CVaR = sigma phi(z) /
   * p}.
   *
   * @param returns simple returns in time order, non-empty and finite
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @param lambda the decay factor, in (0, 1)
   * @return a {@link VarMethod#EWMA} estimate for the next period
   */
  public static VarEstimate ewma(double[] returns, double confidence, double lambda) {
    double sigma = ewmaVolatility(returns, lambda);
    VarEstimate g = gaussian(0.0, sigma, confidence);
    return new VarEstimate(VarMethod.EWMA, confidence, g.var(), g.cvar());
  }

  /**
   * Standardised residuals {@code z_t = (r_t - mean) / sigma_t} of a constant-mean model with
   * conditional volatilities {@code sigma_t} (from GARCH or any other model), the input of {@link
   * #filteredHistorical}.
   *
   * @param returns the returns, finite
   * @param mean the constant conditional mean, finite
   * @param conditionalSigmas {@code sigma_t} for each return, same length, finite and {@code > 0}
   * @return a new array of standardised residuals
   */
  public static double[] standardisedResiduals(
      double[] returns, double mean, double[] conditionalSigmas) {
    Samples.requireFinite("returns", returns);
    Samples.requireFinite("mean", mean);
    Samples.requireFinite("conditionalSigmas", conditionalSigmas);
    if (conditionalSigmas.length != returns.length) {
      throw new IllegalArgumentException(
          "conditionalSigmas must have the length of returns ("
              + returns.length
              + ") but had length "
              + conditionalSigmas.length);
    }
    double[] z = new double[returns.length];
    for (int i = 0; i < z.length; i++) {
      if (!(conditionalSigmas[i] > 0.0)) {
        throw new IllegalArgumentException(
            "conditionalSigmas[" + i + "] must be > 0 but was " + conditionalSigmas[i]);
      }
      z[i] = (returns[i] - mean) / conditionalSigmas[i];
    }
    return z;
  }

  /**
   * Filtered historical simulation (Barone-Adesi, Giannopoulos and Vosper, "VaR without
   * correlations for portfolios of derivative securities", Journal of Futures Markets 19(5), 1999;
   * Hull and White, Journal of Risk 1(1), 1998): the empirical distribution of the standardised
   * residuals, rescaled by the volatility forecast for the next period. With {@code Q} the residual
   * quantile under the chosen rule and {@code T} the residual tail mean under the chosen CVaR
   * definition: {@code VaR = -(mean + sigma Q(p))}, {@code CVaR = -(mean + sigma T(p))}.
   *
   * @param standardisedResiduals residuals {@code (r_t - mu_t) / sigma_t}, non-empty and finite
   * @param meanForecast the conditional mean forecast for the next period, finite
   * @param sigmaForecast the conditional volatility forecast for the next period, {@code >= 0}
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @param quantileRule how VaR reads the residual quantile
   * @param cvarRule which empirical tail mean CVaR uses
   * @return a {@link VarMethod#FILTERED_HISTORICAL} estimate
   */
  public static VarEstimate filteredHistorical(
      double[] standardisedResiduals,
      double meanForecast,
      double sigmaForecast,
      double confidence,
      QuantileRule quantileRule,
      CvarRule cvarRule) {
    Samples.requireFinite("meanForecast", meanForecast);
    requireNonNegative("sigmaForecast", sigmaForecast);
    Objects.requireNonNull(quantileRule, "quantileRule");
    Objects.requireNonNull(cvarRule, "cvarRule");
    Samples.requireFinite("standardisedResiduals", standardisedResiduals);
    HistoricalVarReport z = historicalReport(standardisedResiduals, confidence);
    // Residual quantiles are in residual units; VaR(z) = -Q(z), so -(mean + sigma Q) = sigma
    // VaR(z) - mean.
    return new VarEstimate(
        VarMethod.FILTERED_HISTORICAL,
        confidence,
        sigmaForecast * z.var(quantileRule) - meanForecast,
        sigmaForecast * z.cvar(cvarRule) - meanForecast);
  }

  /**
   * Monte Carlo VaR and CVaR with a {@link SplittableRandom} seeded with {@code seed}: the same
   * arguments give bit-identical results. See {@link #monteCarlo(ReturnDistribution, double, int,
   * RandomGenerator)}.
   *
   * @param distribution the one-period return distribution
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @param paths the number of simulated returns, {@code >= 1}
   * @param seed the seed
   * @return a {@link VarMethod#MONTE_CARLO} estimate
   */
  public static VarEstimate monteCarlo(
      ReturnDistribution distribution, double confidence, int paths, long seed) {
    return monteCarlo(distribution, confidence, paths, new SplittableRandom(seed));
  }

  /**
   * Monte Carlo VaR and CVaR: draws {@code paths} returns from the distribution and applies the
   * historical estimators to them, VaR with the type-7 quantile and CVaR as the mean of the {@code
   * ceil(paths p)} worst draws. The standard error of the VaR shrinks like {@code 1 / sqrt(paths)}.
   *
   * @param distribution the one-period return distribution
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @param paths the number of simulated returns, {@code >= 1}
   * @param rng the random source; it is advanced, so reuse it only deliberately
   * @return a {@link VarMethod#MONTE_CARLO} estimate
   */
  public static VarEstimate monteCarlo(
      ReturnDistribution distribution, double confidence, int paths, RandomGenerator rng) {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(rng, "rng");
    Samples.tailProbability(confidence);
    if (paths < 1) {
      throw new IllegalArgumentException("paths must be >= 1 but was " + paths);
    }
    double[] sample = new double[paths];
    for (int i = 0; i < paths; i++) {
      sample[i] = distribution.draw(rng);
    }
    VarEstimate h =
        historicalReport(sample, confidence)
            .estimate(QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN);
    return new VarEstimate(VarMethod.MONTE_CARLO, confidence, h.var(), h.cvar());
  }

  private static void requireAtLeast(String name, double[] values, int min) {
    if (values.length < min) {
      throw new IllegalArgumentException(
          name + " must have at least " + min + " values but had " + values.length);
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0 but was " + value);
    }
  }
}
