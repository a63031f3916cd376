package dev.tyche.core.data;

import java.util.Objects;

/**
 * One finding of {@link DataValidator}: what, where (the 1-based source line and the bar's open
 * time) and a human-readable detail.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what was found
 * @param lineNumber the 1-based source line of the row concerned (for a gap: the first row after
 *     it)
 * @param openTime that row's open time, UTC epoch milliseconds
 * @param detail the values involved, in words
 */
public record DataIssue(Kind kind, long lineNumber, long openTime, String detail) {

  // An issue that does not say what or where is useless in a report.
  public DataIssue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    if (lineNumber < 0) {
      throw new IllegalArgumentException("lineNumber must be >= 0 but was " + lineNumber);
    }
  }

  /**
   * How much a finding says about the data's fitness.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Severity {
    /** The data is wrong or incomplete; counts fully against the quality score. */
    DEFECT,
    /**
     * The data is probably what the exchange published but is not real trading (a placeholder, an
     * hour without trades); counts half against the quality score.
     */
    ANOMALY,
    /** Worth a look but not evidence of an error (a large move); does not affect the score. */
    INFO
  }

  /**
   * The kinds of finding.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Kind {
    /**
     * A price that is NaN, infinite, zero or negative, or a volume that is NaN, infinite or
     * negative.
     */
    INVALID_VALUE(Severity.DEFECT, "invalid value"),
    /** {@code high < max(open, close)} or {@code low > min(open, close)}. */
    OHLC_INCONSISTENT(Severity.DEFECT, "OHLC inconsistent"),
    /** An open time earlier than an earlier row's. */
    UNSORTED(Severity.DEFECT, "unsorted"),
    /** An open time that an earlier row already had. */
    DUPLICATE(Severity.DEFECT, "duplicate time"),
    /** Missing bars: consecutive open times more than one interval apart. */
    GAP(Severity.DEFECT, "gap"),
    /** Consecutive open times that are not a whole number of intervals apart. */
    IRREGULAR_SPACING(Severity.DEFECT, "irregular spacing"),
    /** A pre-trading bar at the start of the series (see {@link DataValidator}). */
    LAUNCH_PLACEHOLDER(Severity.ANOMALY, "launch placeholder"),
    /** A bar with open = high = low = close and zero volume: nothing traded. */
    ZERO_VOLUME_FLAT(Severity.ANOMALY, "zero-volume flat"),
    /**
     * A close-to-close log return far outside the series' robust spread (see {@link
     * DataValidator}).
     */
    OUTLIER(Severity.INFO, "outlier return");

    private final Severity severity;
    private final String label;

    Kind(Severity severity, String label) {
      this.severity = severity;
      this.label = label;
    }

    /**
     * The severity of this kind.
     *
     * @return defect, anomaly or informational
     */
    public Severity severity() {
      return severity;
    }

    /**
     * A short human-readable name.
     *
     * @return the label
     */
    public String label() {
      return label;
    }
  }
}
