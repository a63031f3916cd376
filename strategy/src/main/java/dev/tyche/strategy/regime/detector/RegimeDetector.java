package dev.tyche.strategy.regime.detector;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.risk.volatility.EwmaVolatility;
import dev.tyche.risk.volatility.GarchFit;
import dev.tyche.risk.volatility.GarchModel;
import dev.tyche.risk.volatility.GarchParameters;
import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.allocation.MarketRegime.Trend;
import dev.tyche.strategy.allocation.MarketRegime.Volatility;
import dev.tyche.strategy.regime.hmm.GaussianHmm;
import dev.tyche.strategy.regime.hmm.GaussianHmmFitter;
import dev.tyche.strategy.regime.hmm.OnlineHmmFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A streaming market-regime detector without look-ahead: fed closed bars one at a time, it returns
 * after each bar a {@link RegimeEstimate} computed from that bar and earlier ones only.
 *
 * <p><b>Features</b> (see {@link RegimeDetectorConfig}): {@code x_t = (m_t, v_t)}, the rolling mean
 * log return and the log of the conditional volatility of the next return (GARCH(1,1) or EWMA).
 *
 * <p><b>Model.</b> A {@code K}-state Gaussian HMM with diagonal covariances on {@code x_t}
 * (Hamilton 1989, "A new approach to the economic analysis of nonstationary time series and the
 * business cycle", Econometrica 57(2), applied to a feature vector; fitted by Baum-Welch, see
 * {@link GaussianHmmFitter}).
 *
 * <p><b>Schedule.</b> The first fit happens on the bar that brings the number of returns to {@link
 * RegimeDetectorConfig#minHistory()}, then every {@link RegimeDetectorConfig#refitEvery()} bars. A
 * fit at bar {@code t} uses the fit window ending at {@code t} (all returns, or the latest {@link
 * RegimeDetectorConfig#windowLength()}) and nothing else:
 *
 * <ol>
 *   <li>GARCH mode: the GARCH model is refitted by maximum likelihood on the window's returns and
 *       {@code v} is recomputed over the window with the new parameters, starting from the fit's
 *       own start-up variance (which uses the window, i.e. data {@code <= t}); between refits the
 *       GARCH recursion {@code h_{t+1} = omega + alpha1 (|e_t| - gamma1 e_t)^2 + beta1 h_t} runs
 *       forward with fixed parameters. EWMA mode: nothing to refit.
 *   <li>The HMM is refitted (seeded, so reproducible) on the window's feature rows, and its states
 *       get their meanings (canonical order and labels, see {@link RegimeEstimate} and {@link
 *       RegimeDetectorConfig}).
 *   <li>A fresh {@link OnlineHmmFilter} of the NEW model is run over the window's rows up to and
 *       including {@code t}, so the probabilities at {@code t} are filtered, {@code P(s_t |
 *       x_window..x_t)}, never smoothed.
 * </ol>
 *
 * Between refits each bar costs one feature update and one {@code O(K^2)} filter step. A fit that
 * cannot be made (constant data, a failed GARCH optimisation, an HMM fit without a finite start)
 * leaves the previous models in place; without previous models the detector stays warming up until
 * the next scheduled fit.
 *
 * <p><b>No look-ahead and determinism.</b> The estimate after bar {@code t} is a function of bars
 * {@code 1..t} and the configuration only: the schedule depends on the bar count, every fit is
 * seeded, and nothing is revised later. Feeding the same bars gives the same estimates bit for bit,
 * whatever follows.
 *
 * <p>Bars must belong to one symbol and interval and come in strictly increasing time; closes must
 * be finite and {@code > 0}. A rejected input throws and leaves the detector unchanged.
 *
 * <p>Memory: an expanding window keeps every return (four doubles per bar); a rolling window keeps
 * about twice the largest of the window, trend and drawdown lengths.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RegimeDetector {

  private static final MarketRegime[] ORDINARY = {
    MarketRegime.BULL_LOW_VOL,
    MarketRegime.BULL_HIGH_VOL,
    MarketRegime.BEAR_LOW_VOL,
    MarketRegime.BEAR_HIGH_VOL,
    MarketRegime.SIDEWAYS_LOW_VOL,
    MarketRegime.SIDEWAYS_HIGH_VOL
  };

  private final RegimeDetectorConfig config;
  private final int k;
  private final int trendWindow;
  private final long keep;
  private final History closes = new History();
  private final History returns = new History();
  private final History trends = new History();
  private final History vols = new History();
  private final double[] row = new double[2];
  private final double[] filtered;
  private final double[] mass = new double[ORDINARY.length];

  private Symbol symbol;
  private long intervalMillis;
  private long lastTime;
  private long bars;
  private int fitCount;

  private EwmaVolatility ewma;
  private GarchParameters garch;
  private double garchVariance;

  private GaussianHmm model;
  private OnlineHmmFilter filter;
  private int[] order;
  private List<MarketRegime> labels = List.of();
  private double volatilityReference;
  private RegimeEstimate last;

  /**
   * A detector that has seen no bar.
   *
   * @param config the settings
   */
  public RegimeDetector(RegimeDetectorConfig config) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    this.k = config.hmm().numStates();
    this.trendWindow = config.trendWindow();
    this.filtered = new double[k];
    long longest = Math.max(config.drawdownWindow(), trendWindow);
    this.keep =
        config.window() == FitWindow.ROLLING
            ? Math.max(config.windowLength(), longest) + 1
            : Long.MAX_VALUE;
  }

  /**
   * The settings.
   *
   * @return the configuration
   */
  public RegimeDetectorConfig config() {
    return config;
  }

  /**
   * Number of bars accepted so far.
   *
   * @return the count
   */
  public long bars() {
    return bars;
  }

  /**
   * Number of successful HMM fits so far.
   *
   * @return the count
   */
  public int fitCount() {
    return fitCount;
  }

  /**
   * The latest estimate.
   *
   * @return the estimate after the latest bar, empty before the first
   */
  public Optional<RegimeEstimate> lastEstimate() {
    return Optional.ofNullable(last);
  }

  /**
   * The HMM in use, with states in the fitter's order (the estimate's canonical order may differ).
   *
   * @return the current model, empty while warming up
   */
  public Optional<GaussianHmm> model() {
    return Optional.ofNullable(model);
  }

  /**
   * Feeds one closed bar; its close time is the estimate's time.
   *
   * @param bar the bar: same symbol and interval as the first bar, closing after the previous one
   * @return the estimate after this bar
   * @throws IllegalArgumentException for another symbol or interval, or a bar not after the
   *     previous one (the detector is left unchanged)
   */
  public RegimeEstimate update(Bar bar) {
    Objects.requireNonNull(bar, "bar must not be null");
    if (symbol != null && !symbol.equals(bar.symbol())) {
      throw new IllegalArgumentException(
          "bar symbol must be " + symbol + " but was " + bar.symbol());
    }
    if (symbol != null && intervalMillis != bar.intervalMillis()) {
      throw new IllegalArgumentException(
          "bar interval must be " + intervalMillis + " ms but was " + bar.intervalMillis());
    }
    RegimeEstimate e = update(bar.eventTime(), bar.close().toDouble());
    symbol = bar.symbol();
    intervalMillis = bar.intervalMillis();
    return e;
  }

  /**
   * Feeds one closing price.
   *
   * @param time when the price became known, UTC epoch ms, strictly after the previous one
   * @param close the closing price, finite and {@code > 0}
   * @return the estimate after this price
   * @throws IllegalArgumentException for a non-finite or non-positive close or a time not after the
   *     previous one (the detector is left unchanged)
   */
  public RegimeEstimate update(long time, double close) {
    if (!(close > 0.0) || Double.isInfinite(close)) {
      throw new IllegalArgumentException("close must be finite and > 0 but was " + close);
    }
    if (bars > 0 && time <= lastTime) {
      throw new IllegalArgumentException(
          "time must be after the previous bar's " + lastTime + " but was " + time);
    }
    lastTime = time;
    bars++;
    closes.add(close);
    if (bars == 1) {
      last = warmUp(time, Double.NaN, Double.NaN, Double.NaN, 0.0);
      return last;
    }
    double r = Math.log(close / closes.get(closes.end() - 2));
    returns.add(r);
    long j = returns.end() - 1;
    double m = trendAt(j);
    trends.add(m);
    vols.add(nextVolatilityFeature(j, r));

    boolean refitted = false;
    long n = j + 1;
    if (n >= config.minHistory() && (n - config.minHistory()) % config.refitEvery() == 0) {
      refitted = refit(j);
    }
    if (!refitted && filter != null && Double.isFinite(trends.get(j)) && isFinite(vols.get(j))) {
      row[0] = trends.get(j);
      row[1] = vols.get(j);
      filter.update(row);
    }
    double v = vols.get(j);
    double drawdown = drawdown(close);
    forget();
    if (model == null) {
      last = warmUp(time, r, m, Double.isFinite(v) ? Math.exp(v) : Double.NaN, drawdown);
    } else {
      last = estimate(time, r, m, Math.exp(v), drawdown, refitted);
    }
    return last;
  }

  private static boolean isFinite(double v) {
    return Double.isFinite(v);
  }

  private double trendAt(long j) {
    if (j < trendWindow - 1) {
      return Double.NaN;
    }
    // A fresh sum every bar: the value never depends on how far back the history goes.
    double s = 0.0;
    for (long i = j - trendWindow + 1; i <= j; i++) {
      s += returns.get(i);
    }
    return s / trendWindow;
  }

  private double nextVolatilityFeature(long j, double r) {
    if (config.volatility() == VolatilityFeature.EWMA) {
      if (ewma == null) {
        if (j < trendWindow - 1) {
          return Double.NaN;
        }
        double s = 0.0;
        for (long i = j - trendWindow + 1; i <= j; i++) {
          s += returns.get(i) * returns.get(i);
        }
        double seed = s / trendWindow;
        if (!(seed > 0.0)) {
          return Double.NaN;
        }
        ewma = new EwmaVolatility(config.ewmaLambda(), seed);
        return 0.5 * Math.log(seed);
      }
      return logVolatility(ewma.update(r));
    }
    if (garch == null) {
      return Double.NaN;
    }
    garchVariance = garchStep(garch, garchVariance, r);
    return logVolatility(garchVariance);
  }

  private static double logVolatility(double variance) {
    // An EWMA fed thousands of zero returns decays toward 0; keep the feature finite.
    return 0.5 * Math.log(Math.max(variance, Double.MIN_NORMAL));
  }

  /** {@code h_{t+1}} from {@code h_t} and {@code r_t} (Glosten, Jagannathan, Runkle 1993 form). */
  private static double garchStep(GarchParameters p, double h, double r) {
    double e = r - p.mu();
    double a = Math.abs(e) - p.gamma1() * e;
    return p.omega() + p.alpha1() * a * a + p.beta1() * h;
  }

  private boolean refit(long j) {
    long start =
        config.window() == FitWindow.ROLLING ? Math.max(0, j - config.windowLength() + 1) : 0;
    if (config.volatility() == VolatilityFeature.GARCH) {
      refitGarch(start, j);
      if (garch == null) {
        return false;
      }
    }
    long first = Math.max(start, trendWindow - 1);
    while (first <= j && !isFinite(vols.get(first))) {
      first++;
    }
    int n = (int) (j - first + 1);
    if (n < Math.max(2 * k, 2)) {
      return false;
    }
    double[][] x = new double[n][2];
    double vSum = 0.0;
    for (int i = 0; i < n; i++) {
      x[i][0] = trends.get(first + i);
      x[i][1] = vols.get(first + i);
      vSum += x[i][1];
    }
    if (isConstant(x, 0) || isConstant(x, 1)) {
      return false;
    }
    GaussianHmm fitted;
    try {
      fitted = GaussianHmmFitter.fit(x, config.hmm()).model();
    } catch (IllegalStateException e) {
      // Every EM start diverged: keep the previous model, if any (see the class comment).
      return false;
    }
    double vbar = vSum / n;
    model = fitted;
    order = canonicalOrder(fitted);
    labels = labelStates(fitted, order, vbar);
    volatilityReference = Math.exp(vbar);
    filter = fitted.onlineFilter();
    for (double[] xi : x) {
      filter.update(xi);
    }
    fitCount++;
    return true;
  }

  private void refitGarch(long start, long j) {
    double[] window = new double[(int) (j - start + 1)];
    for (int i = 0; i < window.length; i++) {
      window[i] = returns.get(start + i);
    }
    if (window.length < GarchModel.MIN_FIT_OBSERVATIONS || isConstant(window)) {
      return;
    }
    GarchFit fit;
    try {
      fit = GarchModel.of(config.garchSpec()).fit(window, config.garchOptions());
    } catch (ArithmeticException | IllegalArgumentException e) {
      // The input was checked above (finite, long enough, not constant), so these mean the
      // optimiser failed: no start gave a finite likelihood, or omega = exp(u) underflowed to 0 at
      // the boundary and GarchParameters refused it. Keep the previous parameters, if any.
      return;
    }
    garch = fit.parameters();
    double h = fit.conditionalVariances()[0];
    for (int i = 0; i < window.length; i++) {
      h = garchStep(garch, h, window[i]);
      vols.set(start + i, logVolatility(h));
    }
    garchVariance = h;
  }

  private static boolean isConstant(double[] x) {
    for (double v : x) {
      if (v != x[0]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isConstant(double[][] x, int column) {
    for (double[] r : x) {
      if (r[column] != x[0][column]) {
        return false;
      }
    }
    return true;
  }

  /** Ascending mean volatility feature, then ascending mean trend feature, then fitter index. */
  private static int[] canonicalOrder(GaussianHmm m) {
    Integer[] idx = new Integer[m.numStates()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx,
        Comparator.<Integer>comparingDouble(s -> m.mean(s)[1])
            .thenComparingDouble(s -> m.mean(s)[0])
            .thenComparingInt(s -> s));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  private List<MarketRegime> labelStates(GaussianHmm m, int[] canonical, double vbar) {
    List<MarketRegime> out = new ArrayList<>(canonical.length);
    for (int s : canonical) {
      double[] mu = m.mean(s);
      Volatility vol =
          mu[1] > vbar + config.highVolatilityThreshold() ? Volatility.HIGH : Volatility.LOW;
      double sharpe = mu[0] / Math.exp(mu[1]);
      Trend trend;
      if (sharpe > config.trendThreshold()) {
        trend = Trend.BULL;
      } else if (sharpe < -config.trendThreshold()) {
        trend = Trend.BEAR;
      } else {
        trend = Trend.SIDEWAYS;
      }
      out.add(MarketRegime.of(trend, vol));
    }
    return List.copyOf(out);
  }

  private double drawdown(double close) {
    long end = closes.end();
    long from = Math.max(0, end - config.drawdownWindow());
    double peak = close;
    for (long i = from; i < end; i++) {
      peak = Math.max(peak, closes.get(i));
    }
    return 1.0 - close / peak;
  }

  private void forget() {
    closes.forgetBefore(closes.end() - Math.max(config.drawdownWindow(), 2));
    if (keep != Long.MAX_VALUE) {
      long from = returns.end() - keep;
      returns.forgetBefore(from);
      trends.forgetBefore(from);
      vols.forgetBefore(from);
    }
  }

  private RegimeEstimate warmUp(long time, double r, double m, double sigma, double drawdown) {
    return new RegimeEstimate(
        time,
        bars,
        MarketRegime.UNKNOWN,
        MarketRegime.UNKNOWN,
        0.0,
        new double[0],
        List.of(),
        r,
        m,
        sigma,
        drawdown,
        false);
  }

  private RegimeEstimate estimate(
      long time, double r, double m, double sigma, double drawdown, boolean refitted) {
    filter.copyFilteredProbabilities(filtered);
    double[] probs = new double[k];
    Arrays.fill(mass, 0.0);
    for (int c = 0; c < k; c++) {
      probs[c] = filtered[order[c]];
      mass[labels.get(c).ordinal()] += probs[c];
    }
    int best = 0;
    for (int i = 1; i < mass.length; i++) {
      if (mass[i] > mass[best]) {
        best = i;
      }
    }
    MarketRegime modelRegime = ORDINARY[best];
    double confidence = Math.min(1.0, Math.max(0.0, mass[best]));
    MarketRegime regime;
    if (sigma >= config.crisisVolatilityRatio() * volatilityReference
        && drawdown >= config.crisisDrawdown()) {
      regime = MarketRegime.CRISIS;
    } else if (confidence < config.minConfidence()) {
      regime = MarketRegime.UNKNOWN;
    } else {
      regime = modelRegime;
    }
    return new RegimeEstimate(
        time,
        bars,
        regime,
        modelRegime,
        confidence,
        probs,
        labels,
        r,
        m,
        sigma,
        drawdown,
        refitted);
  }
}
