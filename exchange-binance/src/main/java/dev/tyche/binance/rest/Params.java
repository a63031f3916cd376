package dev.tyche.binance.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of request parameters, percent-encoded once into the exact text that is signed
 * and sent (reference section 2: sign the bytes you send, encode before signing). Values are
 * encoded as in {@code application/x-www-form-urlencoded} except that a space becomes {@code %20}.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Params {

  private final List<String[]> entries = new ArrayList<>();

  /**
   * An empty list.
   *
   * @return the list
   */
  public static Params of() {
    return new Params();
  }

  /**
   * Appends a parameter.
   *
   * @param name the name
   * @param value the value, unencoded
   * @return this list
   */
  public Params add(String name, String value) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(value, "value of " + name + " must not be null");
    entries.add(new String[] {name, value});
    return this;
  }

  /**
   * Appends a whole-number parameter.
   *
   * @param name the name
   * @param value the value
   * @return this list
   */
  public Params add(String name, long value) {
    return add(name, Long.toString(value));
  }

  /**
   * Appends a parameter when a value is given.
   *
   * @param name the name
   * @param value the value, or null to skip
   * @return this list
   */
  public Params addIfPresent(String name, Object value) {
    return value == null ? this : add(name, value.toString());
  }

  /**
   * Whether no parameter was added.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The encoded text {@code n1=v1&n2=v2...}.
   *
   * @return the text, empty if there are no parameters
   */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    for (String[] e : entries) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(encodeComponent(e[0])).append('=').append(encodeComponent(e[1]));
    }
    return sb.toString();
  }

  /**
   * Percent-encodes one name or value.
   *
   * @param s the text
   * @return the encoded text; unreserved characters {@code A-Za-z0-9-_.*} are kept
   */
  public static String encodeComponent(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    // Parameter names only: values may include ids a user does not want in logs.
    StringBuilder sb = new StringBuilder("Params[");
    for (int i = 0; i < entries.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(entries.get(i)[0]);
    }
    return sb.append(']').toString();
  }
}
