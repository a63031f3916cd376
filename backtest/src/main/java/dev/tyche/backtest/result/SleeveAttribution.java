package dev.tyche.backtest.result;

import dev.tyche.portfolio.attribution.BrinsonFachler;
import dev.tyche.portfolio.attribution.LinkedAttribution;
import dev.tyche.portfolio.attribution.PeriodAttribution;
import dev.tyche.portfolio.attribution.SegmentEffects;
import dev.tyche.portfolio.attribution.SegmentReturns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brinson-Fachler attribution of a backtest, per strategy sleeve and per market regime, computed
 * with the portfolio module's {@link BrinsonFachler} (single period: Brinson and Fachler 1985, with
 * the Brinson-Hood-Beebower interaction term; linking: Carino 1999, logarithmic coefficients).
 *
 * <p><b>Periods</b> are the equity curve's sampling periods: period {@code t} runs from sample
 * {@code t - 1} to sample {@code t} ({@code t = 1 .. n-1}); PnL booked before the first sample is
 * in no period. <b>Portfolio</b> weights and returns of the sleeves come from their PnL series
 * ({@link StrategySeries#pnl()}) and notional capital (see {@link AttributionSettings}); the
 * <b>benchmark</b> is the one the settings state (default: the equal-weight portfolio of the
 * sleeves). In every period the three effects summed over sleeves equal the period's active return
 * {@code R_p - R_b}; Carino's linked effects sum to the compounded active return {@code R_P - R_B}.
 *
 * <p><b>Regimes</b> partition time, not capital: only one regime is in force in a period, so a
 * regime cannot carry a portfolio weight within it. The per-regime effects are therefore the
 * Carino-linked per-period totals (over sleeves) grouped by the regime in force at the period's
 * start (known before the period's PnL, so no look-ahead; {@link Contributions#NO_REGIME} before
 * the first change). Because Carino's coefficients make per-period effects additive over time, the
 * per-regime effects also sum to {@code R_P - R_B}.
 *
 * <p><b>Unattributed return.</b> {@code R_p} is built from the sleeves, {@code sum_s (PnL_s,t -
 * PnL_s,t-1) / sum_s C_s,t-1}. It equals the account's return {@code E_t / E_t-1 - 1} when the
 * sleeves' PnLs add up to the account's (they do up to funding rounding, see {@link Contribution}),
 * except when a sleeve with zero capital books PnL (the {@code "venue"} liquidation bucket, which
 * has no capital by default): that PnL has no weight to ride on. {@link #unattributed()} reports
 * the difference per period so nothing is hidden.
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @param sleeves the sleeve (strategy) ids, in the result's order
 * @param periodEnds the end time of each period (UTC epoch ms), {@code times[1..n-1]} of the curve
 * @param inputs each period's weights and returns per sleeve, the input of the single-period
 *     attribution
 * @param periods each period's effects per sleeve and its portfolio and benchmark returns
 * @param bySleeve the Carino-linked effects per sleeve over all periods
 * @param byRegime the Carino-linked effects per regime label, present when the result has a regime
 *     series
 * @param unattributed per period, the account's return minus the attributed portfolio return
 */
public record SleeveAttribution(
    List<String> sleeves,
    long[] periodEnds,
    List<Map<String, SegmentReturns>> inputs,
    List<PeriodAttribution<String>> periods,
    LinkedAttribution<String> bySleeve,
    Optional<LinkedAttribution<String>> byRegime,
    double[] unattributed) {

  /** The sleeve of liquidations (same text as the runner's {@code BacktestRunner.VENUE}). */
  static final String VENUE = "venue";

  /** Checks sizes and copies. */
  public SleeveAttribution {
    sleeves = List.copyOf(sleeves);
    Objects.requireNonNull(periodEnds, "periodEnds must not be null");
    inputs = List.copyOf(inputs);
    periods = List.copyOf(periods);
    Objects.requireNonNull(bySleeve, "bySleeve must not be null");
    Objects.requireNonNull(byRegime, "byRegime must not be null");
    Objects.requireNonNull(unattributed, "unattributed must not be null");
    int n = periodEnds.length;
    if (inputs.size() != n || periods.size() != n || unattributed.length != n) {
      throw new IllegalArgumentException(
          "inputs, periods and unattributed must have the length of periodEnds "
              + n
              + " but had "
              + inputs.size()
              + ", "
              + periods.size()
              + ", "
              + unattributed.length);
    }
    periodEnds = periodEnds.clone();
    unattributed = unattributed.clone();
  }

  /**
   * Attributes a backtest result.
   *
   * @param r the result; its curve needs at least two samples and it needs at least one strategy
   *     series
   * @param settings the capital split and benchmark
   * @return the attribution
   * @throws IllegalArgumentException if the curve has fewer than two samples, there is no sleeve, a
   *     setting names an unknown sleeve, a benchmark return series has the wrong length, no sleeve
   *     has a positive capital share, or the sleeves' total capital is not positive at a period's
   *     start (a blown-up account cannot be attributed by returns)
   */
  public static SleeveAttribution of(BacktestResult r, AttributionSettings settings) {
    Objects.requireNonNull(r, "result must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    EquityCurve curve = r.equity();
    int n = curve.size();
    if (n < 2) {
      throw new IllegalArgumentException(
          "the equity curve must have at least 2 samples for attribution but had " + n);
    }
    List<StrategySeries> series = r.strategySeries();
    if (series.isEmpty()) {
      throw new IllegalArgumentException("the result must have at least one strategy series");
    }
    List<String> ids = new ArrayList<>();
    for (StrategySeries s : series) {
      ids.add(s.strategy());
    }
    int m = ids.size();
    double[] share = shares(settings, ids);
    double[] bw = benchmarkWeights(settings, ids, share);
    double[][] bret = new double[m][];
    for (String k : settings.benchmarkReturns().keySet()) {
      requireKnown(ids, k, "benchmarkReturns");
    }
    for (int s = 0; s < m; s++) {
      double[] b = settings.benchmarkReturnsOf(ids.get(s));
      if (b != null && b.length != n - 1) {
        throw new IllegalArgumentException(
            "benchmarkReturns of "
                + ids.get(s)
                + " must have one return per period ("
                + (n - 1)
                + ") but had "
                + b.length);
      }
      bret[s] = b;
    }
    double[][] pnl = new double[m][];
    for (int s = 0; s < m; s++) {
      pnl[s] = series.get(s).pnl();
    }
    double e0 = r.initialEquity().amount().toDouble();
    long[] times = curve.times();
    double[] eq = curve.equity();
    Optional<RegimeSeries> regimes = r.regimes();

    long[] ends = Arrays.copyOfRange(times, 1, n);
    List<Map<String, SegmentReturns>> inputs = new ArrayList<>(n - 1);
    List<PeriodAttribution<String>> periods = new ArrayList<>(n - 1);
    List<PeriodAttribution<String>> regimePeriods = new ArrayList<>(n - 1);
    double[] unattributed = new double[n - 1];
    double[] capital = new double[m];
    for (int t = 1; t < n; t++) {
      double total = 0.0;
      for (int s = 0; s < m; s++) {
        capital[s] = share[s] * e0 + pnl[s][t - 1];
        total += capital[s];
      }
      if (!(total > 0.0) || !Double.isFinite(total)) {
        throw new IllegalArgumentException(
            "the sleeves' total capital must be > 0 at the start of every period but was "
                + total
                + " at "
                + times[t - 1]);
      }
      Map<String, SegmentReturns> in = new LinkedHashMap<>();
      for (int s = 0; s < m; s++) {
        double own = capital[s] != 0.0 ? (pnl[s][t] - pnl[s][t - 1]) / capital[s] : Double.NaN;
        double bench = bret[s] != null ? bret[s][t - 1] : Double.isNaN(own) ? 0.0 : own;
        // A sleeve without capital has no return of its own; SegmentReturns' convention is to
        // give it the benchmark's, which makes its selection and interaction vanish.
        double port = Double.isNaN(own) ? bench : own;
        in.put(ids.get(s), new SegmentReturns(capital[s] / total, bw[s], port, bench));
      }
      PeriodAttribution<String> pa = BrinsonFachler.singlePeriod(in);
      inputs.add(in);
      periods.add(pa);
      unattributed[t - 1] = eq[t] / eq[t - 1] - 1.0 - pa.portfolioReturn();
      if (regimes.isPresent()) {
        String label = regimes.get().labelAt(times[t - 1]).orElse(Contributions.NO_REGIME);
        regimePeriods.add(
            new PeriodAttribution<>(
                Map.of(
                    label, new SegmentEffects(pa.allocation(), pa.selection(), pa.interaction())),
                pa.portfolioReturn(),
                pa.benchmarkReturn()));
      }
    }
    LinkedAttribution<String> bySleeve = BrinsonFachler.link(periods);
    Optional<LinkedAttribution<String>> byRegime =
        regimes.isPresent() ? Optional.of(BrinsonFachler.link(regimePeriods)) : Optional.empty();
    return new SleeveAttribution(ids, ends, inputs, periods, bySleeve, byRegime, unattributed);
  }

  /**
   * The default attribution ({@link AttributionSettings#equalWeight()}) if the result allows one:
   * at least two samples, a strategy series and positive capital throughout.
   *
   * @param r the result
   * @return the attribution, or empty when it cannot be computed
   */
  public static Optional<SleeveAttribution> ofDefault(BacktestResult r) {
    Objects.requireNonNull(r, "result must not be null");
    if (r.equity().size() < 2 || r.strategySeries().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(of(r, AttributionSettings.equalWeight()));
    } catch (IllegalArgumentException e) {
      // Only data-dependent failures remain here (non-positive capital, a return <= -1).
      return Optional.empty();
    }
  }

  /**
   * The number of periods.
   *
   * @return {@code periodEnds.length}
   */
  public int periodCount() {
    return periodEnds.length;
  }

  @Override
  public long[] periodEnds() {
    return periodEnds.clone();
  }

  @Override
  public double[] unattributed() {
    return unattributed.clone();
  }

  private static double[] shares(AttributionSettings settings, List<String> ids) {
    int m = ids.size();
    double[] share = new double[m];
    Map<String, Double> given = settings.capitalShares();
    if (given.isEmpty()) {
      int k = 0;
      for (String id : ids) {
        k += VENUE.equals(id) ? 0 : 1;
      }
      if (k == 0) {
        throw new IllegalArgumentException(
            "no sleeve gets capital by default: the only sleeve is " + VENUE);
      }
      for (int s = 0; s < m; s++) {
        share[s] = VENUE.equals(ids.get(s)) ? 0.0 : 1.0 / k;
      }
      return share;
    }
    for (String k : given.keySet()) {
      requireKnown(ids, k, "capitalShares");
    }
    for (int s = 0; s < m; s++) {
      share[s] = given.getOrDefault(ids.get(s), 0.0);
    }
    return share;
  }

  private static double[] benchmarkWeights(
      AttributionSettings settings, List<String> ids, double[] share) {
    int m = ids.size();
    double[] w = new double[m];
    Map<String, Double> given = settings.benchmarkWeights();
    if (given.isEmpty()) {
      int k = 0;
      for (double x : share) {
        k += x > 0.0 ? 1 : 0;
      }
      if (k == 0) {
        throw new IllegalArgumentException(
            "at least one sleeve must have a positive capital share for equal benchmark weights");
      }
      for (int s = 0; s < m; s++) {
        w[s] = share[s] > 0.0 ? 1.0 / k : 0.0;
      }
      return w;
    }
    for (String k : given.keySet()) {
      requireKnown(ids, k, "benchmarkWeights");
    }
    for (int s = 0; s < m; s++) {
      w[s] = given.getOrDefault(ids.get(s), 0.0);
    }
    return w;
  }

  private static void requireKnown(List<String> ids, String key, String name) {
    if (!ids.contains(key)) {
      throw new IllegalArgumentException(
          name + " names sleeve " + key + " but the result's sleeves are " + ids);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SleeveAttribution
        && sleeves.equals(((SleeveAttribution) o).sleeves)
        && Arrays.equals(periodEnds, ((SleeveAttribution) o).periodEnds)
        && inputs.equals(((SleeveAttribution) o).inputs)
        && periods.equals(((SleeveAttribution) o).periods)
        && bySleeve.equals(((SleeveAttribution) o).bySleeve)
        && byRegime.equals(((SleeveAttribution) o).byRegime)
        && Arrays.equals(unattributed, ((SleeveAttribution) o).unattributed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sleeves,
        Arrays.hashCode(periodEnds),
        inputs,
        periods,
        bySleeve,
        byRegime,
        Arrays.hashCode(unattributed));
  }

  @Override
  public String toString() {
    return "SleeveAttribution[" + sleeves + ", " + periodEnds.length + " periods]";
  }
}
