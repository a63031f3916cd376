package dev.tyche.strategy.regime.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.time.BarInterval;
import dev.tyche.risk.volatility.GarchFit;
import dev.tyche.risk.volatility.GarchModel;
import dev.tyche.risk.volatility.GarchParameters;
import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.regime.hmm.HmmFitOptions;
import dev.tyche.strategy.testing.Bars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegimeDetectorTest {

  private static final Symbol BTC = Symbol.of("BTCUSDT");

  private static RegimeDetectorConfig small() {
    return Scenarios.small(3, VolatilityFeature.GARCH, FitWindow.EXPANDING, 10);
  }

  private static List<RegimeEstimate> feed(RegimeDetector d, double[] closes) {
    List<RegimeEstimate> out = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      out.add(d.update(1_000L * (i + 1), closes[i]));
    }
    return out;
  }

  @Test
  void warmsUpThenRefitsOnTheSchedule() {
    RegimeDetector d = new RegimeDetector(small());
    List<RegimeEstimate> run = feed(d, Scenarios.randomWalk(3, 100));
    // Bar i (1-based) brings the return count to i - 1: the first fit is on bar 41 (40 returns),
    // then bars 51, 61, ..., 91.
    for (RegimeEstimate e : run) {
      boolean due = e.bars() >= 41 && (e.bars() - 41) % 10 == 0;
      assertThat(e.refitted()).as("bar %d", e.bars()).isEqualTo(due);
      assertThat(e.isWarm()).as("bar %d", e.bars()).isEqualTo(e.bars() >= 41);
      if (!e.isWarm()) {
        assertThat(e.regime()).isEqualTo(MarketRegime.UNKNOWN);
        assertThat(e.modelRegime()).isEqualTo(MarketRegime.UNKNOWN);
        assertThat(e.confidence()).isZero();
        assertThat(e.stateRegimes()).isEmpty();
      } else {
        assertThat(e.stateRegimes()).hasSize(3);
        assertThat(e.stateProbabilities()).hasSize(3);
      }
    }
    assertThat(d.fitCount()).isEqualTo(6);
    assertThat(d.bars()).isEqualTo(100);
    assertThat(d.model()).isPresent();
    assertThat(d.lastEstimate()).contains(run.get(99));
    assertThat(d.config()).isEqualTo(small());
    // Features: the first bar has no return; the trend needs 5 returns; GARCH needs a fit.
    assertThat(run.get(0).logReturn()).isNaN();
    assertThat(run.get(4).trend()).isNaN();
    assertThat(run.get(5).trend()).isFinite();
    assertThat(run.get(39).volatility()).isNaN();
    assertThat(run.get(40).volatility()).isPositive();
  }

  @Test
  void featuresMatchTheirDefinitions() {
    double[] closes = Scenarios.randomWalk(11, 80);
    RegimeDetectorConfig cfg = Scenarios.small(2, VolatilityFeature.EWMA, FitWindow.EXPANDING, 10);
    List<RegimeEstimate> run = feed(new RegimeDetector(cfg), closes);
    double[] r = new double[closes.length];
    for (int i = 1; i < closes.length; i++) {
      r[i] = Math.log(closes[i] / closes[i - 1]);
    }
    // EWMA seeded at the 5th return with the mean square of returns 1..5, then h = 0.9 h + 0.1 r^2.
    double h = 0.0;
    for (int i = 1; i <= 5; i++) {
      h += r[i] * r[i] / 5;
    }
    assertThat(run.get(5).volatility()).isCloseTo(Math.sqrt(h), within(1e-15));
    for (int i = 6; i < closes.length; i++) {
      h = 0.9 * h + 0.1 * r[i] * r[i];
      assertThat(run.get(i).volatility()).isCloseTo(Math.sqrt(h), within(1e-12 * Math.sqrt(h)));
      double m = (r[i - 4] + r[i - 3] + r[i - 2] + r[i - 1] + r[i]) / 5;
      assertThat(run.get(i).trend()).isCloseTo(m, within(1e-15));
      assertThat(run.get(i).logReturn()).isEqualTo(r[i]);
      double peak = 0.0;
      for (int j = Math.max(0, i - 9); j <= i; j++) {
        peak = Math.max(peak, closes[j]);
      }
      assertThat(run.get(i).drawdown()).isCloseTo(1 - closes[i] / peak, within(1e-15));
    }
  }

  @Test
  void garchVolatilityIsTheFittedRecursionRunForward() {
    double[] closes = Scenarios.randomWalk(5, 70);
    RegimeDetectorConfig cfg = Scenarios.small(2, VolatilityFeature.GARCH, FitWindow.EXPANDING, 50);
    List<RegimeEstimate> run = feed(new RegimeDetector(cfg), closes);
    // The only fit is on bar 41 (index 40), on the returns of bars 1..40. Refit independently and
    // run h_{t+1} = omega + alpha (r_t - mu)^2 + beta h_t from the fit's start-up variance.
    double[] window = new double[40];
    for (int i = 0; i < 40; i++) {
      window[i] = Math.log(closes[i + 1] / closes[i]);
    }
    GarchFit fit = GarchModel.of(cfg.garchSpec()).fit(window, cfg.garchOptions());
    GarchParameters p = fit.parameters();
    double h = fit.conditionalVariances()[0];
    for (int i = 1; i < closes.length; i++) {
      double e = Math.log(closes[i] / closes[i - 1]) - p.mu();
      h = p.omega() + p.alpha1() * e * e + p.beta1() * h;
      if (i >= 40) {
        assertThat(run.get(i).volatility()).as("bar %d", i).isCloseTo(Math.sqrt(h), within(1e-14));
      }
    }
  }

  @Test
  void rollingWindowAndEwmaModesRunAndKeepRefitting() {
    for (VolatilityFeature v : VolatilityFeature.values()) {
      RegimeDetector d = new RegimeDetector(Scenarios.small(2, v, FitWindow.ROLLING, 15));
      List<RegimeEstimate> run = feed(d, Scenarios.randomWalk(9, 400));
      // Fits are due with 40, 55, ..., 385 returns: 24 of them, all succeeding on this walk.
      assertThat(d.fitCount()).as("%s", v).isEqualTo(24);
      assertThat(run.stream().filter(RegimeEstimate::refitted).count()).isEqualTo(d.fitCount());
      assertThat(run.get(399).isWarm()).isTrue();
    }
  }

  @Test
  void aCrashIsACrisisAndDisablingTheRuleRemovesIt() {
    Scenarios.Path path = Scenarios.simulate(Scenarios.BULL_BEAR_CRASH, 21);
    RegimeDetectorConfig cfg = RegimeDetectorConfig.defaults();
    long crises =
        feed(new RegimeDetector(cfg), path.closes()).stream()
            .filter(e -> e.regime() == MarketRegime.CRISIS)
            .count();
    assertThat(crises).isPositive();
    List<RegimeEstimate> off =
        feed(new RegimeDetector(cfg.withCrisis(Double.POSITIVE_INFINITY, 0.25, 30)), path.closes());
    assertThat(off).noneMatch(e -> e.regime() == MarketRegime.CRISIS);
  }

  @Test
  void belowTheMinimumConfidenceTheRegimeIsUnknown() {
    double[] closes = Scenarios.randomWalk(4, 120);
    List<RegimeEstimate> strict = feed(new RegimeDetector(small().withMinConfidence(1.0)), closes);
    List<RegimeEstimate> lax = feed(new RegimeDetector(small().withMinConfidence(0.0)), closes);
    for (int i = 0; i < closes.length; i++) {
      RegimeEstimate s = strict.get(i);
      RegimeEstimate l = lax.get(i);
      assertThat(s.stateProbabilities()).containsExactly(l.stateProbabilities());
      if (l.regime() != MarketRegime.CRISIS) {
        MarketRegime expected = l.confidence() < 1.0 ? MarketRegime.UNKNOWN : l.modelRegime();
        assertThat(s.regime()).isEqualTo(expected);
      }
    }
    assertThat(strict).anyMatch(e -> e.isWarm() && e.regime() == MarketRegime.UNKNOWN);
  }

  @Test
  void constantPricesNeverFitAndStayUnknown() {
    double[] closes = new double[120];
    Arrays.fill(closes, 100.0);
    for (VolatilityFeature v : VolatilityFeature.values()) {
      RegimeDetector d = new RegimeDetector(Scenarios.small(2, v, FitWindow.EXPANDING, 10));
      List<RegimeEstimate> run = feed(d, closes);
      assertThat(run).allMatch(e -> e.regime() == MarketRegime.UNKNOWN && !e.isWarm());
      assertThat(d.fitCount()).isZero();
      assertThat(run.get(119).drawdown()).isZero();
    }
  }

  @Test
  void badPricesAndTimesAreRejectedAndLeaveTheDetectorUnchanged() {
    double[] closes = Scenarios.randomWalk(8, 60);
    RegimeDetector d = new RegimeDetector(small());
    RegimeDetector reference = new RegimeDetector(small());
    for (int i = 0; i < 50; i++) {
      d.update(1_000L * (i + 1), closes[i]);
      reference.update(1_000L * (i + 1), closes[i]);
    }
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -1.0}) {
      assertThatThrownBy(() -> d.update(1_000_000L, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("close must be finite and > 0 but was " + bad);
    }
    assertThatThrownBy(() -> d.update(50_000L, 100.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time must be after the previous bar's 50000 but was 50000");
    assertThatThrownBy(() -> d.update(10L, 100.0)).hasMessageContaining("but was 10");
    assertThat(d.bars()).isEqualTo(50);
    for (int i = 50; i < 60; i++) {
      assertThat(d.update(1_000L * (i + 1), closes[i]))
          .isEqualTo(reference.update(1_000L * (i + 1), closes[i]));
    }
  }

  @Test
  void barsMustComeFromOneSymbolAndInterval() {
    RegimeDetector d = new RegimeDetector(small());
    List<Bar> bars = Bars.fromCloses(BTC, BarInterval.DAY_1, 0, 1.0, 100, 101, 102);
    RegimeEstimate first = d.update(bars.get(0));
    assertThat(first.time()).isEqualTo(bars.get(0).closeTime());
    assertThat(first.bars()).isEqualTo(1);
    d.update(bars.get(1));
    assertThatThrownBy(
            () ->
                d.update(Bars.fromCloses(Symbol.of("ETHUSDT"), BarInterval.DAY_1, 2, 1, 5).get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bar symbol must be BTCUSDT but was ETHUSDT");
    assertThatThrownBy(() -> d.update(Bars.fromCloses(BTC, BarInterval.HOUR_1, 200, 1, 5).get(0)))
        .hasMessageContaining("bar interval must be 86400000 ms but was 3600000");
    assertThatThrownBy(() -> d.update(bars.get(1)))
        .hasMessageContaining("time must be after the previous bar's");
    assertThatThrownBy(() -> d.update((Bar) null)).isInstanceOf(NullPointerException.class);
    assertThat(d.update(bars.get(2)).bars()).isEqualTo(3);
  }

  @Test
  void configRejectsBadSettings() {
    RegimeDetectorConfig ok = RegimeDetectorConfig.defaults();
    assertThatThrownBy(() -> ok.withVolatility(VolatilityFeature.EWMA, 1.0))
        .hasMessageContaining("ewmaLambda must be in (0, 1) but was 1.0");
    assertThatThrownBy(() -> ok.withVolatility(null, 0.9))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> ok.withTrend(0, 0.05, 0.0))
        .hasMessageContaining("trendWindow must be >= 1 but was 0");
    assertThatThrownBy(() -> ok.withTrend(20, Double.NaN, 0.0))
        .hasMessageContaining("trendThreshold must be finite and >= 0 but was NaN");
    assertThatThrownBy(() -> ok.withTrend(20, -0.1, 0.0))
        .hasMessageContaining("trendThreshold must be finite and >= 0 but was -0.1");
    assertThatThrownBy(() -> ok.withTrend(20, 0.1, Double.POSITIVE_INFINITY))
        .hasMessageContaining("highVolatilityThreshold must be finite but was Infinity");
    assertThatThrownBy(() -> ok.withSchedule(FitWindow.EXPANDING, 750, 48, 21))
        .hasMessageContaining(
            "minHistory must be >= max(trendWindow + 29, trendWindow - 1 + 2K) = 49")
        .hasMessageContaining("but was 48");
    assertThatThrownBy(() -> ok.withSchedule(FitWindow.ROLLING, 200, 250, 21))
        .hasMessageContaining("windowLength must be >= minHistory=250 but was 200");
    assertThatThrownBy(() -> ok.withSchedule(FitWindow.EXPANDING, 750, 250, 0))
        .hasMessageContaining("refitEvery must be >= 1 but was 0");
    assertThatThrownBy(() -> ok.withSchedule(null, 750, 250, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ok.withCrisis(Double.NaN, 0.2, 30))
        .hasMessageContaining(
            "crisisVolatilityRatio must be > 0 (or +Infinity to disable) but was NaN");
    assertThatThrownBy(() -> ok.withCrisis(-1, 0.2, 30))
        .hasMessageContaining("crisisVolatilityRatio");
    assertThatThrownBy(() -> ok.withCrisis(2, 0.0, 30))
        .hasMessageContaining("crisisDrawdown must be in (0, 1] but was 0.0");
    assertThatThrownBy(() -> ok.withCrisis(2, 1.5, 30)).hasMessageContaining("crisisDrawdown");
    assertThatThrownBy(() -> ok.withCrisis(2, 0.2, 0))
        .hasMessageContaining("drawdownWindow must be >= 1 but was 0");
    assertThatThrownBy(() -> ok.withMinConfidence(1.01))
        .hasMessageContaining("minConfidence must be in [0, 1] but was 1.01");
    assertThatThrownBy(() -> ok.withMinConfidence(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> ok.withHmm(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ok.withGarch(null, ok.garchOptions()))
        .isInstanceOf(NullPointerException.class);
    // Many states need more history: 2K feature rows at the first fit.
    assertThatThrownBy(() -> ok.withHmm(HmmFitOptions.defaults(200)))
        .hasMessageContaining("minHistory must be >= max(");
    assertThat(ok.withGarch(ok.garchSpec(), ok.garchOptions())).isEqualTo(ok);
    assertThatThrownBy(() -> new RegimeDetector(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void estimateValidatesAndComparesBitForBit() {
    RegimeEstimate e =
        new RegimeEstimate(
            5L,
            3,
            MarketRegime.BULL_LOW_VOL,
            MarketRegime.BULL_LOW_VOL,
            0.75,
            new double[] {0.75, 0.25},
            List.of(MarketRegime.BULL_LOW_VOL, MarketRegime.BEAR_HIGH_VOL),
            0.01,
            0.002,
            0.03,
            0.1,
            true);
    RegimeEstimate same =
        new RegimeEstimate(
            5L,
            3,
            MarketRegime.BULL_LOW_VOL,
            MarketRegime.BULL_LOW_VOL,
            0.75,
            new double[] {0.75, 0.25},
            List.of(MarketRegime.BULL_LOW_VOL, MarketRegime.BEAR_HIGH_VOL),
            0.01,
            0.002,
            0.03,
            0.1,
            true);
    RegimeEstimate nudged =
        new RegimeEstimate(
            5L,
            3,
            MarketRegime.BULL_LOW_VOL,
            MarketRegime.BULL_LOW_VOL,
            0.75,
            new double[] {0.75, Math.nextUp(0.25)},
            List.of(MarketRegime.BULL_LOW_VOL, MarketRegime.BEAR_HIGH_VOL),
            0.01,
            0.002,
            0.03,
            0.1,
            true);
    assertThat(e).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(nudged).isNotEqualTo("x");
    assertThat(e.toString()).contains("BULL_LOW_VOL", "[0.75, 0.25]");
    assertThat(e.probabilityOf(MarketRegime.BEAR_HIGH_VOL)).isEqualTo(0.25);
    assertThat(e.probabilityOf(MarketRegime.CRISIS)).isZero();
    double[] p = e.stateProbabilities();
    p[0] = 9;
    assertThat(e.stateProbabilities()[0]).isEqualTo(0.75);
    assertThatThrownBy(
            () ->
                new RegimeEstimate(
                    5L,
                    0,
                    MarketRegime.UNKNOWN,
                    MarketRegime.UNKNOWN,
                    0,
                    new double[0],
                    List.of(),
                    0,
                    0,
                    0,
                    0,
                    false))
        .hasMessageContaining("bars must be >= 1 but was 0");
    assertThatThrownBy(
            () ->
                new RegimeEstimate(
                    5L,
                    1,
                    MarketRegime.UNKNOWN,
                    MarketRegime.UNKNOWN,
                    Double.NaN,
                    new double[0],
                    List.of(),
                    0,
                    0,
                    0,
                    0,
                    false))
        .hasMessageContaining("confidence must be in [0, 1] but was NaN");
    assertThatThrownBy(
            () ->
                new RegimeEstimate(
                    5L,
                    1,
                    MarketRegime.UNKNOWN,
                    MarketRegime.UNKNOWN,
                    0,
                    new double[1],
                    List.of(),
                    0,
                    0,
                    0,
                    0,
                    false))
        .hasMessageContaining("same length but had 1 and 0");
    assertThatThrownBy(
            () ->
                new RegimeEstimate(
                    5L,
                    1,
                    null,
                    MarketRegime.UNKNOWN,
                    0,
                    new double[0],
                    List.of(),
                    0,
                    0,
                    0,
                    0,
                    false))
        .isInstanceOf(NullPointerException.class);
  }
}
