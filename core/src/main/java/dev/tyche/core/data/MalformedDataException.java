package dev.tyche.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * A data file that cannot be read as promised: a malformed row, a value out of range, a wrong
 * column count, an unknown header, or (in strict mode) a time out of order. The message names the
 * source, the 1-based line number, the field and the offending text, for example {@code
 * BTCUSDT-1h.csv line 17: field 'high' = 'abc': is not a decimal number}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MalformedDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The source name (usually the file name). */
  private final String source;

  /** The 1-based line number, or 0 when the problem is not tied to one line. */
  private final long lineNumber;

  /** The field name, or null when the problem is about the whole line. */
  private final String field;

  /** The offending text, or null when there is none. */
  private final String value;

  /**
   * Creates the exception.
   *
   * @param source the source name, usually the file name
   * @param lineNumber the 1-based line number, or 0 if the problem concerns the whole source
   * @param field the field name, or null if the problem concerns the whole line
   * @param value the offending text, or null
   * @param reason what is wrong and what was expected
   */
  public MalformedDataException(
      String source, long lineNumber, String field, String value, String reason) {
    super(message(source, lineNumber, field, value, reason));
    this.source = Objects.requireNonNull(source, "source");
    this.lineNumber = lineNumber;
    this.field = field;
    this.value = value;
  }

  private static String message(
      String source, long lineNumber, String field, String value, String reason) {
    StringBuilder sb = new StringBuilder(96).append(source);
    if (lineNumber > 0) {
      sb.append(" line ").append(lineNumber);
    }
    sb.append(": ");
    if (field != null) {
      sb.append("field '").append(field).append('\'');
      if (value != null) {
        sb.append(" = '").append(value).append('\'');
      }
      sb.append(": ");
    } else if (value != null) {
      sb.append('\'').append(value).append("': ");
    }
    return sb.append(reason).toString();
  }

  /**
   * The source name.
   *
   * @return usually the file name
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based line number.
   *
   * @return the line, or 0 when the problem concerns the whole source (for example an empty file)
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * The field the problem is in.
   *
   * @return the field name, if the problem concerns one field
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /**
   * The offending text.
   *
   * @return the text, if there is one
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
