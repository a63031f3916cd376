package dev.tyche.examples.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.MainOutput;
import dev.tyche.strategy.regime.hmm.HmmFit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class HmmRegimesExampleTest {

  @Test
  void theTwoStateModelIsCanonicalAndItsProbabilitiesAreProbabilities() {
    double[] closes = BundledData.daily("BTCUSDT").closes();
    HmmRegimesExample.Result r = HmmRegimesExample.compute(closes);
    assertThat(r.fits()).hasSize(HmmRegimesExample.STATES.length);
    for (int i = 1; i < r.fits().length; i++) {
      // Nested models: more states never fit worse at the maximum (allow optimiser slack).
      assertThat(r.fits()[i].logLikelihood()).isGreaterThan(r.fits()[i - 1].logLikelihood() - 1e-6);
    }
    for (HmmFit f : r.fits()) {
      assertThat(f.bic())
          .isCloseTo(
              -2 * f.logLikelihood() + f.freeParameters() * Math.log(f.observations()),
              Offset.offset(1e-6));
    }
    double[] var = r.model().univariateVariances();
    assertThat(var[0]).isLessThan(var[1]);
    for (double[] row : r.model().transitionMatrix()) {
      assertThat(row[0] + row[1]).isCloseTo(1.0, Offset.offset(1e-9));
    }
    assertThat(r.turbulent()).hasSize(closes.length - 1);
    for (double p : r.turbulent()) {
      assertThat(p).isBetween(0.0, 1.0);
    }
    // Filtering uses no later data: cutting the sample leaves earlier probabilities unchanged.
    double[] x = r.x();
    double[][] cut = r.model().forward(java.util.Arrays.copyOf(x, 500)).filteredProbabilities();
    for (int t = 0; t < 500; t++) {
      assertThat(cut[t][1]).isCloseTo(r.turbulent()[t], Offset.offset(1e-12));
    }
  }

  @Test
  void rejectsTooShortASample() {
    assertThatThrownBy(() -> HmmRegimesExample.compute(new double[5]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mainPrintsSelectionStatesAndYears() {
    String out = MainOutput.of(HmmRegimesExample::main);
    assertThat(out)
        .contains("BIC", "0 calm", "1 turbulent", "P(stay)")
        .contains("2020", "2024")
        .contains("not a trading signal");
  }
}
