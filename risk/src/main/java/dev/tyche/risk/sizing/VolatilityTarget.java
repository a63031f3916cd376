package dev.tyche.risk.sizing;

/**
 * Volatility targeting: hold the notional {@code equity * targetVol / instrumentVol}, so that the
 * position's volatility is {@code targetVol} of equity (Harvey, Hoyle, Korgaonkar, Rattray,
 * Sargaison and Van Hemert 2018, "The Impact of Volatility Targeting", Journal of Portfolio
 * Management 45(1); Moreira and Muir 2017, "Volatility-Managed Portfolios", Journal of Finance
 * 72(4), scale by inverse variance instead, which this class does not do).
 *
 * <p>Units: both volatilities are annualised standard deviations of simple returns (0.6 = 60 % a
 * year). Annualisation is by the square root of time ({@code sigma_period * sqrt(periodsPerYear)}),
 * which assumes uncorrelated returns; crypto trades every day, so daily bars use {@link
 * #CRYPTO_DAYS_PER_YEAR} = 365 periods (hourly bars 8760).
 *
 * <p>Immutable and thread-safe.
 *
 * @param targetAnnualVol the target annualised volatility of the position relative to equity,
 *     finite and {@code > 0}
 * @param instrumentAnnualVol the instrument's annualised volatility forecast, finite and {@code >
 *     0}
 */
public record VolatilityTarget(double targetAnnualVol, double instrumentAnnualVol) {

  /** Periods per year for daily crypto bars (the market never closes). */
  public static final double CRYPTO_DAYS_PER_YEAR = 365.0;

  /**
   * {@code E[high - low] = sqrt(8 / pi) * sigma} for a driftless Brownian motion over one bar
   * (Parkinson 1980, "The Extreme Value Method for Estimating the Variance of the Rate of Return",
   * Journal of Business 53(1), eq. for the expected range).
   */
  public static final double RANGE_TO_SIGMA = Math.sqrt(8.0 / Math.PI);

  /** Validates the fields. */
  public VolatilityTarget {
    requirePositive(targetAnnualVol, "targetAnnualVol");
    requirePositive(instrumentAnnualVol, "instrumentAnnualVol");
  }

  /**
   * From a per-period sigma, e.g. the square root of a GARCH or EWMA one-step variance forecast
   * ({@code dev.tyche.risk.volatility}).
   *
   * @param targetAnnualVol the annualised target, {@code > 0}
   * @param sigmaPerPeriod the instrument's return standard deviation per bar, {@code > 0}
   * @param periodsPerYear bars per year, {@code > 0} (365 for daily crypto bars)
   * @return the target with {@code instrumentAnnualVol = sigmaPerPeriod * sqrt(periodsPerYear)}
   */
  public static VolatilityTarget ofPeriodSigma(
      double targetAnnualVol, double sigmaPerPeriod, double periodsPerYear) {
    requirePositive(sigmaPerPeriod, "sigmaPerPeriod");
    requirePositive(periodsPerYear, "periodsPerYear");
    return new VolatilityTarget(targetAnnualVol, sigmaPerPeriod * Math.sqrt(periodsPerYear));
  }

  /**
   * From an average true range: the per-bar sigma is taken as {@code (atr / price) / sqrt(8/pi)},
   * Parkinson's expected range of a Brownian bar. This is an approximation: the true range also
   * counts gaps between bars and drift, so it overstates sigma a little, which sizes
   * conservatively.
   *
   * @param targetAnnualVol the annualised target, {@code > 0}
   * @param atr the average true range in quote units per base unit, {@code > 0}
   * @param price the price the ATR refers to, {@code > 0}
   * @param periodsPerYear bars per year of the ATR's bars, {@code > 0}
   * @return the target
   */
  public static VolatilityTarget ofAtr(
      double targetAnnualVol, double atr, double price, double periodsPerYear) {
    requirePositive(atr, "atr");
    requirePositive(price, "price");
    return ofPeriodSigma(targetAnnualVol, atr / price / RANGE_TO_SIGMA, periodsPerYear);
  }

  /**
   * The notional fraction of equity, {@code targetAnnualVol / instrumentAnnualVol}.
   *
   * @return the leverage the target implies
   */
  public double notionalPerEquity() {
    return targetAnnualVol / instrumentAnnualVol;
  }

  static void requirePositive(double v, String name) {
    if (!(Double.isFinite(v) && v > 0)) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was " + v);
    }
  }
}
