package dev.tyche.core.id;

/**
 * Validation shared by the identifier records. Each allowed set is checked by hand, character by
 * character, rather than with a regular expression: ids are made on every order and fill, and a
 * {@code Matcher} per id showed up in backtest profiles. The messages still name the equivalent
 * pattern.
 */
enum Ids {
  /** {@code [A-Z0-9_]{1,32}}. */
  SYMBOL("[A-Z0-9_]{1,32}", 32),
  /** {@code [.A-Z:/a-z0-9_-]{1,36}}, Binance's client order id set. */
  CLIENT_ORDER_ID("[.A-Z:/a-z0-9_-]{1,36}", 36),
  /** {@code [A-Z0-9]{1,20}}. */
  ASSET("[A-Z0-9]{1,20}", 20),
  /** {@code [!-~]{1,64}}: printable ASCII without space. */
  VENUE_ID("[!-~]{1,64}", 64);

  private final String pattern;
  private final int maxLength;

  Ids(String pattern, int maxLength) {
    this.pattern = pattern;
    this.maxLength = maxLength;
  }

  /**
   * The allowed set as a regular expression, for messages and tests.
   *
   * @return the pattern text
   */
  String pattern() {
    return pattern;
  }

  private boolean allowed(char c) {
    switch (this) {
      case SYMBOL:
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      case CLIENT_ORDER_ID:
        return (c >= 'A' && c <= 'Z')
            || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9')
            || c == '.'
            || c == ':'
            || c == '/'
            || c == '_'
            || c == '-';
      case ASSET:
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      default:
        return c >= '!' && c <= '~';
    }
  }

  boolean matches(String value) {
    int n = value.length();
    if (n < 1 || n > maxLength) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!allowed(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static void requireToken(String value, String name, Ids allowed) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (!allowed.matches(value)) {
      throw new IllegalArgumentException(
          name + " must match " + allowed.pattern + " but was '" + value + "'");
    }
  }
}
