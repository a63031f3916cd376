package dev.tyche.risk.var;

import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Cornish-Fisher (modified) VaR and CVaR of one sample at one confidence level, with the moments it
 * was built from. Built by {@link ValueAtRisk#cornishFisher(double[], double)}.
 *
 * <p>With {@code p = 1 - a}, {@code z = Phi^-1(p)} (negative), population central moments {@code
 * m_k = mean((r - mean)^k)}, skewness {@code S = m3 / m2^1.5} and excess kurtosis {@code K = m4 /
 * m2^2 - 3}, the Cornish-Fisher expansion of the quantile (Cornish and Fisher, Revue de l'Institut
 * International de Statistique 5(4), 1938; in the VaR form of Zangari, RiskMetrics Monitor, 1996,
 * and Favre and Galeano, Journal of Alternative Investments 5(2), 2002) is
 *
 * <pre>{@code
 * z_cf = z + (z^2 - 1) S / 6 + (z^3 - 3z) K / 24 - (2z^3 - 5z) S^2 / 36
 * VaR  = -(mean + z_cf * sd)
 * }</pre>
 *
 * where {@code sd} is {@code sqrt(m2)} ({@link SdConvention#POPULATION}) or the sample standard
 * deviation with divisor {@code n - 1} ({@link SdConvention#SAMPLE}).
 *
 * <p>CVaR is the tail mean of the Cornish-Fisher quantile function, {@code -(1/p) * integral over u
 * in (0, p) of (mean + sd z_cf(Phi^-1(u))) du}. It has a closed form through the truncated normal
 * moments {@code E[X^k; X < z]} for {@code k <= 3}:
 *
 * <pre>{@code
 * CVaR = -(mean - sd * phi(z) / p * [1 + z S / 6 + (z^2 - 1) K / 24 - (2z^2 - 1) S^2 / 36])
 * }</pre>
 *
 * which reduces to the Gaussian CVaR when {@code S = K = 0}. (This differs from the
 * Edgeworth-density "modified ES" of Boudt, Peterson and Croux, Journal of Risk 11(2), 2008.) It
 * exceeds VaR whenever {@code z_cf(x)} is increasing for all {@code x <= z}; {@link
 * #monotoneTail()} reports that condition, which fails for strong skewness with little kurtosis
 * (Maillard, "A User's Guide to the Cornish Fisher Expansion", 2012).
 *
 * <p>Immutable and thread-safe.
 *
 * @param confidence the confidence level {@code a}, in (0, 1)
 * @param n the number of returns, at least 2
 * @param mean the sample mean of the returns
 * @param sdPopulation {@code sqrt(m2)}, divisor {@code n}
 * @param sdSample the sample standard deviation, divisor {@code n - 1}
 * @param skewness population moment skewness {@code S = m3 / m2^1.5}
 * @param excessKurtosis population moment excess kurtosis {@code K = m4 / m2^2 - 3}
 * @param z the standard normal quantile {@code Phi^-1(1 - a)}, negative for {@code a > 0.5}
 * @param zCornishFisher the expanded quantile {@code z_cf}
 * @param monotoneTail whether {@code z_cf(x)} is strictly increasing for every {@code x <= z}
 */
public record CornishFisherVar(
    double confidence,
    int n,
    double mean,
    double sdPopulation,
    double sdSample,
    double skewness,
    double excessKurtosis,
    double z,
    double zCornishFisher,
    boolean monotoneTail) {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** Validates the fields. */
  public CornishFisherVar {
    Samples.tailProbability(confidence);
    if (n < 2) {
      throw new IllegalArgumentException("n must be >= 2 but was " + n);
    }
    Samples.requireFinite("mean", mean);
    Samples.requirePositive("sdPopulation", sdPopulation);
    Samples.requirePositive("sdSample", sdSample);
    Samples.requireFinite("skewness", skewness);
    Samples.requireFinite("excessKurtosis", excessKurtosis);
    Samples.requireFinite("z", z);
    Samples.requireFinite("zCornishFisher", zCornishFisher);
  }

  /**
   * The Cornish-Fisher VaR under the given standard-deviation convention.
   *
   * @param sd which standard deviation scales {@code z_cf}
   * @return {@code -(mean + z_cf * sd)}, positive = loss
   */
  public double var(SdConvention sd) {
    return -(mean + zCornishFisher * sd(sd));
  }

  /**
   * The Cornish-Fisher CVaR (tail mean of the expanded quantile function) under the given
   * standard-deviation convention; formula in the type description.
   *
   * @param sd which standard deviation scales the tail mean
   * @return the CVaR, positive = loss
   */
  public double cvar(SdConvention sd) {
    double p = 1.0 - confidence;
    double s = skewness;
    double k = excessKurtosis;
    double bracket =
        1.0 + z * s / 6.0 + (z * z - 1.0) * k / 24.0 - (2.0 * z * z - 1.0) * s * s / 36.0;
    return -(mean - sd(sd) * STANDARD_NORMAL.density(z) / p * bracket);
  }

  /**
   * The VaR and CVaR pair under the given standard-deviation convention.
   *
   * @param sd which standard deviation to use
   * @return a {@link VarMethod#CORNISH_FISHER} estimate
   */
  public VarEstimate estimate(SdConvention sd) {
    return new VarEstimate(VarMethod.CORNISH_FISHER, confidence, var(sd), cvar(sd));
  }

  private double sd(SdConvention sd) {
    return Objects.requireNonNull(sd, "sd") == SdConvention.POPULATION ? sdPopulation : sdSample;
  }

  /**
   * Whether {@code z_cf(x)} is strictly increasing on {@code (-inf, z]}. Its derivative is the
   * quadratic {@code a x^2 + b x + c} with {@code a = K/8 - S^2/6}, {@code b = S/3}, {@code c = 1 -
   * K/8 + 5 S^2 / 36}; the check finds its minimum on the half-line.
   */
  static boolean isMonotoneTail(double s, double k, double z) {
    double a = k / 8.0 - s * s / 6.0;
    double b = s / 3.0;
    double c = 1.0 - k / 8.0 + 5.0 * s * s / 36.0;
    double atZ = (a * z + b) * z + c;
    if (a < 0.0) {
      return false; // the derivative tends to -infinity as x -> -infinity
    }
    if (a == 0.0) {
      return b <= 0.0 && atZ > 0.0;
    }
    double vertex = -b / (2.0 * a);
    return vertex <= z ? c - b * b / (4.0 * a) > 0.0 : atZ > 0.0;
  }
}
