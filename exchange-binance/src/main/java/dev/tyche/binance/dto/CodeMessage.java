package dev.tyche.binance.dto;

/**
 * Binance's {@code {"code":..., "msg":...}}: an error body, or the success reply of endpoints such
 * as {@code DELETE /fapi/v1/allOpenOrders} and {@code POST /fapi/v1/marginType} ({@code code} 200).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the code: negative for errors, 200 for success
 * @param msg the message
 */
public record CodeMessage(Integer code, String msg) {
  // Both fields are always present in Binance's replies.
  public CodeMessage {
    Dto.required(code, "code");
    msg = Dto.textOr(msg, "");
  }

  /**
   * Whether this is a success reply.
   *
   * @return true for code 200 or 0
   */
  public boolean isSuccess() {
    return code == 200 || code == 0;
  }
}
