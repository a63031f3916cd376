package dev.tyche.binance.rest;

import dev.tyche.binance.config.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * Signs Binance requests: {@code signature = hex(HMAC-SHA256(secret, queryString + body))}, the two
 * joined with no separator, lowercase hex (Binance USDⓈ-M "SIGNED (TRADE and USER_DATA) Endpoint
 * security"; reference section 2 with its published test vectors). The signer never exposes the
 * secret and never logs.
 *
 * <p>Thread-safe: the {@link Mac} is used under the signer's lock.
 */
public final class RequestSigner {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Mac mac;

  /**
   * A signer for the given credentials.
   *
   * @param credentials the API key and secret
   */
  public RequestSigner(Credentials credentials) {
    this.mac = Objects.requireNonNull(credentials, "credentials must not be null").newHmacSha256();
  }

  /**
   * The signature of a request.
   *
   * @param queryString the encoded query string exactly as sent (without {@code ?}), or empty
   * @param body the encoded body exactly as sent, or empty
   * @return 64 lowercase hex characters
   */
  public String sign(String queryString, String body) {
    Objects.requireNonNull(queryString, "queryString must not be null");
    Objects.requireNonNull(body, "body must not be null");
    byte[] digest;
    synchronized (mac) {
      mac.update(queryString.getBytes(StandardCharsets.UTF_8));
      digest = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    }
    return hex(digest);
  }

  /**
   * Lowercase hex of bytes.
   *
   * @param bytes the bytes
   * @return two hex characters per byte
   */
  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return "RequestSigner[HmacSHA256, secret redacted]";
  }
}
