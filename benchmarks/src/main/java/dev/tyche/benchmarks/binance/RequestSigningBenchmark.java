package dev.tyche.benchmarks.binance;

import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.binance.rest.NewOrderRequest;
import dev.tyche.binance.rest.RequestSigner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of signing a Binance USDⓈ-M request: HMAC-SHA256 over the exact parameter text plus
 * lowercase hex ({@code sign}), and the whole per-order path of encoding a limit order's
 * parameters, appending {@code recvWindow} and {@code timestamp}, and signing ({@code
 * encodeAndSign}). The message is the USDⓈ-M documentation's test vector (reference section 2).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RequestSigningBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RequestSigningBenchmark {

  private RequestSigner signer;
  private NewOrderRequest order;
  private String totalParams;
  private long timestamp;

  @Setup
  public void setUp() {
    signer =
        new RequestSigner(
            Credentials.of(
                "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83",
                "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9"));
    order =
        NewOrderRequest.limit(
            "BTCUSDT", BinanceSide.BUY, "1", "9000", BinanceTimeInForce.GTC, "bench-1");
    totalParams =
        "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
            + "&recvWindow=5000&timestamp=1591702613943";
    timestamp = 1_591_702_613_943L;
  }

  /** HMAC-SHA256 and hex of the documented test-vector message. */
  @Benchmark
  public String sign() {
    return signer.sign(totalParams, "");
  }

  /** Encode a limit order, add recvWindow and timestamp, sign. */
  @Benchmark
  public String encodeAndSign() {
    String signed = order.toParams().encode() + "&recvWindow=5000&timestamp=" + (timestamp++);
    return signed + "&signature=" + signer.sign("", signed);
  }
}
