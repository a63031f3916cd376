package dev.tyche.backtest.result;

import java.util.Locale;

/**
 * A minimal JSON text builder (RFC 8259): objects, arrays, strings with escaping, numbers. Written
 * by hand because the design keeps Jackson inside {@code exchange-binance}, and a result needs only
 * output. Non-finite doubles, which JSON cannot represent, are written as {@code null}.
 *
 * <p>Mutable; confined to one thread.
 */
final class Json {
  private final StringBuilder out = new StringBuilder();
  private boolean needComma;

  Json beginObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  Json endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  Json beginArray() {
    comma();
    out.append('[');
    needComma = false;
    return this;
  }

  Json endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  Json name(String name) {
    comma();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  Json value(String s) {
    comma();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    needComma = true;
    return this;
  }

  Json value(double d) {
    comma();
    out.append(number(d));
    needComma = true;
    return this;
  }

  Json value(long v) {
    comma();
    out.append(v);
    needComma = true;
    return this;
  }

  Json value(boolean v) {
    comma();
    out.append(v);
    needComma = true;
    return this;
  }

  /** A number written verbatim (an exact decimal such as a price). */
  Json raw(String number) {
    comma();
    out.append(number);
    needComma = true;
    return this;
  }

  Json field(String name, String v) {
    return name(name).value(v);
  }

  Json field(String name, double v) {
    return name(name).value(v);
  }

  Json field(String name, long v) {
    return name(name).value(v);
  }

  static String number(double d) {
    if (!Double.isFinite(d)) {
      return "null";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    return Double.toString(d);
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
