package dev.tyche.binance.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Binance API key and its HMAC secret. The secret never leaves this object as text: callers get a
 * keyed {@link Mac} from {@link #newHmacSha256()}. {@link #toString()} and every exception message
 * thrown here show neither the key nor the secret, only their lengths, so that a credentials object
 * that ends up in a log line or a stack trace leaks nothing.
 *
 * <p>The API key itself is sent in the {@code X-MBX-APIKEY} header, so {@link #apiKey()} returns
 * it; callers must not log it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Credentials {

  /** The environment variable holding the API key. */
  public static final String ENV_API_KEY = "BINANCE_API_KEY";

  /** The environment variable holding the API secret. */
  public static final String ENV_API_SECRET = "BINANCE_API_SECRET";

  private static final int MAX_LENGTH = 256;

  private final String apiKey;
  private final SecretKeySpec secret;
  private final int secretLength;

  private Credentials(String apiKey, String secret) {
    this.apiKey = checked(apiKey, "apiKey");
    String s = checked(secret, "secret");
    this.secret = new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.secretLength = s.length();
  }

  /**
   * Credentials from an API key and secret.
   *
   * @param apiKey the API key: 1 to 256 printable ASCII characters without spaces
   * @param secret the secret: 1 to 256 printable ASCII characters without spaces
   * @return the credentials
   * @throws IllegalArgumentException (without the values in its message) if either is malformed
   */
  public static Credentials of(String apiKey, String secret) {
    return new Credentials(apiKey, secret);
  }

  /**
   * Credentials from environment variables {@value #ENV_API_KEY} and {@value #ENV_API_SECRET}. Pass
   * {@code System.getenv()} in an application, or any map in a test.
   *
   * @param environment the variables
   * @return the credentials
   * @throws IllegalArgumentException naming the missing or malformed variable (never its value)
   */
  public static Credentials fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment must not be null");
    String key = environment.get(ENV_API_KEY);
    String secret = environment.get(ENV_API_SECRET);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("environment variable " + ENV_API_KEY + " is not set");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("environment variable " + ENV_API_SECRET + " is not set");
    }
    return new Credentials(key.strip(), secret.strip());
  }

  private static String checked(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          name
              + " must have 1 to "
              + MAX_LENGTH
              + " characters but had "
              + value.length()
              + " (value redacted)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException(
            name
                + " must be printable ASCII without spaces but has a forbidden character at index "
                + i
                + " (value redacted)");
      }
    }
    return value;
  }

  /**
   * The API key, for the {@code X-MBX-APIKEY} header. Never log it.
   *
   * @return the API key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * A fresh HMAC-SHA256 keyed with the secret. A {@link Mac} is not thread-safe, so each thread (or
   * each signer) takes its own.
   *
   * @return a keyed Mac
   * @throws IllegalStateException if the JDK lacks HmacSHA256 (every Java SE runtime has it)
   */
  public Mac newHmacSha256() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getClass().getName(), e);
    }
  }

  /**
   * A redacted description showing only the lengths.
   *
   * @return e.g. {@code Credentials[apiKey=<redacted, 64 chars>, secret=<redacted, 64 chars>]}
   */
  @Override
  public String toString() {
    return "Credentials[apiKey=<redacted, "
        + apiKey.length()
        + " chars>, secret=<redacted, "
        + secretLength
        + " chars>]";
  }
}
