package dev.tyche.strategy.indicator;

import static org.assertj.core.api.Assertions.fail;

import dev.tyche.strategy.indicator.Series.Bars;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Cross-checks SMA, EMA, RSI, ATR and Bollinger bands against ta4j 0.17 (with {@code DoubleNum}) on
 * random bar series.
 *
 * <p>Convention differences, and how they are handled:
 *
 * <ul>
 *   <li>SMA and Bollinger: ta4j averages a partial window before index {@code n - 1}; Tyche is
 *       undefined there. ta4j's {@code StandardDeviationIndicator} uses the population variance
 *       (divisor {@code n}), as Tyche does. Compared from index {@code n - 1} on.
 *   <li>EMA: ta4j seeds with {@code EMA_0 = x_0}; Tyche (like TTR) with the SMA of the first {@code
 *       n} values. The two recursions then differ by {@code (1 - alpha)^t} times the seed
 *       difference, so they are compared only once that factor is below {@code 1e-13}.
 *   <li>RSI and ATR: ta4j's {@code MMAIndicator} (Wilder, {@code alpha = 1/n}) seeds with the first
 *       value, its gain/loss and true range exist at index 0 (0 and {@code H_0 - L_0}); TTR and
 *       Tyche start one bar later with an SMA seed. Compared after the same decay. ta4j's RSI is 0
 *       when both averages are 0, Tyche's is 50; that case (no price change over the whole memory,
 *       as on flat edge-case series) is not compared.
 * </ul>
 */
class Ta4jCrossCheckProperties {

  private static final int LENGTH = 700;

  @Provide
  Arbitrary<Bars> bars() {
    return Series.bars(LENGTH, LENGTH);
  }

  private static BarSeries series(Bars b) {
    BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
    ZonedDateTime t0 = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < b.size(); i++) {
      s.addBar(
          t0.plusDays(i + 1L), b.close()[i], b.high()[i], b.low()[i], b.close()[i], b.volume()[i]);
    }
    return s;
  }

  /** First index at which a seed difference has decayed by {@code (1 - alpha)^k < 1e-13}. */
  private static int settled(int seedIndex, double alpha) {
    return seedIndex + (int) Math.ceil(Math.log(1e-13) / Math.log(1.0 - alpha)) + 1;
  }

  private static void close(String what, int t, double tyche, Num ta4j) {
    double other = ta4j.doubleValue();
    double allowed = 1e-9 * Math.max(1.0, Math.abs(other));
    if (!(Math.abs(tyche - other) <= allowed)) {
      fail("%s at %d: Tyche %s, ta4j %s", what, t, tyche, other);
    }
  }

  @Property(tries = 25)
  void smaAndBollingerAgree(
      @ForAll("bars") Bars b,
      @ForAll @IntRange(min = 2, max = 40) int n,
      @ForAll @IntRange(min = 1, max = 3) int k) {
    BarSeries s = series(b);
    ClosePriceIndicator close = new ClosePriceIndicator(s);
    SMAIndicator sma = new SMAIndicator(close, n);
    BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(sma);
    StandardDeviationIndicator sd = new StandardDeviationIndicator(close, n);
    Num kk = s.numOf(k);
    BollingerBandsUpperIndicator up = new BollingerBandsUpperIndicator(mid, sd, kk);
    BollingerBandsLowerIndicator dn = new BollingerBandsLowerIndicator(mid, sd, kk);
    Sma tSma = new Sma(n);
    BollingerBands bb = new BollingerBands(n, k);
    for (int t = 0; t < b.size(); t++) {
      tSma.update(b.close()[t]);
      bb.update(b.close()[t]);
      if (t >= n - 1) {
        close("SMA", t, tSma.value(), sma.getValue(t));
        close("BB middle", t, bb.middle(), mid.getValue(t));
        close("BB upper", t, bb.upper(), up.getValue(t));
        close("BB lower", t, bb.lower(), dn.getValue(t));
      }
    }
  }

  @Property(tries = 25)
  void emaAgreesOnceTheSeedHasDecayed(
      @ForAll("bars") Bars b, @ForAll @IntRange(min = 2, max = 30) int n) {
    EMAIndicator ema = new EMAIndicator(new ClosePriceIndicator(series(b)), n);
    Ema tEma = new Ema(n);
    int from = settled(n - 1, 2.0 / (n + 1));
    for (int t = 0; t < b.size(); t++) {
      tEma.update(b.close()[t]);
      if (t >= from) {
        close("EMA", t, tEma.value(), ema.getValue(t));
      }
    }
  }

  @Property(tries = 25)
  void rsiAndAtrAgreeOnceTheSeedHasDecayed(
      @ForAll("bars") Bars b, @ForAll @IntRange(min = 2, max = 10) int n) {
    BarSeries s = series(b);
    RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(s), n);
    ATRIndicator atr = new ATRIndicator(s, n);
    Rsi tRsi = new Rsi(n);
    Atr tAtr = new Atr(n);
    int from = settled(n, 1.0 / n);
    for (int t = 0; t < b.size(); t++) {
      tRsi.update(b.close()[t]);
      tAtr.update(b.high()[t], b.low()[t], b.close()[t]);
      if (t >= from) {
        Num other = rsi.getValue(t);
        boolean noMovement = tRsi.value() == 50.0 && other.isZero();
        if (!noMovement) {
          close("RSI", t, tRsi.value(), other);
        }
        close("ATR", t, tAtr.value(), atr.getValue(t));
      }
    }
  }
}
