package dev.tyche.binance.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies Binance USDⓈ-M error codes and HTTP statuses into {@link ErrorKind}s. Every code in
 * the "Error Codes" page of the USDⓈ-M futures API (as summarised in the project's reference,
 * section 5) has an explicit entry; a code not in the table falls back by its range ({@code -1xxx}
 * request problems, {@code -2xxx}/{@code -4xxx}/{@code -5xxx} order rejections).
 *
 * <p>Immutable and thread-safe.
 */
public final class BinanceErrorCodes {

  /** One documented code: how it is handled and what it means. */
  private record Entry(ErrorKind kind, String meaning) {}

  private static final Map<Integer, Entry> TABLE = buildTable();

  /** The reply body of a 503 whose request may have been executed (reference section 4). */
  private static final String UNKNOWN_EXECUTION_503 = "unknown error, please check your request";

  private BinanceErrorCodes() {}

  private static Map<Integer, Entry> buildTable() {
    Map<Integer, Entry> t = new LinkedHashMap<>();
    put(t, ErrorKind.SERVER, "unknown error", -1000);
    put(t, ErrorKind.SERVER, "internal error / disconnected", -1001);
    put(t, ErrorKind.RATE_LIMITED, "too many requests", -1003);
    put(t, ErrorKind.UNKNOWN_OUTCOME, "unexpected response, execution unknown", -1006);
    put(t, ErrorKind.UNKNOWN_OUTCOME, "backend timeout, execution unknown", -1007);
    put(t, ErrorKind.SERVER, "server overloaded", -1008);
    put(t, ErrorKind.RATE_LIMITED, "too many new orders", -1015);
    put(t, ErrorKind.CLOCK_SKEW, "timestamp outside recvWindow", -1021);
    put(t, ErrorKind.AUTH, "invalid signature", -1022);
    put(
        t,
        ErrorKind.INVALID_REQUEST,
        "bad, missing or unknown parameter",
        -1100,
        -1101,
        -1102,
        -1103,
        -1104,
        -1105,
        -1106);
    put(t, ErrorKind.INVALID_REQUEST, "precision too high", -1111);
    put(t, ErrorKind.INVALID_REQUEST, "invalid time in force / order type / side", -1115);
    put(t, ErrorKind.INVALID_REQUEST, "invalid order type", -1116);
    put(t, ErrorKind.INVALID_REQUEST, "invalid side", -1117);
    put(t, ErrorKind.INVALID_REQUEST, "invalid interval", -1120);
    put(t, ErrorKind.INVALID_REQUEST, "invalid symbol", -1121);
    put(t, ErrorKind.INVALID_REQUEST, "listenKey does not exist", -1125);
    put(t, ErrorKind.INVALID_REQUEST, "invalid parameter value", -1130);
    put(t, ErrorKind.ORDER_REJECTED, "new order rejected", -2010);
    put(t, ErrorKind.ORDER_REJECTED, "cancel rejected", -2011);
    put(t, ErrorKind.ORDER_REJECTED, "order does not exist", -2013);
    put(t, ErrorKind.AUTH, "bad API key / key, IP or permission invalid", -2014, -2015);
    put(t, ErrorKind.ORDER_REJECTED, "balance / margin insufficient", -2018, -2019);
    put(t, ErrorKind.ORDER_REJECTED, "unable to fill", -2020);
    put(t, ErrorKind.ORDER_REJECTED, "order would immediately trigger", -2021);
    put(t, ErrorKind.ORDER_REJECTED, "reduceOnly rejected", -2022);
    put(t, ErrorKind.ORDER_REJECTED, "user in liquidation", -2023);
    put(t, ErrorKind.ORDER_REJECTED, "position insufficient", -2024);
    put(t, ErrorKind.ORDER_REJECTED, "max open orders reached", -2025);
    put(t, ErrorKind.ORDER_REJECTED, "max position at leverage / leverage too small", -2027, -2028);
    put(t, ErrorKind.ORDER_REJECTED, "quantity <= 0", -4003);
    put(t, ErrorKind.ORDER_REJECTED, "quantity below min / above max", -4004, -4005);
    put(t, ErrorKind.ORDER_REJECTED, "price below min", -4013);
    put(t, ErrorKind.ORDER_REJECTED, "price not a multiple of tick size", -4014);
    put(t, ErrorKind.INVALID_REQUEST, "client order id invalid", -4015);
    put(t, ErrorKind.ORDER_REJECTED, "price outside PERCENT_PRICE band", -4016, -4024);
    put(t, ErrorKind.ORDER_REJECTED, "quantity not a multiple of step size", -4023);
    put(t, ErrorKind.INVALID_REQUEST, "invalid leverage", -4028);
    put(t, ErrorKind.INVALID_REQUEST, "no change needed (treated as success)", -4046, -4059);
    put(t, ErrorKind.INVALID_REQUEST, "positionSide does not match the position mode", -4061);
    put(t, ErrorKind.INVALID_REQUEST, "open orders or positions prevent the change", -4067, -4068);
    put(t, ErrorKind.ORDER_REJECTED, "duplicate clientOrderId", -4116);
    put(t, ErrorKind.INVALID_REQUEST, "order type needs the Algo Order endpoints", -4120);
    put(t, ErrorKind.ORDER_REJECTED, "best price outside PERCENT_PRICE band", -4131);
    put(t, ErrorKind.ORDER_REJECTED, "notional below MIN_NOTIONAL", -4164);
    put(t, ErrorKind.INVALID_REQUEST, "only recent data available", -4166);
    put(t, ErrorKind.ORDER_REJECTED, "FOK order not filled", -5021);
    put(t, ErrorKind.ORDER_REJECTED, "post-only order would take", -5022);
    put(t, ErrorKind.CLOCK_SKEW, "outside the matching engine's recvWindow", -5028);
    return Collections.unmodifiableMap(t);
  }

  private static void put(Map<Integer, Entry> t, ErrorKind kind, String meaning, int... codes) {
    for (int code : codes) {
      t.put(code, new Entry(kind, meaning));
    }
  }

  /**
   * The codes with an explicit entry, in the order of the reference's table.
   *
   * @return the documented codes
   */
  public static Iterable<Integer> documentedCodes() {
    return TABLE.keySet();
  }

  /**
   * What a documented code means.
   *
   * @param code Binance's error code
   * @return a short description, or empty if the code is not in the table
   */
  public static Optional<String> meaning(int code) {
    Entry e = TABLE.get(code);
    return e == null ? Optional.empty() : Optional.of(e.meaning());
  }

  /**
   * Classifies a Binance error code.
   *
   * @param code Binance's error code (negative)
   * @return its kind: the table entry, else by range
   */
  public static ErrorKind classify(int code) {
    Entry e = TABLE.get(code);
    if (e != null) {
      return e.kind();
    }
    if (code <= -2000 && code > -6000) {
      return ErrorKind.ORDER_REJECTED;
    }
    if (code <= -1000 && code > -2000) {
      return ErrorKind.INVALID_REQUEST;
    }
    return ErrorKind.SERVER;
  }

  /**
   * Classifies a failed HTTP reply from its status and, if the body carried one, its error code.
   * HTTP 418 and 429 win over the code; a 5xx whose message says the execution is unknown
   * (reference section 4) is {@link ErrorKind#UNKNOWN_OUTCOME}.
   *
   * @param httpStatus the HTTP status, 400 or more
   * @param code the body's error code, or {@link BinanceException#NO_CODE}
   * @param message the body's message, or an empty string
   * @return the kind
   */
  public static ErrorKind classify(int httpStatus, int code, String message) {
    if (httpStatus == 418) {
      return ErrorKind.IP_BANNED;
    }
    if (httpStatus == 429) {
      return ErrorKind.RATE_LIMITED;
    }
    if (code != BinanceException.NO_CODE) {
      return classify(code);
    }
    if (httpStatus == 401) {
      return ErrorKind.AUTH;
    }
    if (httpStatus == 408) {
      return ErrorKind.UNKNOWN_OUTCOME;
    }
    if (httpStatus >= 500) {
      String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
      return m.contains(UNKNOWN_EXECUTION_503) ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.SERVER;
    }
    return ErrorKind.INVALID_REQUEST;
  }

  /**
   * Whether the code says the requested setting was already in place (-4046 margin type, -4059
   * position mode), which callers treat as success.
   *
   * @param code Binance's error code
   * @return true for -4046 and -4059
   */
  public static boolean isNoChangeNeeded(int code) {
    return code == -4046 || code == -4059;
  }
}
