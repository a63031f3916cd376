package dev.tyche.binance.ws;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.CodeMessage;
import dev.tyche.binance.error.BinanceErrorCodes;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import java.io.IOException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The user-data-stream key endpoints, which the REST client does not cover: {@code POST}, {@code
 * PUT} and {@code DELETE /fapi/v1/listenKey} (weight 1, security {@code USER_STREAM}: API key
 * header, no signature; reference section 8). A key is valid for 60 minutes; {@code PUT} extends
 * it, and fails with -1125 once it has expired, after which a new key must be created.
 *
 * <p>Errors are {@link BinanceException}s classified like the REST client's; the API key never
 * appears in messages.
 *
 * <p>Thread-safe (OkHttp's client is shared).
 */
public final class ListenKeyClient implements AutoCloseable {

  private static final String PATH = "/fapi/v1/listenKey";
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private final OkHttpClient http;
  private final String url;
  private final Credentials credentials;

  /**
   * A client.
   *
   * @param config the configuration; must carry credentials
   * @throws IllegalArgumentException without credentials
   */
  public ListenKeyClient(BinanceConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    this.credentials =
        config
            .credentials()
            .orElseThrow(
                () -> new IllegalArgumentException("config must carry credentials for listenKey"));
    this.url = config.restBaseUrl() + PATH;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
  }

  /**
   * {@code POST /fapi/v1/listenKey}: creates a key (or returns and extends the active one).
   *
   * @return the listen key
   */
  public String create() {
    String body = call("POST");
    return new JsonFields("listenKey reply").text(BinanceJson.tree(body), "listenKey");
  }

  /** {@code PUT /fapi/v1/listenKey}: extends the key by 60 minutes (-1125 once expired). */
  public void keepAlive() {
    call("PUT");
  }

  /** {@code DELETE /fapi/v1/listenKey}: closes the stream. */
  public void delete() {
    call("DELETE");
  }

  private String call(String method) {
    RequestBody empty = method.equals("DELETE") ? null : RequestBody.create(new byte[0], FORM);
    Request request =
        new Request.Builder()
            .url(url)
            .header("X-MBX-APIKEY", credentials.apiKey())
            .method(method, empty)
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody b = response.body();
      String text = b == null ? "" : b.string();
      int status = response.code();
      if (status >= 200 && status < 300) {
        return text;
      }
      int code = BinanceException.NO_CODE;
      String msg = text.length() > 200 ? text.substring(0, 200) : text;
      try {
        CodeMessage cm = BinanceJson.decode(text, CodeMessage.class);
        code = cm.code();
        msg = cm.msg();
      } catch (BinanceException notJson) {
        // keep the raw text
      }
      throw new BinanceException(
          BinanceErrorCodes.classify(status, code, msg),
          code,
          status,
          -1,
          method + " " + PATH + ": " + msg,
          null);
    } catch (IOException e) {
      throw new BinanceException(
          ErrorKind.NETWORK,
          BinanceException.NO_CODE,
          0,
          -1,
          method + " " + PATH + ": " + e.getClass().getSimpleName(),
          e);
    }
  }

  /** Releases OkHttp's threads and pooled connections. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
