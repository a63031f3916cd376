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
 * (absolute below 1): the streaming sums and the recomputations round differently.
 */
class IndicatorProperties {

  private static final int TRIES = 150;

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
    verify(
        h,
        x.length,
        (i, t) -> i.update(x[t]),
        new Out<>("H", HurstExponent::value, Naive.hurst(x, window, q)));
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
