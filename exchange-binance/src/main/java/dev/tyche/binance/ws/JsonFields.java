package dev.tyche.binance.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.regex.Pattern;

/**
 * Strict field readers over a parsed JSON tree for the stream decoders: every failure is a {@link
 * BinanceException} of kind {@code MALFORMED_RESPONSE} naming the message type and the field.
 */
final class JsonFields {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  private final String what;

  JsonFields(String what) {
    this.what = what;
  }

  BinanceException fail(String field, String detail) {
    return new BinanceException(
        ErrorKind.MALFORMED_RESPONSE,
        BinanceException.NO_CODE,
        what + ": field '" + field + "' " + detail);
  }

  JsonNode node(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw fail(field, "is missing or null");
    }
    return n;
  }

  JsonNode object(JsonNode parent, String field) {
    JsonNode n = node(parent, field);
    if (!n.isObject()) {
      throw fail(field, "must be an object but was " + n.getNodeType());
    }
    return n;
  }

  JsonNode array(JsonNode parent, String field) {
    JsonNode n = node(parent, field);
    if (!n.isArray()) {
      throw fail(field, "must be an array but was " + n.getNodeType());
    }
    return n;
  }

  String text(JsonNode parent, String field) {
    JsonNode n = node(parent, field);
    if (!n.isTextual()) {
      throw fail(field, "must be a string but was " + n.getNodeType());
    }
    return n.textValue();
  }

  String textOr(JsonNode parent, String field, String absent) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return absent;
    }
    if (!n.isTextual()) {
      throw fail(field, "must be a string but was " + n.getNodeType());
    }
    return n.textValue();
  }

  long whole(JsonNode parent, String field) {
    JsonNode n = node(parent, field);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw fail(field, "must be a whole number in range but was " + abbreviate(n.toString()));
    }
    return n.longValue();
  }

  long nonNegative(JsonNode parent, String field) {
    long v = whole(parent, field);
    if (v < 0) {
      throw fail(field, "must be >= 0 but was " + v);
    }
    return v;
  }

  long nonNegativeOr(JsonNode parent, String field, long absent) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? absent : nonNegative(parent, field);
  }

  boolean bool(JsonNode parent, String field) {
    JsonNode n = node(parent, field);
    if (!n.isBoolean()) {
      throw fail(field, "must be true or false but was " + abbreviate(n.toString()));
    }
    return n.booleanValue();
  }

  boolean boolOr(JsonNode parent, String field, boolean absent) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? absent : bool(parent, field);
  }

  String decimalText(JsonNode parent, String field) {
    String t = text(parent, field);
    if (!DECIMAL.matcher(t).matches()) {
      throw fail(field, "must be plain decimal text but was '" + abbreviate(t) + "'");
    }
    return t;
  }

  Price price(JsonNode parent, String field) {
    String t = decimalText(parent, field);
    try {
      return Price.parse(t);
    } catch (RuntimeException e) {
      throw fail(field, "must be a positive price but was '" + t + "'");
    }
  }

  Quantity quantity(JsonNode parent, String field) {
    String t = decimalText(parent, field);
    try {
      return Quantity.parse(t);
    } catch (RuntimeException e) {
      throw fail(field, "must be a non-negative quantity but was '" + t + "'");
    }
  }

  Decimal decimal(JsonNode parent, String field) {
    String t = decimalText(parent, field);
    try {
      return Decimal.parse(t);
    } catch (RuntimeException e) {
      throw fail(field, "must be a decimal in range but was '" + t + "'");
    }
  }

  Symbol symbol(JsonNode parent, String field) {
    String t = text(parent, field);
    try {
      return Symbol.of(t);
    } catch (RuntimeException e) {
      throw fail(field, "must be a symbol but was '" + abbreviate(t) + "'");
    }
  }

  Asset asset(JsonNode parent, String field) {
    String t = text(parent, field);
    try {
      return Asset.of(t);
    } catch (RuntimeException e) {
      throw fail(field, "must be an asset code but was '" + abbreviate(t) + "'");
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...(" + s.length() + " chars)";
  }
}
