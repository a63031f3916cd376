package dev.tyche.binance.rest;

import java.util.regex.Pattern;

/** Binance's client order id rule (reference section 3.2). */
final class ClientIds {

  private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");

  private ClientIds() {}

  static String check(String id, String field) {
    if (id == null) {
      throw new NullPointerException(field + " must not be null");
    }
    if (!CLIENT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          field + " must match ^[.A-Z:/a-z0-9_-]{1,36}$ but was '" + id + "'");
    }
    if (id.startsWith("autoclose-")
        || id.startsWith("adl_autoclose")
        || id.startsWith("settlement_autoclose-")) {
      throw new IllegalArgumentException(
          field + " must not use a Binance system prefix but was '" + id + "'");
    }
    return id;
  }

  static String decimal(String value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    if (!value.matches("[0-9]{1,20}(\\.[0-9]{1,18})?") || value.matches("0+(\\.0+)?")) {
      throw new IllegalArgumentException(
          field + " must be positive plain decimal text but was '" + value + "'");
    }
    return value;
  }
}
