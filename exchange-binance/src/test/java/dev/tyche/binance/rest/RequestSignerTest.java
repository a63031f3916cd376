package dev.tyche.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.config.Credentials;
import org.junit.jupiter.api.Test;

/** The published HMAC-SHA256 test vectors of the reference, section 2. */
class RequestSignerTest {

  private static final String SPOT_KEY =
      "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SPOT_SECRET =
      "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  @Test
  void spotQueryStringVector() {
    RequestSigner s = new RequestSigner(Credentials.of(SPOT_KEY, SPOT_SECRET));
    assertThat(
            s.sign(
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                    + "&recvWindow=5000&timestamp=1499827319559",
                ""))
        .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
  }

  @Test
  void spotMixedQueryAndBodyVectorJoinsWithoutAmpersand() {
    RequestSigner s = new RequestSigner(Credentials.of(SPOT_KEY, SPOT_SECRET));
    assertThat(
            s.sign(
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"))
        .isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
  }

  @Test
  void usdmVectors() {
    RequestSigner s =
        new RequestSigner(Credentials.of(RestTestSupport.KEY, RestTestSupport.SECRET));
    String all =
        "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
            + "&recvWindow=5000&timestamp=1591702613943";
    assertThat(s.sign(all, ""))
        .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    // The same bytes in the body sign identically: only the concatenation matters.
    assertThat(s.sign("", all)).isEqualTo(s.sign(all, ""));
    assertThat(
            s.sign(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943"))
        .isEqualTo("30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4");
    assertThat(s.toString()).doesNotContain(RestTestSupport.SECRET);
  }

  @Test
  void paramsEncodeOnceWithPercentTwenty() {
    Params p =
        Params.of().add("a", "x y").add("batchOrders", "[{\"s\":\"1\"}]").addIfPresent("n", null);
    assertThat(p.encode()).isEqualTo("a=x%20y&batchOrders=%5B%7B%22s%22%3A%221%22%7D%5D");
    assertThat(p.toString()).isEqualTo("Params[a, batchOrders]");
    assertThat(Params.of().isEmpty()).isTrue();
  }
}
