package dev.tyche.strategy.regime.detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.allocation.MarketRegime.Volatility;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Synthetic series with known regimes ({@link Scenarios#BULL_BEAR_CRASH}: calm bull, drift +0.3 %
 * and volatility 1 % per bar; volatile bear, -0.6 % and 3 %; crash, -4 % and 6 %, three cycles, 1
 * 630 bars), three seeds, default settings. Agreement is the share of bars, from the first fit on,
 * whose label equals the truth exactly (a crash bar counts only as {@code CRISIS}). It is also
 * measured from bar 630 on, once the models have seen every regime; the first cycle is hard because
 * the first fits see nothing but the calm bull and split it into relative LOW and HIGH.
 */
class RegimeDetectorScenarioTest {

  @Test
  void labelsAgreeWithTheSimulatedRegimesMostOfTheTime() {
    int warm = 0;
    int agree = 0;
    int late = 0;
    int lateAgree = 0;
    int volAgree = 0;
    int crashBars = 0;
    int crashCaught = 0;
    for (long seed = 1; seed <= 3; seed++) {
      Scenarios.Path path = Scenarios.simulate(Scenarios.BULL_BEAR_CRASH, seed);
      RegimeDetector d = new RegimeDetector(RegimeDetectorConfig.defaults());
      for (int i = 0; i < path.closes().length; i++) {
        RegimeEstimate e = d.update(i + 1L, path.closes()[i]);
        if (!e.isWarm()) {
          continue;
        }
        MarketRegime truth = path.truth()[i];
        boolean same = e.regime() == truth;
        warm++;
        agree += same ? 1 : 0;
        boolean highTruth = truth.volatility() != Volatility.LOW;
        boolean highSeen =
            e.regime().volatility() == Volatility.HIGH
                || e.regime().volatility() == Volatility.EXTREME;
        volAgree += highTruth == highSeen ? 1 : 0;
        if (i >= 630) {
          late++;
          lateAgree += same ? 1 : 0;
        }
        if (truth == MarketRegime.CRISIS) {
          crashBars++;
          crashCaught += highSeen ? 1 : 0;
        }
      }
    }
    double all = agree / (double) warm;
    double after = lateAgree / (double) late;
    double vol = volAgree / (double) warm;
    double crash = crashCaught / (double) crashBars;
    System.out.printf(
        Locale.ROOT,
        "regime scenario: exact agreement %.3f after warm-up, %.3f from bar 630; volatility"
            + " agreement %.3f; crash bars labelled high-vol or crisis %.3f%n",
        all,
        after,
        vol,
        crash);
    assertThat(all).isGreaterThan(0.6);
    assertThat(after).isGreaterThan(0.7);
    assertThat(vol).isGreaterThan(0.7);
    assertThat(crash).isGreaterThan(0.7);
  }
}
