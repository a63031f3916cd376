package dev.tyche.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Checks a {@link BarSeries} and reports every finding with its source line and time, as a {@link
 * DataQualityReport}. Read the file leniently ({@link KlineCsvOptions#lenient()}) to have invalid
 * rows reported rather than thrown.
 *
 * <p><b>Defects</b> (the data is wrong or incomplete):
 *
 * <ul>
 *   <li>invalid values: a price that is NaN, infinite or not positive; a volume that is NaN,
 *       infinite or negative;
 *   <li>OHLC inconsistency: {@code high < max(open, close)} or {@code low > min(open, close)};
 *   <li>unsorted rows: an open time before the latest open time of the rows above it;
 *   <li>duplicates: an open time that an earlier row (in file order) already had;
 *   <li>gaps: consecutive distinct open times {@code k >= 2} intervals apart, i.e. {@code k - 1}
 *       missing bars, each listed by time;
 *   <li>irregular spacing: consecutive distinct open times not a whole number of intervals apart.
 * </ul>
 *
 * <p><b>Anomalies</b> (probably what the exchange published, but not real trading):
 *
 * <ul>
 *   <li>zero-volume flat bars: open = high = low = close and volume 0 (nothing traded that
 *       interval, e.g. during a halt);
 *   <li>launch placeholders. Rule: take the valid rows in time order; let {@code m} be the median
 *       volume of the first {@code placeholderWindow} of them (default 168, one week of hours). The
 *       leading rows whose volume is below {@code placeholderVolumeFraction × m} (default 0.001,
 *       i.e. under 0.1 % of a typical bar of the first week) are placeholders; the first row at or
 *       above it ends the run. Such bars appear when a contract lists: the exchange prints a round
 *       reference price (BTCUSDT's 10000.0) with a few test lots before trading opens.
 * </ul>
 *
 * <p><b>Informational</b>: outliers. Over valid rows in time order, the close-to-close log returns
 * {@code r = ln(c_t / c_{t-1})} are compared with a robust spread: {@code sigma = 1.4826 × MAD},
 * the median absolute deviation from the median scaled to equal the standard deviation for normal
 * data (Hampel 1974, "The influence curve and its role in robust estimation", JASA 69; Rousseeuw
 * and Croux 1993, JASA 88, section 1). A return with {@code |r - median| > k × sigma} is an outlier
 * (default {@code k} = {@value #DEFAULT_OUTLIER_THRESHOLD}). Crypto returns are fat-tailed, so real
 * crashes (March 2020) exceed any reasonable {@code k}: outliers are listed for a human to look at
 * and never lower the score.
 *
 * <p>The score is defined in {@link DataQualityReport#score()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DataValidator {
  /** The default outlier threshold in robust standard deviations. */
  public static final double DEFAULT_OUTLIER_THRESHOLD = 12.0;

  /** The default placeholder volume fraction: 0.1 % of the early median volume. */
  public static final double DEFAULT_PLACEHOLDER_VOLUME_FRACTION = 0.001;

  /** The default number of leading bars whose median volume is the placeholder reference. */
  public static final int DEFAULT_PLACEHOLDER_WINDOW = 168;

  /** Consistency constant making the MAD estimate the standard deviation of normal data. */
  static final double MAD_TO_SD = 1.4826;

  private final double outlierThreshold;
  private final double placeholderVolumeFraction;
  private final int placeholderWindow;

  private DataValidator(double outlierThreshold, double placeholderFraction, int window) {
    if (!(outlierThreshold > 0) || Double.isInfinite(outlierThreshold)) {
      throw new IllegalArgumentException(
          "outlierThreshold must be finite and > 0 but was " + outlierThreshold);
    }
    if (!(placeholderFraction >= 0) || placeholderFraction >= 1) {
      throw new IllegalArgumentException(
          "placeholderVolumeFraction must be in [0, 1) but was " + placeholderFraction);
    }
    if (window < 1) {
      throw new IllegalArgumentException("placeholderWindow must be >= 1 but was " + window);
    }
    this.outlierThreshold = outlierThreshold;
    this.placeholderVolumeFraction = placeholderFraction;
    this.placeholderWindow = window;
  }

  /**
   * A validator with the default thresholds.
   *
   * @return the validator
   */
  public static DataValidator defaults() {
    return new DataValidator(
        DEFAULT_OUTLIER_THRESHOLD, DEFAULT_PLACEHOLDER_VOLUME_FRACTION, DEFAULT_PLACEHOLDER_WINDOW);
  }

  /**
   * A validator with given thresholds.
   *
   * @param outlierThreshold {@code k}: robust standard deviations beyond which a return is an
   *     outlier, finite and positive
   * @param placeholderVolumeFraction leading bars below this fraction of the early median volume
   *     are launch placeholders, in [0, 1) (0 disables the rule)
   * @param placeholderWindow how many leading bars give the reference median, at least 1
   * @return the validator
   */
  public static DataValidator of(
      double outlierThreshold, double placeholderVolumeFraction, int placeholderWindow) {
    return new DataValidator(outlierThreshold, placeholderVolumeFraction, placeholderWindow);
  }

  /**
   * The outlier threshold {@code k}.
   *
   * @return robust standard deviations
   */
  public double outlierThreshold() {
    return outlierThreshold;
  }

  /**
   * Validates a series.
   *
   * @param series the bars, in source order
   * @return the report
   */
  public DataQualityReport validate(BarSeries series) {
    int n = series.size();
    long interval = series.intervalMillis();
    List<DataIssue> issues = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    boolean[] defect = new boolean[n];
    boolean[] anomaly = new boolean[n];
    boolean[] valid = new boolean[n];

    for (int i = 0; i < n; i++) {
      valid[i] = checkValues(series, i, issues);
      defect[i] = !valid[i];
      if (valid[i]) {
        double o = series.open(i);
        double h = series.high(i);
        double l = series.low(i);
        double c = series.close(i);
        if (h < Math.max(o, c) || l > Math.min(o, c)) {
          issues.add(
              issue(
                  series,
                  i,
                  DataIssue.Kind.OHLC_INCONSISTENT,
                  String.format(
                      Locale.ROOT,
                      "open=%s high=%s low=%s close=%s: expected low <= min(open, close) and"
                          + " high >= max(open, close)",
                      num(o),
                      num(h),
                      num(l),
                      num(c))));
          defect[i] = true;
          valid[i] = false;
        } else if (series.volume(i) == 0 && o == h && o == l && o == c) {
          issues.add(
              issue(
                  series,
                  i,
                  DataIssue.Kind.ZERO_VOLUME_FLAT,
                  "open=high=low=close=" + num(o) + ", volume 0: nothing traded"));
          anomaly[i] = true;
        }
      }
    }

    // File order: a row earlier in time than some row above it is out of order.
    long latest = Long.MIN_VALUE;
    int latestRow = -1;
    for (int i = 0; i < n; i++) {
      long t = series.openTime(i);
      if (t < latest) {
        issues.add(
            issue(
                series,
                i,
                DataIssue.Kind.UNSORTED,
                "open time "
                    + DataQualityReport.formatTime(t, interval)
                    + " is before line "
                    + series.lineNumber(latestRow)
                    + "'s "
                    + DataQualityReport.formatTime(latest, interval)));
        defect[i] = true;
      } else {
        latest = t;
        latestRow = i;
      }
    }

    // Time order, ties in file order: equal neighbours are duplicates of the first occurrence.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingLong(series::openTime).thenComparingInt(Integer::intValue));
    int[] distinct = new int[n];
    int d = 0;
    long missing = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (d > 0 && series.openTime(distinct[d - 1]) == series.openTime(i)) {
        issues.add(
            issue(
                series,
                i,
                DataIssue.Kind.DUPLICATE,
                "same open time as line " + series.lineNumber(distinct[d - 1])));
        defect[i] = true;
        continue;
      }
      if (d > 0) {
        int p = distinct[d - 1];
        long step = series.openTime(i) - series.openTime(p);
        if (step % interval != 0) {
          issues.add(
              issue(
                  series,
                  i,
                  DataIssue.Kind.IRREGULAR_SPACING,
                  step
                      + " ms after the previous bar (line "
                      + series.lineNumber(p)
                      + "), not a multiple of "
                      + interval
                      + " ms"));
          defect[i] = true;
        } else if (step > interval) {
          Gap gap =
              new Gap(
                  series.lineNumber(p),
                  series.openTime(p),
                  series.lineNumber(i),
                  series.openTime(i),
                  interval);
          gaps.add(gap);
          missing += gap.missingBars();
          issues.add(issue(series, i, DataIssue.Kind.GAP, describeGap(gap)));
        }
      }
      distinct[d++] = i;
    }

    int[] clean = Arrays.stream(distinct, 0, d).filter(i -> valid[i]).toArray();
    findPlaceholders(series, clean, issues, anomaly);
    findOutliers(series, clean, issues);

    issues.sort(
        Comparator.comparingLong(DataIssue::lineNumber)
            .thenComparing(DataIssue::kind)
            .thenComparing(DataIssue::detail));
    long defectRows = 0;
    long anomalyRows = 0;
    for (int i = 0; i < n; i++) {
      if (defect[i]) {
        defectRows++;
      } else if (anomaly[i]) {
        anomalyRows++;
      }
    }
    double score = 0;
    long expected = n + missing;
    if (n > 0) {
      score = Math.max(0.0, 1.0 - (defectRows + missing + 0.5 * anomalyRows) / expected);
    }
    OptionalLong first = d == 0 ? OptionalLong.empty() : OptionalLong.of(series.openTime(order[0]));
    OptionalLong last =
        d == 0 ? OptionalLong.empty() : OptionalLong.of(series.openTime(distinct[d - 1]));
    return new DataQualityReport(
        series.source(),
        series.symbol(),
        interval,
        n,
        first,
        last,
        expected,
        missing,
        defectRows,
        anomalyRows,
        gaps,
        issues,
        score,
        outlierThreshold);
  }

  private static boolean checkValues(BarSeries s, int i, List<DataIssue> issues) {
    boolean ok = true;
    String[] names = {"open", "high", "low", "close"};
    double[] prices = {s.open(i), s.high(i), s.low(i), s.close(i)};
    for (int f = 0; f < 4; f++) {
      double v = prices[f];
      if (!(v > 0) || Double.isInfinite(v)) {
        issues.add(
            issue(
                s,
                i,
                DataIssue.Kind.INVALID_VALUE,
                names[f] + " = " + num(v) + ": expected a finite price > 0"));
        ok = false;
      }
    }
    double v = s.volume(i);
    if (!(v >= 0) || Double.isInfinite(v)) {
      issues.add(
          issue(
              s,
              i,
              DataIssue.Kind.INVALID_VALUE,
              "volume = " + num(v) + ": expected a finite volume >= 0"));
      ok = false;
    }
    return ok;
  }

  private void findPlaceholders(
      BarSeries s, int[] clean, List<DataIssue> issues, boolean[] anomaly) {
    if (clean.length == 0 || placeholderVolumeFraction == 0) {
      return;
    }
    int w = Math.min(placeholderWindow, clean.length);
    double[] volumes = new double[w];
    for (int k = 0; k < w; k++) {
      volumes[k] = s.volume(clean[k]);
    }
    double reference = median(volumes);
    double threshold = placeholderVolumeFraction * reference;
    for (int k = 0; k < clean.length; k++) {
      int i = clean[k];
      if (!(s.volume(i) < threshold)) {
        break;
      }
      issues.add(
          issue(
              s,
              i,
              DataIssue.Kind.LAUNCH_PLACEHOLDER,
              String.format(
                  Locale.ROOT,
                  "close %s, volume %s < %s%% of the median volume %s of the first %d bars",
                  num(s.close(i)),
                  num(s.volume(i)),
                  num(placeholderVolumeFraction * 100),
                  num(reference),
                  w)));
      anomaly[i] = true;
    }
  }

  private void findOutliers(BarSeries s, int[] clean, List<DataIssue> issues) {
    int m = clean.length - 1;
    if (m < 10) {
      return; // too few returns for a meaningful median absolute deviation
    }
    double[] r = new double[m];
    for (int k = 0; k < m; k++) {
      r[k] = Math.log(s.close(clean[k + 1]) / s.close(clean[k]));
    }
    double med = median(r.clone());
    double[] dev = new double[m];
    for (int k = 0; k < m; k++) {
      dev[k] = Math.abs(r[k] - med);
    }
    double sigma = MAD_TO_SD * median(dev);
    if (!(sigma > 0)) {
      return; // mostly constant prices: no spread to measure against
    }
    for (int k = 0; k < m; k++) {
      double z = (r[k] - med) / sigma;
      if (Math.abs(z) > outlierThreshold) {
        int i = clean[k + 1];
        issues.add(
            issue(
                s,
                i,
                DataIssue.Kind.OUTLIER,
                String.format(
                    Locale.ROOT,
                    "close %s -> %s, log return %+.4f = %+.1f robust sd (k = %s)",
                    num(s.close(clean[k])),
                    num(s.close(i)),
                    r[k],
                    z,
                    num(outlierThreshold))));
      }
    }
  }

  private static String describeGap(Gap gap) {
    long interval = gap.intervalMillis();
    long count = gap.missingBars();
    StringBuilder sb = new StringBuilder();
    sb.append(count).append(count == 1 ? " missing bar: " : " missing bars: ");
    if (count <= 5) {
      long[] times = gap.missingOpenTimes();
      for (int k = 0; k < times.length; k++) {
        if (k > 0) {
          sb.append(", ");
        }
        sb.append(DataQualityReport.formatTime(times[k], interval));
      }
    } else {
      sb.append(DataQualityReport.formatTime(gap.firstMissingOpenTime(), interval))
          .append(" .. ")
          .append(DataQualityReport.formatTime(gap.lastMissingOpenTime(), interval));
    }
    return sb.append(" (after line ").append(gap.previousLine()).append(')').toString();
  }

  private static DataIssue issue(BarSeries s, int i, DataIssue.Kind kind, String detail) {
    return new DataIssue(kind, s.lineNumber(i), s.openTime(i), detail);
  }

  /**
   * A double as short decimal text for messages: at most 15 significant digits (which round-trip
   * any decimal of up to 15 digits), so that values read from a file print as written ({@code
   * 10000.0}, {@code 0.003989}) and computed ones (a median) print without binary noise.
   */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN))
            .stripTrailingZeros()
            .toPlainString();
    return s.indexOf('.') < 0 ? s + ".0" : s;
  }

  /** The median; sorts {@code values} in place. */
  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return (n & 1) == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
  }
}
