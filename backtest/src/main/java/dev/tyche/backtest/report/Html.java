package dev.tyche.backtest.report;

/**
 * Escaping for HTML and XML text and attribute values.
 *
 * <p>Immutable and thread-safe (a static utility).
 */
final class Html {
  private Html() {}

  /** Escapes {@code & < > " '} so the text is safe in HTML, SVG and XML, in text or attributes. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
