package dev.tyche.core.id;

import java.util.regex.Pattern;

/** Validation shared by the identifier records. */
final class Ids {
  static final Pattern SYMBOL = Pattern.compile("[A-Z0-9_]{1,32}");
  static final Pattern CLIENT_ORDER_ID = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");
  static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");
  static final Pattern VENUE_ID = Pattern.compile("[!-~]{1,64}");

  private Ids() {}

  static void requireToken(String value, String name, Pattern allowed) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (!allowed.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must match " + allowed.pattern() + " but was '" + value + "'");
    }
  }
}
