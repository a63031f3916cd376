package dev.tyche.binance.error;

/**
 * What kind of failure a Binance request met, which decides how the raw client reacts. The handling
 * follows the Binance USDⓈ-M error-code list and the "LIMITS" / "HTTP Return Codes" sections of the
 * futures general-info page (summarised in the project's reference, sections 4 and 5).
 *
 * <p>Immutable and thread-safe.
 */
public enum ErrorKind {
  /** Bad or missing API key, signature or permission (-1022, -2014, -2015, HTTP 401). Fatal. */
  AUTH(false),
  /** A request-weight or order-count limit was hit (HTTP 429, -1003, -1015). Retry after a wait. */
  RATE_LIMITED(true),
  /** The IP is banned (HTTP 418); every request fails fast until the ban ends. */
  IP_BANNED(false),
  /** The request itself is wrong (-1100 to -1130 and similar): resending it cannot help. */
  INVALID_REQUEST(false),
  /** Binance refused the order or cancel for a business reason (-2010, -2019, -4xxx, -5xxx). */
  ORDER_REJECTED(false),
  /**
   * The request may or may not have been executed (timeout, 503 "Unknown error", -1006, -1007): an
   * order must be looked up by its client id, never resent blindly.
   */
  UNKNOWN_OUTCOME(false),
  /** Binance failed to process the request (5xx, -1000, -1001, -1008); retry later. */
  SERVER(true),
  /** The connection failed before a reply arrived (refused, reset, DNS). */
  NETWORK(true),
  /** The request's timestamp was outside recvWindow (-1021, -5028): resync the clock, re-sign. */
  CLOCK_SKEW(true),
  /** The reply could not be decoded: malformed JSON, a missing field or an out-of-range value. */
  MALFORMED_RESPONSE(false);

  private final boolean retryable;

  ErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  /**
   * Whether a request failing this way may be sent again unchanged (after a wait, or after
   * re-signing for {@link #CLOCK_SKEW}). Even then only idempotent requests are resent
   * automatically; a new order is resent only after it was looked up and found absent.
   *
   * @return true for rate limits, server errors, network errors and clock skew
   */
  public boolean retryable() {
    return retryable;
  }
}
