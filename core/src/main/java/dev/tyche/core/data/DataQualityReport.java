package dev.tyche.core.data;

import dev.tyche.core.id.Symbol;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@link DataValidator} found in a bar series: every issue with its line number and time, the
 * gaps with their missing timestamps, and a quality score.
 *
 * <p><b>Score</b>, in [0, 1]: {@code score = max(0, 1 - (D + G + A/2) / E)}, where {@code D} is the
 * number of rows with at least one defect, {@code G} the number of missing bars, {@code A} the
 * number of rows with an anomaly and no defect, and {@code E = rows + G} the number of bars the
 * span should have held. Outliers do not count. A clean series scores 1; a series of nothing but
 * defects scores 0, as does an empty series. The score is a summary for ranking files, not a
 * threshold for rejecting them: read the issues.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source where the rows came from, usually a file name
 * @param symbol whose bars these are
 * @param intervalMillis the bar length
 * @param rows the number of rows read
 * @param firstOpenTime the earliest open time, if any row
 * @param lastOpenTime the latest open time, if any row
 * @param expectedBars {@code rows + missingBars}
 * @param missingBars the bars missing in gaps
 * @param defectRows rows with at least one defect
 * @param anomalyRows rows with an anomaly and no defect
 * @param gaps the gaps, in time order
 * @param issues every finding, by line number
 * @param score the quality score, in [0, 1]
 * @param outlierThreshold the outlier threshold {@code k} used, in robust standard deviations
 */
public record DataQualityReport(
    String source,
    Symbol symbol,
    long intervalMillis,
    int rows,
    OptionalLong firstOpenTime,
    OptionalLong lastOpenTime,
    long expectedBars,
    long missingBars,
    long defectRows,
    long anomalyRows,
    List<Gap> gaps,
    List<DataIssue> issues,
    double score,
    double outlierThreshold) {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int LISTED_PER_KIND = 25;

  // Copy the lists so the report cannot change after validation.
  public DataQualityReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(firstOpenTime, "firstOpenTime");
    Objects.requireNonNull(lastOpenTime, "lastOpenTime");
    gaps = List.copyOf(gaps);
    issues = List.copyOf(issues);
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
  }

  /**
   * The issues of one kind.
   *
   * @param kind the kind
   * @return those issues, by line number
   */
  public List<DataIssue> issuesOf(DataIssue.Kind kind) {
    return issues.stream().filter(i -> i.kind() == kind).toList();
  }

  /**
   * The number of issues of one kind.
   *
   * @param kind the kind
   * @return the count
   */
  public long count(DataIssue.Kind kind) {
    return issues.stream().filter(i -> i.kind() == kind).count();
  }

  /**
   * The number of issues of one severity.
   *
   * @param severity the severity
   * @return the count
   */
  public long count(DataIssue.Severity severity) {
    return issues.stream().filter(i -> i.kind().severity() == severity).count();
  }

  /**
   * Whether any defect was found.
   *
   * @return true if there is at least one defect
   */
  public boolean hasDefects() {
    return count(DataIssue.Severity.DEFECT) > 0;
  }

  /**
   * A time as UTC text, to the minute ({@code 2019-09-08 17:00}), or to the second for bars shorter
   * than a minute.
   *
   * @param epochMillis UTC epoch milliseconds
   * @param intervalMillis the bar length, which sets the precision
   * @return the text
   */
  public static String formatTime(long epochMillis, long intervalMillis) {
    Instant t = Instant.ofEpochMilli(epochMillis);
    return (intervalMillis % 60_000L == 0 ? MINUTES : SECONDS).format(t);
  }

  /**
   * The report as plain text: a summary table, then the issues grouped by kind (at most 25 listed
   * per kind, with a count of the rest).
   *
   * @return the text, lines separated by {@code \n}
   */
  public String toText() {
    return toText(LISTED_PER_KIND);
  }

  /**
   * The report as plain text, listing at most {@code listedPerKind} issues of each kind.
   *
   * @param listedPerKind how many issues of each kind to list, at least 0
   * @return the text, lines separated by {@code \n}
   */
  public String toText(int listedPerKind) {
    if (listedPerKind < 0) {
      throw new IllegalArgumentException("listedPerKind must be >= 0 but was " + listedPerKind);
    }
    StringBuilder sb = new StringBuilder(2048);
    String label = KlineCsvOptions.intervalLabel(intervalMillis);
    sb.append("Data quality report: ")
        .append(source)
        .append(" (")
        .append(symbol)
        .append(", ")
        .append(label)
        .append(" bars, times UTC)\n");
    line(sb, "rows", Integer.toString(rows));
    if (firstOpenTime.isPresent()) {
      line(
          sb,
          "span (open times)",
          formatTime(firstOpenTime.getAsLong(), intervalMillis)
              + " .. "
              + formatTime(lastOpenTime.getAsLong(), intervalMillis));
    }
    line(sb, "expected bars", Long.toString(expectedBars));
    line(
        sb,
        "missing bars",
        missingBars + " in " + gaps.size() + (gaps.size() == 1 ? " gap" : " gaps"));
    line(
        sb,
        "defects",
        count(DataIssue.Severity.DEFECT) + " (rows with a defect: " + defectRows + ")");
    line(
        sb,
        "anomalies",
        count(DataIssue.Severity.ANOMALY) + " (rows with an anomaly only: " + anomalyRows + ")");
    line(
        sb,
        "outliers (info)",
        count(DataIssue.Kind.OUTLIER)
            + " (|log return - median| > "
            + DataValidator.num(outlierThreshold)
            + " robust sd; not counted)");
    line(sb, "quality score", String.format(Locale.ROOT, "%.6f", score));
    sb.append("  score = 1 - (defect rows + missing bars + anomaly rows / 2) / expected bars\n");
    Map<DataIssue.Kind, Integer> listed = new EnumMap<>(DataIssue.Kind.class);
    if (issues.isEmpty()) {
      sb.append("No issues found.\n");
      return sb.toString();
    }
    for (DataIssue.Kind kind : DataIssue.Kind.values()) {
      List<DataIssue> ofKind = issuesOf(kind);
      if (ofKind.isEmpty()) {
        continue;
      }
      sb.append(kind.severity())
          .append(": ")
          .append(kind.label())
          .append(" (")
          .append(ofKind.size())
          .append(")\n");
      for (DataIssue issue : ofKind) {
        int shown = listed.merge(kind, 1, Integer::sum);
        if (shown > listedPerKind) {
          sb.append("  ... and ").append(ofKind.size() - listedPerKind).append(" more\n");
          break;
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "  line %-8d %s  %s%n",
                issue.lineNumber(),
                formatTime(issue.openTime(), intervalMillis),
                issue.detail()));
      }
    }
    return sb.toString().replace("\r\n", "\n");
  }

  private static void line(StringBuilder sb, String name, String value) {
    sb.append(String.format(Locale.ROOT, "  %-18s %s%n", name, value));
  }

  @Override
  public String toString() {
    return toText();
  }
}
