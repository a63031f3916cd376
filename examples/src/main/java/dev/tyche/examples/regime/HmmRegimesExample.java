package dev.tyche.examples.regime;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.stats.Returns;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.TextTable;
import dev.tyche.strategy.regime.hmm.GaussianHmm;
import dev.tyche.strategy.regime.hmm.GaussianHmmFitter;
import dev.tyche.strategy.regime.hmm.HmmFit;
import dev.tyche.strategy.regime.hmm.HmmFitOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Market regimes of the BTCUSDT perpetual from a Gaussian hidden Markov model of its daily log
 * returns (Hamilton 1989, "A new approach to the economic analysis of nonstationary time series and
 * the business cycle", Econometrica 57(2); fitted by EM, Baum et al. 1970): one- to three-state
 * models compared by BIC, then the two-state model's states (canonical order: ascending variance,
 * so state 0 is "calm" and state 1 "turbulent"), their persistence, and how many days of each
 * calendar year the filtered probability {@code P(turbulent | returns up to that day)} exceeds 0.5.
 *
 * <p>The filtered probability uses no later return, but the model's parameters are fitted on the
 * whole sample, so the classification is in-sample: a description of the past, not a signal.
 * Returns are daily log returns in percent; volatilities are annualised with {@code sqrt(365)}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class HmmRegimesExample {

  /** The numbers of states compared. */
  static final int[] STATES = {1, 2, 3};

  private HmmRegimesExample() {}

  /**
   * What the example computes.
   *
   * @param x daily log returns in percent
   * @param fits one fit per entry of {@link #STATES}
   * @param model the two-state model, canonical order
   * @param turbulent the filtered probability of state 1 for each day
   */
  record Result(double[] x, HmmFit[] fits, GaussianHmm model, double[] turbulent) {}

  /**
   * Runs the example on the bundled data.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BarSeries btc = BundledData.daily("BTCUSDT");
    Result r = compute(btc.closes());
    print(out, btc, r);
    out.flush();
  }

  /**
   * Fits the models and filters the two-state one.
   *
   * @param closes daily closes, positive, at least 50
   * @return the result
   */
  static Result compute(double[] closes) {
    if (closes.length < 50) {
      throw new IllegalArgumentException("need at least 50 closes but have " + closes.length);
    }
    double[] x = Arrays.stream(Returns.log(closes)).map(v -> 100 * v).toArray();
    HmmFit[] fits = new HmmFit[STATES.length];
    HmmFit two = null;
    for (int i = 0; i < STATES.length; i++) {
      fits[i] = GaussianHmmFitter.fit(x, HmmFitOptions.defaults(STATES[i]));
      if (STATES[i] == 2) {
        two = fits[i];
      }
    }
    GaussianHmm model = java.util.Objects.requireNonNull(two, "two-state fit").model();
    double[][] filtered = model.forward(x).filteredProbabilities();
    double[] turbulent = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      turbulent[t] = filtered[t][1];
    }
    return new Result(x, fits, model, turbulent);
  }

  private static void print(PrintStream out, BarSeries btc, Result r) {
    out.println("Tyche example: hidden Markov regimes of BTCUSDT perpetual daily log returns");
    out.printf(
        Locale.ROOT,
        "Data: bundled Binance daily bars %s .. %s UTC, %d log returns in percent.%n",
        day(btc.openTime(0)),
        day(btc.openTime(btc.size() - 1)),
        r.x().length);
    out.println();
    TextTable sel = new TextTable("states", "status", "log-lik", "parameters", "BIC");
    for (int i = 0; i < STATES.length; i++) {
      HmmFit f = r.fits()[i];
      sel.row(
          Integer.toString(STATES[i]),
          f.status().toString(),
          TextTable.fixed(f.logLikelihood(), 1),
          Integer.toString(f.freeParameters()),
          TextTable.fixed(f.bic(), 1));
    }
    sel.print(out);
    out.println("(lower BIC is better; it charges ln(T) per parameter)");
    out.println();

    GaussianHmm m = r.model();
    double[] mean = m.univariateMeans();
    double[] var = m.univariateVariances();
    double[][] a = m.transitionMatrix();
    out.println("Two-state model (states ordered by variance)");
    TextTable states =
        new TextTable(
            "state", "mean %/day", "vol % a year", "P(stay)", "mean stay, days", "days P>0.5");
    String[] names = {"0 calm", "1 turbulent"};
    for (int s = 0; s < 2; s++) {
      int count = 0;
      for (double p : r.turbulent()) {
        if ((s == 1) == (p > 0.5)) {
          count++;
        }
      }
      states.row(
          names[s],
          TextTable.fixed(mean[s], 3),
          TextTable.fixed(Math.sqrt(365 * var[s]), 1),
          TextTable.fixed(a[s][s], 3),
          TextTable.fixed(1 / (1 - a[s][s]), 1),
          Integer.toString(count));
    }
    states.print(out);
    out.println();

    out.println("Days per calendar year with P(turbulent | data so far) > 0.5");
    Map<Integer, int[]> years = new TreeMap<>();
    for (int t = 0; t < r.x().length; t++) {
      // x[t] is the return over bar t + 1, so it belongs to that bar's day.
      int year = Instant.ofEpochMilli(btc.openTime(t + 1)).atZone(ZoneOffset.UTC).getYear();
      int[] c = years.computeIfAbsent(year, y -> new int[2]);
      c[0]++;
      if (r.turbulent()[t] > 0.5) {
        c[1]++;
      }
    }
    TextTable y = new TextTable("year", "days", "turbulent days", "share");
    for (Map.Entry<Integer, int[]> e : years.entrySet()) {
      int[] c = e.getValue();
      y.row(
          e.getKey().toString(),
          Integer.toString(c[0]),
          Integer.toString(c[1]),
          TextTable.pct(c[1] / (double) c[0], 0));
    }
    y.print(out);
    out.println();
    out.println("The model is fitted on the whole sample, so these labels are in-sample: they");
    out.println("describe the past and are not a trading signal or a forecast.");
  }

  static String day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
  }
}
