package dev.tyche.examples.support;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A plain-text table for console output: a header row, data rows, columns right-aligned except the
 * first, separated by two spaces, with a rule under the header.
 *
 * <p>Mutable; confined to one thread.
 */
public final class TextTable {

  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  /**
   * A table with these column headings.
   *
   * @param header the headings, at least one
   */
  public TextTable(String... header) {
    if (header.length == 0) {
      throw new IllegalArgumentException("header must have at least one column");
    }
    this.header = header.clone();
  }

  /**
   * Adds a row.
   *
   * @param cells one cell per column
   * @return this table
   * @throws IllegalArgumentException if the number of cells differs from the header's
   */
  public TextTable row(String... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException(
          "row must have " + header.length + " cells but has " + cells.length);
    }
    for (String c : cells) {
      Objects.requireNonNull(c, "cell");
    }
    rows.add(cells.clone());
    return this;
  }

  /**
   * The number of data rows.
   *
   * @return rows added so far
   */
  public int size() {
    return rows.size();
  }

  /**
   * Prints the table.
   *
   * @param out where to print
   */
  public void print(PrintStream out) {
    int[] width = new int[header.length];
    for (int j = 0; j < header.length; j++) {
      width[j] = header[j].length();
      for (String[] r : rows) {
        width[j] = Math.max(width[j], r[j].length());
      }
    }
    line(out, header, width);
    char[] rule = new char[Arrays.stream(width).sum() + 2 * (width.length - 1)];
    Arrays.fill(rule, '-');
    out.println(new String(rule));
    for (String[] r : rows) {
      line(out, r, width);
    }
  }

  private static void line(PrintStream out, String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < cells.length; j++) {
      if (j > 0) {
        b.append("  ");
      }
      String pad = " ".repeat(width[j] - cells[j].length());
      b.append(j == 0 ? cells[j] + pad : pad + cells[j]);
    }
    out.println(b.toString().stripTrailing());
  }

  /**
   * Formats a number with a fixed number of decimals ({@link Locale#ROOT}).
   *
   * @param value the number
   * @param decimals digits after the point
   * @return the text, {@code NaN} or {@code Infinity} as Java writes them
   */
  public static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /**
   * Formats a fraction as a percentage with a fixed number of decimals.
   *
   * @param fraction the fraction ({@code 0.0123} is {@code 1.23 %})
   * @param decimals digits after the point
   * @return the text, e.g. {@code 1.23 %}
   */
  public static String pct(double fraction, int decimals) {
    return fixed(100 * fraction, decimals) + " %";
  }
}
