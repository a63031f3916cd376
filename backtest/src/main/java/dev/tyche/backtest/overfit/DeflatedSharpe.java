package dev.tyche.backtest.overfit;

import dev.tyche.core.stats.Descriptive;
import dev.tyche.core.stats.PerformanceMetrics;
import java.util.Objects;

/**
 * The Probabilistic and the Deflated Sharpe Ratio: the probability that a strategy's true Sharpe
 * ratio exceeds a benchmark, given how it was estimated and, for the deflated ratio, how many
 * strategies were tried before it was chosen.
 *
 * <p><b>Units.</b> Every Sharpe ratio here is <i>per period</i> (not annualised) and computed on
 * the same {@code T} observations: mean over sample standard deviation of the per-period returns,
 * with a zero risk-free rate. Convert an annualised ratio by dividing by {@code
 * sqrt(periodsPerYear)} and an annualised variance of trial Sharpe ratios by dividing by {@code
 * periodsPerYear}. {@code skewness} is {@code gamma3}, {@code kurtosis} is the <i>non-excess</i>
 * kurtosis {@code gamma4} (3 for a normal distribution).
 *
 * <p><b>Formulas</b> (D. H. Bailey and M. López de Prado, "The Deflated Sharpe Ratio: Correcting
 * for Selection Bias, Backtest Overfitting and Non-Normality", J. Portfolio Management 40(5) (2014)
 * 94-107; labelled F1-F4 here, the paper's own equation numbers were not verified):
 *
 * <ul>
 *   <li>F1, standard error of the estimated Sharpe ratio under non-normal i.i.d. returns (J.
 *       Mertens, "Comments on variance of the IID estimator in Lo (2002)", 2002, as used by Bailey
 *       and López de Prado): {@code sigma(SR) = sqrt((1 - gamma3 SR + (gamma4 - 1)/4 SR^2) / (T -
 *       1))}.
 *   <li>F2, Probabilistic Sharpe Ratio (Bailey and López de Prado, "The Sharpe Ratio Efficient
 *       Frontier", J. Risk 15(2) (2012) 3-44): {@code PSR(SR*) = Phi((SR - SR*) sqrt(T - 1) /
 *       sqrt(1 - gamma3 SR + (gamma4 - 1)/4 SR^2))}.
 *   <li>F3, expected maximum Sharpe ratio of {@code N} independent trials whose true Sharpe ratio
 *       is zero and whose estimates have variance {@code V} (the DSR paper's approximation from
 *       extreme value theory, "False Strategy" benchmark): {@code SR0 = E[max SR] ~ sqrt(V) ((1 -
 *       gamma) Phi^{-1}(1 - 1/N) + gamma Phi^{-1}(1 - 1/(N e)))}, {@code gamma = 0.5772156649...}
 *       the Euler-Mascheroni constant. For {@code N = 1} there is no selection and {@code SR0 = 0}
 *       (the formula's limit would be {@code -Infinity}).
 *   <li>F4, Deflated Sharpe Ratio: {@code DSR = PSR(SR0)}.
 * </ul>
 *
 * <p>The paper's numerical example (annualised SR 2.5 over {@code T = 1250} daily returns, 250 per
 * year, {@code N = 100} trials with annualised variance 0.5, {@code gamma3 = -3}, {@code gamma4 =
 * 10}) gives {@code SR0 ~ 0.1132} per day and {@code DSR ~ 0.9004}; the tests reproduce it.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeflatedSharpe {

  /** The Euler-Mascheroni constant {@code gamma}. */
  public static final double EULER_MASCHERONI = 0.5772156649015329;

  private DeflatedSharpe() {}

  /**
   * F1: the standard error of an estimated per-period Sharpe ratio.
   *
   * @param sharpe the estimated per-period Sharpe ratio, finite
   * @param observations the number of returns {@code T}, {@code >= 2}
   * @param skewness the returns' skewness {@code gamma3}, finite
   * @param kurtosis the returns' non-excess kurtosis {@code gamma4}, finite and {@code >= 1 +
   *     skewness^2} (true of every distribution)
   * @return the standard error, {@code >= 0}
   */
  public static double sharpeStandardError(
      double sharpe, int observations, double skewness, double kurtosis) {
    return Math.sqrt(varianceFactor(sharpe, observations, skewness, kurtosis) / (observations - 1));
  }

  /**
   * F2: the Probabilistic Sharpe Ratio, {@code P(true SR > benchmark)}.
   *
   * @param sharpe the estimated per-period Sharpe ratio, finite
   * @param benchmark the benchmark per-period Sharpe ratio {@code SR*}, finite
   * @param observations the number of returns {@code T}, {@code >= 2}
   * @param skewness {@code gamma3}, finite
   * @param kurtosis non-excess {@code gamma4}, finite and {@code >= 1 + skewness^2}
   * @return the probability in {@code [0, 1]}; when the variance factor is exactly 0 (a two-point
   *     distribution at one particular SR) 1 if {@code sharpe > benchmark}, 0 if below, NaN if
   *     equal
   */
  public static double probabilisticSharpeRatio(
      double sharpe, double benchmark, int observations, double skewness, double kurtosis) {
    requireFinite(benchmark, "benchmark");
    double factor = varianceFactor(sharpe, observations, skewness, kurtosis);
    double diff = sharpe - benchmark;
    if (factor == 0.0) {
      return diff > 0 ? 1.0 : diff < 0 ? 0.0 : Double.NaN;
    }
    return Normal.cdf(diff * Math.sqrt(observations - 1.0) / Math.sqrt(factor));
  }

  /**
   * F3: the expected maximum per-period Sharpe ratio of {@code trials} independent zero-skill
   * trials.
   *
   * @param trials the number of trials {@code N}, {@code >= 1}
   * @param sharpeVariance the variance {@code V} of the trials' estimated per-period Sharpe ratios,
   *     finite and {@code >= 0}
   * @return {@code SR0}; 0 when {@code N = 1}
   */
  public static double expectedMaximumSharpe(int trials, double sharpeVariance) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1 but was " + trials);
    }
    if (!Double.isFinite(sharpeVariance) || sharpeVariance < 0.0) {
      throw new IllegalArgumentException(
          "sharpeVariance must be finite and >= 0 but was " + sharpeVariance);
    }
    if (trials == 1) {
      return 0.0;
    }
    double n = trials;
    double z =
        (1.0 - EULER_MASCHERONI) * Normal.quantile(1.0 - 1.0 / n)
            + EULER_MASCHERONI * Normal.quantile(1.0 - 1.0 / (n * Math.E));
    return Math.sqrt(sharpeVariance) * z;
  }

  /**
   * F4: the Deflated Sharpe Ratio {@code PSR(SR0)} with {@code SR0} from F3.
   *
   * @param sharpe the selected strategy's estimated per-period Sharpe ratio, finite
   * @param observations the number of returns {@code T}, {@code >= 2}
   * @param skewness {@code gamma3} of the selected strategy's returns, finite
   * @param kurtosis non-excess {@code gamma4} of its returns, finite and {@code >= 1 + skewness^2}
   * @param trials the number of trials {@code N} the selection was made from, {@code >= 1}
   * @param sharpeVariance the variance {@code V} of the trials' per-period Sharpe ratios, {@code >=
   *     0}
   * @return the probability in {@code [0, 1]} that the true Sharpe ratio exceeds {@code SR0}
   */
  public static double deflatedSharpeRatio(
      double sharpe,
      int observations,
      double skewness,
      double kurtosis,
      int trials,
      double sharpeVariance) {
    return probabilisticSharpeRatio(
        sharpe, expectedMaximumSharpe(trials, sharpeVariance), observations, skewness, kurtosis);
  }

  /**
   * The Deflated Sharpe Ratio of a selected strategy's returns, given the per-period Sharpe ratios
   * of all trials (the selected one included). The Sharpe ratio uses {@link
   * PerformanceMetrics#sharpeRatio} with a zero risk-free rate; skewness and kurtosis are the
   * population moments {@code g1} and {@code g2 + 3} ({@link Descriptive}); {@code V} is the sample
   * variance of {@code trialSharpes}.
   *
   * @param returns the selected strategy's per-period returns, at least 2, finite, not constant
   * @param trialSharpes per-period Sharpe ratios of all trials, at least 1, finite; with one trial
   *     {@code V = 0} and {@code SR0 = 0}
   * @return every input and output of F1-F4
   */
  public static Deflation of(double[] returns, double[] trialSharpes) {
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(trialSharpes, "trialSharpes");
    double sharpe = PerformanceMetrics.sharpeRatio(returns, 0.0);
    if (Double.isNaN(sharpe)) {
      throw new IllegalArgumentException("returns must not be constant (Sharpe ratio undefined)");
    }
    double skew = Descriptive.populationSkewness(returns);
    double kurt = Descriptive.populationExcessKurtosis(returns) + 3.0;
    if (trialSharpes.length < 1) {
      throw new IllegalArgumentException("trialSharpes must have at least 1 value but had 0");
    }
    for (int i = 0; i < trialSharpes.length; i++) {
      requireFinite(trialSharpes[i], "trialSharpes[" + i + "]");
    }
    double variance = trialSharpes.length == 1 ? 0.0 : Descriptive.sampleVariance(trialSharpes);
    double sr0 = expectedMaximumSharpe(trialSharpes.length, variance);
    return new Deflation(
        sharpe,
        returns.length,
        skew,
        kurt,
        trialSharpes.length,
        variance,
        sharpeStandardError(sharpe, returns.length, skew, kurt),
        sr0,
        probabilisticSharpeRatio(sharpe, 0.0, returns.length, skew, kurt),
        probabilisticSharpeRatio(sharpe, sr0, returns.length, skew, kurt));
  }

  /** The bracket {@code 1 - gamma3 SR + (gamma4 - 1)/4 SR^2} of F1-F2, after validation. */
  private static double varianceFactor(
      double sharpe, int observations, double skewness, double kurtosis) {
    requireFinite(sharpe, "sharpe");
    requireFinite(skewness, "skewness");
    requireFinite(kurtosis, "kurtosis");
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be >= 2 but was " + observations);
    }
    double bound = 1.0 + skewness * skewness;
    // Pearson's inequality gamma4 >= 1 + gamma3^2; a few ulps of slack for computed moments.
    if (kurtosis < bound - 1e-12 * bound) {
      throw new IllegalArgumentException(
          "kurtosis (non-excess) must be >= 1 + skewness^2 = " + bound + " but was " + kurtosis);
    }
    // With gamma4 >= 1 + gamma3^2 the quadratic has no real root, so the bracket is >= 0.
    return Math.max(0.0, 1.0 - skewness * sharpe + (kurtosis - 1.0) / 4.0 * sharpe * sharpe);
  }

  private static void requireFinite(double v, String name) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite but was " + v);
    }
  }

  /**
   * All inputs and outputs of one Deflated Sharpe Ratio computation ({@link DeflatedSharpe#of}).
   *
   * <p>Immutable and thread-safe.
   *
   * @param sharpe the selected strategy's per-period Sharpe ratio
   * @param observations the number of returns {@code T}
   * @param skewness {@code gamma3} of the returns
   * @param kurtosis non-excess {@code gamma4} of the returns
   * @param trials the number of trials {@code N}
   * @param trialSharpeVariance {@code V}, the sample variance of the trials' Sharpe ratios
   * @param standardError F1
   * @param expectedMaximumSharpe F3, {@code SR0}
   * @param probabilisticSharpeRatio F2 against a zero benchmark
   * @param deflatedSharpeRatio F4
   */
  public record Deflation(
      double sharpe,
      int observations,
      double skewness,
      double kurtosis,
      int trials,
      double trialSharpeVariance,
      double standardError,
      double expectedMaximumSharpe,
      double probabilisticSharpeRatio,
      double deflatedSharpeRatio) {}
}
