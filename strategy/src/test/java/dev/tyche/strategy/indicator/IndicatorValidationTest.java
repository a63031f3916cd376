package dev.tyche.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bad input: invalid parameters, NaN and infinite observations, inverted bars, bad volumes. */
class IndicatorValidationTest {

  private static final List<Supplier<Indicator>> SERIES =
      List.of(
          () -> new Sma(3),
          () -> new Ema(3),
          () -> Ema.wilder(3),
          () -> new Wma(3),
          () -> new Dema(3),
          () -> new Tema(3),
          () -> new Rsi(3),
          () -> new BollingerBands(3, 2.0),
          () -> new Macd(2, 4, 3, Macd.Form.PERCENT),
          () -> new RateOfChange(2),
          () -> new Momentum(2),
          () -> new RollingZScore(3),
          () -> new RollingVolatility(3, 1.0),
          () -> new RollingMin(3),
          () -> new RollingMax(3),
          () -> new LinearRegressionSlope(3),
          () -> new HurstExponent(5, 2));

  private static final List<Supplier<BarIndicator>> BARS =
      List.of(
          TrueRange::new,
          () -> new Atr(3),
          () -> new DonchianChannel(3),
          () -> new KeltnerChannel(3, 2, 2.0),
          () -> new Adx(2),
          () -> new Stochastic(3, 2),
          () -> new WilliamsR(3),
          () -> new Cci(3),
          OnBalanceVolume::new,
          () -> new RollingVwap(3));

  private static final double[] PRICES = {100, 101.5, 99.25, 102, 103.5, 101, 104, 100.5, 99, 105};

  @Test
  void nonFiniteObservationsAreRejectedAndLeaveTheStateUnchanged() {
    for (Supplier<Indicator> s : SERIES) {
      Indicator a = s.get();
      Indicator b = s.get();
      for (double p : PRICES) {
        a.update(p);
        b.update(p);
        for (double bad :
            new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
          assertThatThrownBy(() -> b.update(bad))
              .as("%s.update(%s)", b.getClass().getSimpleName(), bad)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("x must be finite")
              .hasMessageContaining(String.valueOf(bad));
        }
        assertThat(b.isReady()).isEqualTo(a.isReady());
        assertThat(Double.doubleToLongBits(b.value()))
            .as("%s after rejected input", b.getClass().getSimpleName())
            .isEqualTo(Double.doubleToLongBits(a.value()));
      }
      assertThat(a.isReady())
          .as("%s ready after the sample", a.getClass().getSimpleName())
          .isTrue();
    }
  }

  @Test
  void invalidBarsAreRejectedAndLeaveTheStateUnchanged() {
    double[][] bad = {
      {99, 100, 99.5, 1}, // high < low
      {Double.NaN, 99, 99.5, 1},
      {100, Double.NEGATIVE_INFINITY, 99.5, 1},
      {100, 99, Double.POSITIVE_INFINITY, 1},
    };
    for (Supplier<BarIndicator> s : BARS) {
      BarIndicator a = s.get();
      BarIndicator b = s.get();
      for (int t = 0; t < PRICES.length; t++) {
        double c = PRICES[t];
        a.update(c + 1, c - 1, c, 10 + t);
        b.update(c + 1, c - 1, c, 10 + t);
        for (double[] bar : bad) {
          assertThatThrownBy(() -> b.update(bar[0], bar[1], bar[2], bar[3]))
              .as("%s.update(%s, %s, %s)", b.getClass().getSimpleName(), bar[0], bar[1], bar[2])
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageMatching(".*(high must be >= low|must be finite).*");
        }
        assertThat(Double.doubleToLongBits(b.value()))
            .isEqualTo(Double.doubleToLongBits(a.value()));
      }
      assertThat(a.isReady())
          .as("%s ready after the sample", a.getClass().getSimpleName())
          .isTrue();
    }
    assertThatThrownBy(() -> new Atr(3).update(99, 100, 99.5))
        .hasMessage("high must be >= low but was high=99.0 low=100.0");
  }

  @Test
  void atrRejectsAnOverflowingTrueRangeAndKeepsItsState() {
    Atr atr = new Atr(1);
    atr.update(-1e308, -1e308, -1e308);
    atr.update(1.0, -1.0, 0.0);
    double before = atr.value();
    // Every price is finite, but max(H, C_prev) - min(L, C_prev) = 1.7e308 - (-1.7e308) is not.
    assertThatThrownBy(() -> atr.update(1.7e308, -1.7e308, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("true range must be finite but was Infinity");
    assertThat(atr.value()).isEqualTo(before);
    assertThat(atr.trueHigh()).isEqualTo(1.0);
    assertThat(atr.trueLow()).isEqualTo(-1e308);
    atr.update(2.0, 0.0, 1.0);
    assertThat(atr.trueRange()).isEqualTo(2.0);
  }

  @Test
  void atrIsBitIdenticalToTrueRangeChainedIntoWilderSmoothing() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n : new int[] {1, 2, 14}) {
      Atr atr = new Atr(n);
      TrueRange tr = new TrueRange();
      Ema wilder = Ema.wilder(n);
      double c = 100.0;
      for (int t = 0; t < 500; t++) {
        double open = c;
        c *= Math.exp(0.05 * (random.nextDouble() - 0.5));
        double h = Math.max(open, c) * (1.0 + 0.01 * random.nextDouble());
        double l = Math.min(open, c) * (1.0 - 0.01 * random.nextDouble());
        atr.update(h, l, c);
        tr.update(h, l, c);
        if (tr.isReady()) {
          wilder.update(tr.value());
        }
        assertThat(atr.isReady()).isEqualTo(wilder.isReady());
        assertThat(Double.doubleToLongBits(atr.value()))
            .isEqualTo(Double.doubleToLongBits(wilder.value()));
        assertThat(Double.doubleToLongBits(atr.trueRange()))
            .isEqualTo(Double.doubleToLongBits(tr.value()));
        assertThat(Double.doubleToLongBits(atr.trueHigh()))
            .isEqualTo(Double.doubleToLongBits(tr.trueHigh()));
      }
    }
  }

  @Test
  void volumeIndicatorsRejectNegativeOrMissingVolume() {
    for (BarIndicator ind : List.of(new OnBalanceVolume(), new RollingVwap(2))) {
      assertThatThrownBy(() -> ind.update(101, 99, 100, -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("volume must be finite and >= 0 but was -1.0");
      assertThatThrownBy(() -> ind.update(101, 99, 100))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("volume must be finite");
      assertThatThrownBy(() -> ind.update(101, 99, 100, Double.POSITIVE_INFINITY))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(ind.isReady()).isFalse();
    }
    Atr priceOnly = new Atr(1);
    priceOnly.update(101, 99, 100);
    priceOnly.update(102, 100, 101);
    assertThat(priceOnly.value()).isEqualTo(2.0);
  }

  @Test
  void logAndRatioIndicatorsRejectNonPositivePrices() {
    for (Indicator ind :
        List.<Indicator>of(
            new RateOfChange(1), new RollingVolatility(2, 1), new HurstExponent(3, 2))) {
      assertThatThrownBy(() -> ind.update(0.0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("x must be finite and > 0 but was 0.0");
      assertThatThrownBy(() -> ind.update(-5.0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void periodsAndParametersAreValidated() {
    List<Runnable> zeroPeriods =
        List.of(
            () -> new Sma(0),
            () -> new Ema(0),
            () -> Ema.wilder(0),
            () -> new Wma(0),
            () -> new Dema(0),
            () -> new Tema(0),
            () -> new Rsi(0),
            () -> new Atr(0),
            () -> new BollingerBands(0, 2),
            () -> new DonchianChannel(0),
            () -> new KeltnerChannel(0, 10, 2),
            () -> new KeltnerChannel(20, 0, 2),
            () -> new Adx(0),
            () -> new Stochastic(0, 3),
            () -> new WilliamsR(0),
            () -> new Cci(0),
            () -> new RateOfChange(0),
            () -> new Momentum(0),
            () -> new RollingVwap(0),
            () -> new RollingMin(0),
            () -> new RollingMax(0),
            () -> new Macd(0, 26, 9, Macd.Form.PERCENT));
    for (Runnable r : zeroPeriods) {
      assertThatThrownBy(r::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith("must be >= 1 but was 0");
    }
    assertThatThrownBy(() -> new Sma(-3)).hasMessage("period must be >= 1 but was -3");
    assertThatThrownBy(() -> new Stochastic(14, 0)).hasMessage("dPeriod must be >= 1 but was 0");
    assertThatThrownBy(() -> new Macd(12, 26, 0, Macd.Form.PERCENT))
        .hasMessage("signalPeriod must be >= 1 but was 0");
    assertThatThrownBy(() -> new Macd(12, 12, 9, Macd.Form.PRICE_DIFFERENCE))
        .hasMessage("slowPeriod must be > fastPeriod (12) but was 12");
    assertThatThrownBy(() -> new Macd(12, 26, 9, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RollingZScore(1)).hasMessage("period must be >= 2 but was 1");
    assertThatThrownBy(() -> new RollingVolatility(1, 365))
        .hasMessage("period must be >= 2 but was 1");
    assertThatThrownBy(() -> new LinearRegressionSlope(1))
        .hasMessage("period must be >= 2 but was 1");
    assertThatThrownBy(() -> new HurstExponent(10, 1)).hasMessage("q must be >= 2 but was 1");
    assertThatThrownBy(() -> new HurstExponent(4, 4))
        .hasMessage("window must be > q (4) but was 4");
    assertThatThrownBy(() -> new BollingerBands(20, 0))
        .hasMessage("k must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> new BollingerBands(20, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeltnerChannel(20, 10, -1))
        .hasMessage("multiplier must be finite and > 0 but was -1.0");
    assertThatThrownBy(() -> new Cci(20, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RollingVolatility(20, 0))
        .hasMessage("periodsPerYear must be finite and > 0 but was 0.0");
  }

  @Test
  void warmUpLengthsAndFlatWindowPolicies() {
    assertThat(new Sma(20).warmUpPeriod()).isEqualTo(20);
    assertThat(new Rsi(14).warmUpPeriod()).isEqualTo(15);
    assertThat(new Atr(14).warmUpPeriod()).isEqualTo(15);
    assertThat(new Dema(10).warmUpPeriod()).isEqualTo(19);
    assertThat(new Tema(10).warmUpPeriod()).isEqualTo(28);
    assertThat(new Adx(14).warmUpPeriod()).isEqualTo(28);
    assertThat(new KeltnerChannel(20, 30, 2).warmUpPeriod()).isEqualTo(31);
    assertThat(new HurstExponent(100, 4).warmUpPeriod()).isEqualTo(101);
    assertThat(new Ema(9).alpha()).isEqualTo(0.2);
    assertThat(Ema.wilder(4).alpha()).isEqualTo(0.25);

    Rsi rsi = new Rsi(2);
    Stochastic st = new Stochastic(2, 1);
    WilliamsR wr = new WilliamsR(2);
    Cci cci = new Cci(2);
    BollingerBands bb = new BollingerBands(2, 2);
    RollingZScore z = new RollingZScore(2);
    HurstExponent h = new HurstExponent(3, 2);
    RollingVwap vwap = new RollingVwap(2);
    Adx adx = new Adx(1);
    for (int i = 0; i < 5; i++) {
      rsi.update(100);
      st.update(100, 100, 100);
      wr.update(100, 100, 100);
      cci.update(100, 100, 100);
      bb.update(100);
      z.update(100);
      h.update(100);
      vwap.update(102, 99, 99, 0);
      adx.update(100, 100, 100);
    }
    assertThat(rsi.value()).isEqualTo(50.0);
    assertThat(st.value()).isEqualTo(50.0);
    assertThat(st.d()).isEqualTo(50.0);
    assertThat(wr.value()).isEqualTo(-50.0);
    assertThat(cci.value()).isZero();
    assertThat(bb.standardDeviation()).isZero();
    assertThat(bb.percentB()).isNaN();
    assertThat(bb.bandwidth()).isZero();
    assertThat(z.value()).isZero();
    assertThat(h.isReady()).isTrue();
    assertThat(h.value()).isNaN();
    assertThat(h.varianceRatio()).isNaN();
    assertThat(vwap.value()).isEqualTo(100.0);
    assertThat(adx.value()).isZero();
    assertThat(adx.plusDi()).isZero();
  }
}
