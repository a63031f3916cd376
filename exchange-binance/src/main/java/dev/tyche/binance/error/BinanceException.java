package dev.tyche.binance.error;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A failed exchange I/O call to Binance: the {@link ErrorKind}, Binance's numeric error code (or
 * {@link #NO_CODE}), the HTTP status (or 0 when no reply arrived) and, for rate limits and bans,
 * how long to wait. Messages never contain the API key, the secret or a request signature.
 *
 * <p>Business outcomes (an order rejected by a filter) reach the engine as events; this exception
 * is what the raw REST client throws, and the port layer turns it into an event.
 *
 * <p>Immutable and thread-safe.
 */
public final class BinanceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The code used when Binance sent no numeric error code. */
  public static final int NO_CODE = 0;

  private final ErrorKind kind;
  private final int code;
  private final int httpStatus;
  private final long retryAfterMillis;

  /**
   * A failure with all its attributes.
   *
   * @param kind the failure kind
   * @param code Binance's error code (negative), or {@link #NO_CODE}
   * @param httpStatus the HTTP status, or 0 if no reply arrived
   * @param retryAfterMillis how long to wait before trying again, in ms, or -1 if not known
   * @param message what failed, without secrets
   * @param cause the underlying exception, or null
   */
  public BinanceException(
      ErrorKind kind,
      int code,
      int httpStatus,
      long retryAfterMillis,
      String message,
      Throwable cause) {
    super(
        Objects.requireNonNull(kind, "kind must not be null")
            + (code != NO_CODE ? " (code " + code + ")" : "")
            + (httpStatus != 0 ? " [HTTP " + httpStatus + "]" : "")
            + ": "
            + message,
        cause);
    this.kind = kind;
    this.code = code;
    this.httpStatus = httpStatus;
    this.retryAfterMillis = retryAfterMillis;
  }

  /**
   * A failure without HTTP status, wait hint or cause.
   *
   * @param kind the failure kind
   * @param code Binance's error code, or {@link #NO_CODE}
   * @param message what failed, without secrets
   */
  public BinanceException(ErrorKind kind, int code, String message) {
    this(kind, code, 0, -1, message, null);
  }

  /**
   * The failure kind.
   *
   * @return the kind
   */
  public ErrorKind kind() {
    return kind;
  }

  /**
   * Binance's numeric error code.
   *
   * @return the code (negative), or {@link #NO_CODE} if Binance sent none
   */
  public int code() {
    return code;
  }

  /**
   * The HTTP status of the reply.
   *
   * @return the status, or 0 if no reply arrived
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Whether the same request may be sent again (see {@link ErrorKind#retryable()}).
   *
   * @return the kind's retryability
   */
  public boolean retryable() {
    return kind.retryable();
  }

  /**
   * How long Binance asked the client to wait ({@code Retry-After}), if it said.
   *
   * @return the wait in milliseconds, or empty
   */
  public OptionalLong retryAfterMillis() {
    return retryAfterMillis >= 0 ? OptionalLong.of(retryAfterMillis) : OptionalLong.empty();
  }
}
