package dev.tyche.strategy.regime.detector;

import dev.tyche.risk.volatility.GarchFitOptions;
import dev.tyche.risk.volatility.GarchModel;
import dev.tyche.risk.volatility.GarchSpec;
import dev.tyche.strategy.regime.hmm.HmmFitOptions;
import dev.tyche.strategy.regime.hmm.InitialStateFit;
import java.util.Objects;

/**
 * Settings of a {@link RegimeDetector}. Start from {@link #defaults()} (chosen for daily bars) and
 * adjust with the {@code withX} copies. Bar counts are in bars of the series fed to the detector;
 * returns are natural-log returns per bar; volatilities are per-bar standard deviations of log
 * returns (not annualised).
 *
 * <p><b>Features.</b> For every bar {@code t} with a previous close: {@code r_t = ln(C_t /
 * C_{t-1})}; the trend feature {@code m_t = (r_{t-L+1} + ... + r_t) / L} with {@code L =
 * trendWindow}; the volatility feature {@code v_t = ln sigma_t}, where {@code sigma_t^2} is the
 * conditional variance of the NEXT return given returns up to {@code t} (GARCH {@code h_{t+1}} or
 * EWMA {@code h_{t+1}}), so it already reacts to {@code r_t}.
 *
 * <p><b>Meaning of a state</b> (decided at every refit from the fitted state means {@code (mu_m,
 * mu_v)} and the mean {@code vbar} of {@code v} over the fit window): volatility is HIGH when
 * {@code mu_v > vbar + highVolatilityThreshold}, else LOW; the trend is BULL when {@code mu_m /
 * exp(mu_v) > trendThreshold}, BEAR when it is {@code < -trendThreshold}, else SIDEWAYS ({@code
 * mu_m / exp(mu_v)} is the state's mean drift per bar in units of its own volatility, a per-bar
 * Sharpe ratio, so one threshold serves hourly and daily bars).
 *
 * <p><b>Crisis.</b> A warm detector reports {@code CRISIS} at {@code t} when both {@code sigma_t >=
 * crisisVolatilityRatio * exp(vbar)} (volatility at least that multiple of the fit window's
 * geometric-mean volatility) and the drawdown {@code 1 - C_t / max(C_{t-D+1..t}) >= crisisDrawdown}
 * with {@code D = drawdownWindow}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hmm HMM fit settings; {@link HmmFitOptions#numStates()} is the number of states K, and its
 *     seed makes every fit reproducible
 * @param volatility which conditional volatility feeds {@code v_t}
 * @param ewmaLambda EWMA decay, in (0, 1); used with {@link VolatilityFeature#EWMA}. The EWMA is
 *     seeded with the mean square of the first {@code trendWindow} returns
 * @param garchSpec GARCH specification; used with {@link VolatilityFeature#GARCH}
 * @param garchOptions GARCH optimiser settings (seeded); used with {@link VolatilityFeature#GARCH}
 * @param trendWindow {@code L}, returns in the rolling mean, {@code >= 1}
 * @param window expanding or rolling fit window
 * @param windowLength returns in a rolling window, {@code >= minHistory}; ignored when expanding
 * @param minHistory returns seen before the first fit, {@code >= trendWindow + 29} so that the
 *     first fit sees at least {@value dev.tyche.risk.volatility.GarchModel#MIN_FIT_OBSERVATIONS}
 *     feature rows
 * @param refitEvery bars between refits after the first, {@code >= 1}
 * @param trendThreshold per-bar Sharpe ratio separating bull/bear from sideways, finite, {@code >=
 *     0}
 * @param highVolatilityThreshold log-volatility margin above {@code vbar} for HIGH, finite
 * @param crisisVolatilityRatio volatility multiple of a crisis, {@code > 0} ({@code +Infinity}
 *     disables crisis detection)
 * @param crisisDrawdown drawdown of a crisis, in (0, 1]
 * @param drawdownWindow {@code D}, closes over which the drawdown's peak is taken, {@code >= 1}
 * @param minConfidence below this probability of the most probable label the regime is {@code
 *     UNKNOWN}, in [0, 1]
 */
public record RegimeDetectorConfig(
    HmmFitOptions hmm,
    VolatilityFeature volatility,
    double ewmaLambda,
    GarchSpec garchSpec,
    GarchFitOptions garchOptions,
    int trendWindow,
    FitWindow window,
    int windowLength,
    int minHistory,
    int refitEvery,
    double trendThreshold,
    double highVolatilityThreshold,
    double crisisVolatilityRatio,
    double crisisDrawdown,
    int drawdownWindow,
    double minConfidence) {

  /** Validates every setting; messages name the setting, its value and what was expected. */
  public RegimeDetectorConfig {
    Objects.requireNonNull(hmm, "hmm must not be null");
    Objects.requireNonNull(volatility, "volatility must not be null");
    Objects.requireNonNull(garchSpec, "garchSpec must not be null");
    Objects.requireNonNull(garchOptions, "garchOptions must not be null");
    Objects.requireNonNull(window, "window must not be null");
    if (!(ewmaLambda > 0.0 && ewmaLambda < 1.0)) {
      throw new IllegalArgumentException("ewmaLambda must be in (0, 1) but was " + ewmaLambda);
    }
    if (trendWindow < 1) {
      throw new IllegalArgumentException("trendWindow must be >= 1 but was " + trendWindow);
    }
    int leastHistory = trendWindow + GarchModel.MIN_FIT_OBSERVATIONS - 1;
    if (minHistory < leastHistory || minHistory < trendWindow - 1 + 2 * hmm.numStates()) {
      throw new IllegalArgumentException(
          "minHistory must be >= max(trendWindow + 29, trendWindow - 1 + 2K) = "
              + Math.max(leastHistory, trendWindow - 1 + 2 * hmm.numStates())
              + " but was "
              + minHistory);
    }
    if (windowLength < minHistory) {
      throw new IllegalArgumentException(
          "windowLength must be >= minHistory=" + minHistory + " but was " + windowLength);
    }
    if (refitEvery < 1) {
      throw new IllegalArgumentException("refitEvery must be >= 1 but was " + refitEvery);
    }
    if (!(trendThreshold >= 0.0) || Double.isInfinite(trendThreshold)) {
      throw new IllegalArgumentException(
          "trendThreshold must be finite and >= 0 but was " + trendThreshold);
    }
    if (!Double.isFinite(highVolatilityThreshold)) {
      throw new IllegalArgumentException(
          "highVolatilityThreshold must be finite but was " + highVolatilityThreshold);
    }
    if (!(crisisVolatilityRatio > 0.0)) {
      throw new IllegalArgumentException(
          "crisisVolatilityRatio must be > 0 (or +Infinity to disable) but was "
              + crisisVolatilityRatio);
    }
    if (!(crisisDrawdown > 0.0 && crisisDrawdown <= 1.0)) {
      throw new IllegalArgumentException(
          "crisisDrawdown must be in (0, 1] but was " + crisisDrawdown);
    }
    if (drawdownWindow < 1) {
      throw new IllegalArgumentException("drawdownWindow must be >= 1 but was " + drawdownWindow);
    }
    if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
      throw new IllegalArgumentException(
          "minConfidence must be in [0, 1] but was " + minConfidence);
    }
  }

  /**
   * Defaults for daily bars: K = 4 states on {@code (m_t, v_t)} with diagonal covariances, fitted
   * by EM with a free initial distribution ({@link InitialStateFit#ESTIMATED}, no BFGS polish, to
   * keep refits cheap), 2 seeded random starts (seed 1), 200 iterations; GARCH(1,1) with a constant
   * mean and normal innovations ({@link GarchSpec#garch()}, {@link GarchFitOptions#defaults()});
   * EWMA lambda 0.94 (if switched to EWMA); trend window 20; expanding window (rolling length 750
   * if switched); first fit after 250 returns, refit every 21 bars; trend threshold 0.05;
   * high-volatility margin 0; crisis at 1.5 x the geometric-mean volatility together with a 25 %
   * drawdown from the 30-bar peak; minimum confidence 0.5.
   *
   * @return the default settings
   */
  public static RegimeDetectorConfig defaults() {
    HmmFitOptions hmm =
        HmmFitOptions.defaults(4)
            .withInitialState(InitialStateFit.ESTIMATED)
            .withRandomStarts(2, 1L)
            .withIterations(200, 10)
            .withTolerances(1e-7, 1e-7);
    return new RegimeDetectorConfig(
        hmm,
        VolatilityFeature.GARCH,
        0.94,
        GarchSpec.garch(),
        GarchFitOptions.defaults(),
        20,
        FitWindow.EXPANDING,
        750,
        250,
        21,
        0.05,
        0.0,
        1.5,
        0.25,
        30,
        0.5);
  }

  /**
   * Copy with other HMM fit settings.
   *
   * @param options the settings (K and seed included)
   * @return the copy
   */
  public RegimeDetectorConfig withHmm(HmmFitOptions options) {
    return new RegimeDetectorConfig(
        options,
        volatility,
        ewmaLambda,
        garchSpec,
        garchOptions,
        trendWindow,
        window,
        windowLength,
        minHistory,
        refitEvery,
        trendThreshold,
        highVolatilityThreshold,
        crisisVolatilityRatio,
        crisisDrawdown,
        drawdownWindow,
        minConfidence);
  }

  /**
   * Copy with another volatility feature.
   *
   * @param feature GARCH or EWMA
   * @param lambda EWMA decay (kept for GARCH, validated either way)
   * @return the copy
   */
  public RegimeDetectorConfig withVolatility(VolatilityFeature feature, double lambda) {
    return new RegimeDetectorConfig(
        hmm,
        feature,
        lambda,
        garchSpec,
        garchOptions,
        trendWindow,
        window,
        windowLength,
        minHistory,
        refitEvery,
        trendThreshold,
        highVolatilityThreshold,
        crisisVolatilityRatio,
        crisisDrawdown,
        drawdownWindow,
        minConfidence);
  }

  /**
   * Copy with other GARCH settings.
   *
   * @param spec the specification
   * @param options the optimiser settings
   * @return the copy
   */
  public RegimeDetectorConfig withGarch(GarchSpec spec, GarchFitOptions options) {
    return new RegimeDetectorConfig(
        hmm,
        volatility,
        ewmaLambda,
        spec,
        options,
        trendWindow,
        window,
        windowLength,
        minHistory,
        refitEvery,
        trendThreshold,
        highVolatilityThreshold,
        crisisVolatilityRatio,
        crisisDrawdown,
        drawdownWindow,
        minConfidence);
  }

  /**
   * Copy with another fit window and schedule.
   *
   * @param newWindow expanding or rolling
   * @param length returns in a rolling window
   * @param history returns before the first fit
   * @param every bars between refits
   * @return the copy
   */
  public RegimeDetectorConfig withSchedule(
      FitWindow newWindow, int length, int history, int every) {
    return new RegimeDetectorConfig(
        hmm,
        volatility,
        ewmaLambda,
        garchSpec,
        garchOptions,
        trendWindow,
        newWindow,
        length,
        history,
        every,
        trendThreshold,
        highVolatilityThreshold,
        crisisVolatilityRatio,
        crisisDrawdown,
        drawdownWindow,
        minConfidence);
  }

  /**
   * Copy with another trend window and labelling thresholds.
   *
   * @param window returns in the rolling mean
   * @param trend per-bar Sharpe threshold of a trend
   * @param highVolatility log-volatility margin of HIGH
   * @return the copy
   */
  public RegimeDetectorConfig withTrend(int window, double trend, double highVolatility) {
    return new RegimeDetectorConfig(
        hmm,
        volatility,
        ewmaLambda,
        garchSpec,
        garchOptions,
        window,
        this.window,
        windowLength,
        minHistory,
        refitEvery,
        trend,
        highVolatility,
        crisisVolatilityRatio,
        crisisDrawdown,
        drawdownWindow,
        minConfidence);
  }

  /**
   * Copy with other crisis thresholds.
   *
   * @param volatilityRatio volatility multiple
   * @param drawdown drawdown fraction
   * @param peakWindow closes over which the peak is taken
   * @return the copy
   */
  public RegimeDetectorConfig withCrisis(double volatilityRatio, double drawdown, int peakWindow) {
    return new RegimeDetectorConfig(
        hmm,
        volatility,
        ewmaLambda,
        garchSpec,
        garchOptions,
        trendWindow,
        window,
        windowLength,
        minHistory,
        refitEvery,
        trendThreshold,
        highVolatilityThreshold,
        volatilityRatio,
        drawdown,
        peakWindow,
        minConfidence);
  }

  /**
   * Copy with another minimum confidence.
   *
   * @param confidence in [0, 1]
   * @return the copy
   */
  public RegimeDetectorConfig withMinConfidence(double confidence) {
    return new RegimeDetectorConfig(
        hmm,
        volatility,
        ewmaLambda,
        garchSpec,
        garchOptions,
        trendWindow,
        window,
        windowLength,
        minHistory,
        refitEvery,
        trendThreshold,
        highVolatilityThreshold,
        crisisVolatilityRatio,
        crisisDrawdown,
        drawdownWindow,
        confidence);
  }
}
