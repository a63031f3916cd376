package dev.tyche.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tyche.strategy.indicator.Series.Bars;
import java.util.function.ObjIntConsumer;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every streaming indicator equals a full recomputation from its definition ({@link Naive}) at
 * every step of random series, including the undefined (NaN) warm-up positions, and reports {@code
 * isReady()} exactly from update {@code warmUpPeriod()} on. Values agree to {@code 1e-8} relative
 * (absolute below 1): the streaming sums and the recomputations round differently. The Hurst
 * exponent is the exception: it is compared through its variance ratio with a derived rounding
 * bound (see {@code hurstClose}), because {@code ln} amplifies the one-pass sums' error without
 * limit as the ratio approaches zero.
 */
class IndicatorProperties {

  private static final int TRIES = 150;

  /** Variance ratios below this count as 0 in {@link HurstExponent} and {@link Naive#hurst}. */
  private static final double HURST_NOISE = 1e-10;

  @Provide
  Arbitrary<double[]> prices() {
    return Series.prices(1, 120);
  }

  @Provide
  Arbitrary<Bars> bars() {
    return Series.bars(1, 120);
  }

  record Out<T>(String name, ToDoubleFunction<T> get, double[] expected) {}

  @SafeVarargs
  private static <T extends StreamingIndicator> void verify(
      T ind, int len, ObjIntConsumer<T> feed, Out<T>... outs) {
    for (int t = 0; t < len; t++) {
      feed.accept(ind, t);
      assertThat(ind.isReady()).as("isReady at %d", t).isEqualTo(t >= ind.warmUpPeriod() - 1);
      if (!ind.isReady()) {
        assertThat(ind.value()).as("value before warm-up at %d", t).isNaN();
      }
      for (Out<T> o : outs) {
        close(o.name(), t, o.expected()[t], o.get().applyAsDouble(ind));
      }
    }
  }

  static void close(String what, int t, double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as("%s at %d", what, t).isNaN();
      return;
    }
    if (Double.isInfinite(expected)) {
      assertThat(actual).as("%s at %d", what, t).isEqualTo(expected);
      return;
    }
    double allowed = 1e-8 * Math.max(1.0, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= allowed)) {
      fail("%s at %d: expected %s but was %s", what, t, expected, actual);
    }
  }

  private static <T extends Indicator> void series(T ind, double[] x, double[] expected) {
    verify(ind, x.length, (i, t) -> i.update(x[t]), new Out<T>("value", T::value, expected));
  }

  private static <T extends BarIndicator> ObjIntConsumer<T> feed(Bars b) {
    return (i, t) -> i.update(b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
  }

  @Property(tries = TRIES)
  void sma(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 25) int n) {
    series(new Sma(n), x, Naive.sma(x, n));
  }

  @Property(tries = TRIES)
  void ema(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 25) int n) {
    series(new Ema(n), x, Naive.ema(x, n));
  }

  @Property(tries = TRIES)
  void wilderAverage(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 25) int n) {
    series(Ema.wilder(n), x, Naive.wilder(x, n));
  }

  @Property(tries = TRIES)
  void wma(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 25) int n) {
    series(new Wma(n), x, Naive.wma(x, n));
  }

  @Property(tries = TRIES)
  void dema(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 20) int n) {
    series(new Dema(n), x, Naive.dema(x, n));
  }

  @Property(tries = TRIES)
  void tema(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 15) int n) {
    series(new Tema(n), x, Naive.tema(x, n));
  }

  @Property(tries = TRIES)
  void rsi(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 25) int n) {
    series(new Rsi(n), x, Naive.rsi(x, n));
  }

  @Property(tries = TRIES)
  void rateOfChangeAndMomentum(
      @ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 25) int n) {
    double[] roc = Naive.nan(x.length);
    double[] mom = Naive.nan(x.length);
    for (int t = n; t < x.length; t++) {
      roc[t] = x[t] / x[t - n] - 1.0;
      mom[t] = x[t] - x[t - n];
    }
    series(new RateOfChange(n), x, roc);
    series(new Momentum(n), x, mom);
  }

  @Property(tries = TRIES)
  void rollingMinMax(@ForAll("prices") double[] x, @ForAll @IntRange(min = 1, max = 25) int n) {
    series(new RollingMin(n), x, Naive.min(x, n));
    series(new RollingMax(n), x, Naive.max(x, n));
  }

  @Property(tries = TRIES)
  void bollinger(
      @ForAll("prices") double[] x,
      @ForAll @IntRange(min = 1, max = 25) int n,
      @ForAll @IntRange(min = 1, max = 3) int k) {
    double[] mid = Naive.sma(x, n);
    double[] sd = Naive.populationSd(x, n);
    double[] up = new double[x.length];
    double[] dn = new double[x.length];
    double[] pctB = new double[x.length];
    double[] width = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      up[t] = mid[t] + k * sd[t];
      dn[t] = mid[t] - k * sd[t];
      pctB[t] = up[t] - dn[t] > 0 ? (x[t] - dn[t]) / (up[t] - dn[t]) : Double.NaN;
      width[t] = (up[t] - dn[t]) / mid[t];
    }
    verify(
        new BollingerBands(n, k),
        x.length,
        (i, t) -> i.update(x[t]),
        new Out<>("middle", BollingerBands::value, mid),
        new Out<>("sd", BollingerBands::standardDeviation, sd),
        new Out<>("upper", BollingerBands::upper, up),
        new Out<>("lower", BollingerBands::lower, dn),
        new Out<>("percentB", BollingerBands::percentB, pctB),
        new Out<>("bandwidth", BollingerBands::bandwidth, width));
  }

  @Property(tries = TRIES)
  void macd(
      @ForAll("prices") double[] x,
      @ForAll @IntRange(min = 1, max = 12) int fast,
      @ForAll @IntRange(min = 1, max = 15) int extra,
      @ForAll @IntRange(min = 1, max = 10) int sig,
      @ForAll boolean percent) {
    int slow = fast + extra;
    double[] f = Naive.ema(x, fast);
    double[] s = Naive.ema(x, slow);
    double[] line = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      line[t] = percent ? 100.0 * (f[t] / s[t] - 1.0) : f[t] - s[t];
    }
    double[] signal = Naive.ema(line, sig);
    double[] hist = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      hist[t] = line[t] - signal[t];
    }
    Macd m = new Macd(fast, slow, sig, percent ? Macd.Form.PERCENT : Macd.Form.PRICE_DIFFERENCE);
    assertThat(m.signalWarmUpPeriod()).isEqualTo(slow + sig - 1);
    verify(
        m,
        x.length,
        (i, t) -> i.update(x[t]),
        new Out<>("macd", Macd::value, line),
        new Out<>("signal", Macd::signal, signal),
        new Out<>("histogram", Macd::histogram, hist));
  }

  @Property(tries = TRIES)
  void zScore(@ForAll("prices") double[] x, @ForAll @IntRange(min = 2, max = 25) int n) {
    series(new RollingZScore(n), x, Naive.zScore(x, n));
  }

  @Property(tries = TRIES)
  void volatility(@ForAll("prices") double[] x, @ForAll @IntRange(min = 2, max = 25) int n) {
    series(new RollingVolatility(n, 365.0), x, Naive.volatility(x, n, 365.0));
  }

  @Property(tries = TRIES)
  void slope(@ForAll("prices") double[] x, @ForAll @IntRange(min = 2, max = 25) int n) {
    series(new LinearRegressionSlope(n), x, Naive.slope(x, n));
  }

  @Property(tries = TRIES)
  void hurst(
      @ForAll("prices") double[] x,
      @ForAll @IntRange(min = 2, max = 5) int q,
      @ForAll @IntRange(min = 1, max = 40) int extra) {
    int window = q + extra;
    HurstExponent h = new HurstExponent(window, q);
    double[][] naive = Naive.varianceRatio(x, window, q);
    for (int t = 0; t < x.length; t++) {
      h.update(x[t]);
      assertThat(h.isReady()).as("isReady at %d", t).isEqualTo(t >= h.warmUpPeriod() - 1);
      hurstClose(t, window, q, naive[0][t], naive[1][t], naive[2][t], h);
    }
  }

  /**
   * Compares the streaming variance ratio and Hurst exponent with the two-pass recomputation to a
   * bound derived from how each is computed, instead of a fixed relative tolerance on {@code H}.
   *
   * <p>Why: {@code H = 1/2 + ln(VR) / (2 ln q)} is ill-conditioned when {@code VR} is small ({@code
   * dH = dVR / (2 VR ln q)}), and the streaming {@code VR} is computed from the one-pass sums
   * {@code sum r^2 - n mu^2} and {@code sum R^2 - 2 q mu sum R + M q^2 mu^2}, whose absolute
   * rounding error scales with the squared returns, not with the (possibly tiny) centred sums they
   * cancel down to. Seed 9051675688635413258 drew prices [980.2, 1010.05, 1010.05, 1040.81,
   * 1040.81] (returns a, 0, b, 0 with a close to b, N = 4, q = 2): VR = 7.3716919e-10, streaming VR
   * 7.7e-7 relative off (H -14.6686420 vs -14.6686426, exact -14.66864258954 from 60-digit
   * arithmetic on the same double returns, which the two-pass value matches to 2e-12). The
   * streaming code is right within the accuracy of its O(1) algorithm; a 1e-8 tolerance on H was
   * not.
   *
   * <p>The bound, with {@code u = 2^-53}, {@code N = window} and {@code X = max |r|} over the last
   * {@code 2N} returns (the values a sliding sum has seen since its last recomputation, at most
   * {@code 4N} additions and subtractions): the recursive-summation bound {@code |error| <= (k - 1)
   * u sum |terms|} (N. J. Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., 2002,
   * section 4.2, eq. 4.4) with {@code |r| <= X}, {@code |R| <= q X}, {@code M <= N} gives at most
   * {@code 10 N^2 u X^2} for {@code sum r^2} and {@code 10 N^2 q^2 u X^2} for {@code sum R^2};
   * propagating the errors of {@code mu}, {@code sum R} and of each {@code R} (a sliding sum of
   * {@code q} returns) through the combinations adds about {@code 90 N^2 q^2 u X^2} in total. The
   * test uses {@code dC = 128 N^2 q^2 u X^2} for the numerator sum and {@code dA = 32 N^2 u X^2}
   * for the denominator sum {@code A = sum (r - mu)^2}, which also covers the two-pass
   * recomputation's own, smaller error. Then to first order {@code |dVR| <= (dC (N - 1) / m + VR
   * dA) / A}, doubled for second-order terms, plus the usual {@code 1e-8} relative. For ordinary
   * windows this bound is far below {@code 1e-8 VR}, so the property is as strict as before; it
   * only widens where {@code H} is numerically undetermined.
   */
  private static void hurstClose(
      int t, int window, int q, double ratio, double centred, double maxAbs, HurstExponent h) {
    double vr = h.varianceRatio();
    double value = h.value();
    if (Double.isNaN(centred)) {
      // Before warm-up, or a window of zero returns (recognised exactly by both).
      assertThat(vr).as("VR at %d", t).isNaN();
      assertThat(value).as("H at %d", t).isNaN();
      return;
    }
    double u = Math.ulp(1.0) / 2;
    double n = window;
    double x2 = maxAbs * maxAbs;
    double dA = 32 * n * n * u * x2;
    double dC = 128 * n * n * q * q * u * x2;
    // The bias-corrected variances' own rounding (the last few operations) is below 1e-15.
    double consistent = 0.5 + Math.log(vr) / (2.0 * Math.log(q));
    if (!Double.isNaN(vr)) {
      assertThat(value).as("H at %d is 1/2 + ln(VR) / (2 ln q)", t).isEqualTo(consistent);
    } else {
      assertThat(value).as("H at %d", t).isNaN();
    }
    if (centred <= 2 * dA) {
      // The returns' variance is below the rounding of the one-pass sum: VR is undetermined (the
      // streaming code may even find it zero, NaN). Only consistency is checked here.
      return;
    }
    double m = q * (window - q + 1.0) * (1.0 - (double) q / window);
    double tol = 1e-8 * ratio + 2 * (dC * (n - 1) / m + ratio * dA) / centred;
    if (vr == 0.0) {
      assertThat(ratio - tol)
          .as("VR at %d is reported 0 but the two-pass ratio is %s (tolerance %s)", t, ratio, tol)
          .isLessThan(HURST_NOISE);
      assertThat(value).as("H at %d", t).isEqualTo(Double.NEGATIVE_INFINITY);
      return;
    }
    if (!(vr >= HURST_NOISE && Math.abs(vr - ratio) <= tol)) {
      fail("VR at %d: expected %s +- %s but was %s", t, ratio, tol, vr);
    }
    // H is increasing in VR, so the VR interval maps to an H interval; 1e-12 covers ln's rounding.
    double lo = 0.5 + Math.log(Math.max(ratio - tol, HURST_NOISE)) / (2.0 * Math.log(q));
    double hi = 0.5 + Math.log(ratio + tol) / (2.0 * Math.log(q));
    double slack = 1e-12 * Math.max(1.0, Math.abs(value));
    if (!(value >= lo - slack && value <= hi + slack)) {
      fail("H at %d: expected in [%s, %s] but was %s", t, lo, hi, value);
    }
  }

  @Property(tries = TRIES)
  void trueRangeAndAtr(@ForAll("bars") Bars b, @ForAll @IntRange(min = 1, max = 25) int n) {
    double[] tr = Naive.trueRange(b.high(), b.low(), b.close());
    verify(new TrueRange(), b.size(), feed(b), new Out<>("tr", TrueRange::value, tr));
    double[] th = Naive.nan(b.size());
    double[] tl = Naive.nan(b.size());
    for (int t = 1; t < b.size(); t++) {
      th[t] = Math.max(b.high()[t], b.close()[t - 1]);
      tl[t] = Math.min(b.low()[t], b.close()[t - 1]);
    }
    verify(
        new Atr(n),
        b.size(),
        feed(b),
        new Out<>("atr", Atr::value, Naive.atr(b.high(), b.low(), b.close(), n)),
        new Out<>("tr", Atr::trueRange, tr),
        new Out<>("trueHigh", Atr::trueHigh, th),
        new Out<>("trueLow", Atr::trueLow, tl));
  }

  @Property(tries = TRIES)
  void donchian(@ForAll("bars") Bars b, @ForAll @IntRange(min = 1, max = 25) int n) {
    double[] hi = Naive.max(b.high(), n);
    double[] lo = Naive.min(b.low(), n);
    double[] mid = new double[b.size()];
    for (int t = 0; t < mid.length; t++) {
      mid[t] = (hi[t] + lo[t]) / 2;
    }
    verify(
        new DonchianChannel(n),
        b.size(),
        feed(b),
        new Out<>("upper", DonchianChannel::upper, hi),
        new Out<>("lower", DonchianChannel::lower, lo),
        new Out<>("middle", DonchianChannel::value, mid));
  }

  @Property(tries = TRIES)
  void keltner(
      @ForAll("bars") Bars b,
      @ForAll @IntRange(min = 1, max = 25) int ne,
      @ForAll @IntRange(min = 1, max = 25) int na) {
    double[] mid = Naive.ema(Naive.typical(b.high(), b.low(), b.close()), ne);
    double[] atr = Naive.atr(b.high(), b.low(), b.close(), na);
    double[] up = new double[b.size()];
    double[] dn = new double[b.size()];
    for (int t = 0; t < mid.length; t++) {
      if (Double.isNaN(atr[t])) {
        mid[t] = Double.NaN;
      }
      up[t] = mid[t] + 1.5 * atr[t];
      dn[t] = mid[t] - 1.5 * atr[t];
    }
    verify(
        new KeltnerChannel(ne, na, 1.5),
        b.size(),
        feed(b),
        new Out<>("middle", KeltnerChannel::value, mid),
        new Out<>("upper", KeltnerChannel::upper, up),
        new Out<>("lower", KeltnerChannel::lower, dn));
  }

  @Property(tries = TRIES)
  void adx(@ForAll("bars") Bars b, @ForAll @IntRange(min = 1, max = 20) int n) {
    double[][] e = Naive.adx(b.high(), b.low(), b.close(), n);
    Adx adx = new Adx(n);
    assertThat(adx.directionalWarmUpPeriod()).isEqualTo(n + 1);
    verify(
        adx,
        b.size(),
        feed(b),
        new Out<>("+DI", Adx::plusDi, e[0]),
        new Out<>("-DI", Adx::minusDi, e[1]),
        new Out<>("DX", Adx::dx, e[2]),
        new Out<>("ADX", Adx::value, e[3]));
  }

  @Property(tries = TRIES)
  void stochasticAndWilliams(
      @ForAll("bars") Bars b,
      @ForAll @IntRange(min = 1, max = 25) int n,
      @ForAll @IntRange(min = 1, max = 5) int d) {
    double[] k = Naive.stochasticK(b.high(), b.low(), b.close(), n);
    Stochastic s = new Stochastic(n, d);
    assertThat(s.dWarmUpPeriod()).isEqualTo(n + d - 1);
    verify(
        s,
        b.size(),
        feed(b),
        new Out<>("%K", Stochastic::value, k),
        new Out<>("%D", Stochastic::d, Naive.sma(k, d)));
    double[] r = new double[k.length];
    for (int t = 0; t < r.length; t++) {
      r[t] = k[t] - 100.0;
    }
    verify(new WilliamsR(n), b.size(), feed(b), new Out<>("%R", WilliamsR::value, r));
  }

  @Property(tries = TRIES)
  void cci(@ForAll("bars") Bars b, @ForAll @IntRange(min = 1, max = 25) int n) {
    verify(
        new Cci(n),
        b.size(),
        feed(b),
        new Out<>("cci", Cci::value, Naive.cci(b.high(), b.low(), b.close(), n)));
  }

  @Property(tries = TRIES)
  void obvAndVwap(@ForAll("bars") Bars b, @ForAll @IntRange(min = 1, max = 25) int n) {
    double[] obv = new double[b.size()];
    for (int t = 0; t < obv.length; t++) {
      double c = b.close()[t];
      if (t == 0) {
        obv[t] = b.volume()[t];
      } else {
        double prev = b.close()[t - 1];
        obv[t] = obv[t - 1] + (c > prev ? b.volume()[t] : c < prev ? -b.volume()[t] : 0.0);
      }
    }
    verify(new OnBalanceVolume(), b.size(), feed(b), new Out<>("obv", OnBalanceVolume::value, obv));
    verify(
        new RollingVwap(n),
        b.size(),
        feed(b),
        new Out<>(
            "vwap", RollingVwap::value, Naive.vwap(b.high(), b.low(), b.close(), b.volume(), n)));
  }
}
