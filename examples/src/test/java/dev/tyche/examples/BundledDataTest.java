package dev.tyche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled data is a byte-for-byte copy of the shared data folder's files. */
class BundledDataTest {
  private static final List<String> BUNDLED =
      List.of(
          "binance-futures-um-BTCUSDT-1h.csv.gz",
          "binance-futures-um-ETHUSDT-1h.csv.gz",
          "binance-futures-um-BTCUSDT-1d.csv.gz",
          "binance-futures-um-ETHUSDT-1d.csv.gz",
          "binance-futures-um-BTCUSDT-fundingRate.csv.gz",
          "binance-futures-um-ETHUSDT-fundingRate.csv.gz");

  @Test
  void bundledFilesEqualTheSharedOnes() throws IOException {
    Path shared = Path.of(System.getProperty("tyche.data.dir", "../shared/data"));
    for (String name : BUNDLED) {
      byte[] bundled;
      try (InputStream in = BundledDataTest.class.getResourceAsStream("/data/" + name)) {
        assertThat(in).as(name).isNotNull();
        bundled = in.readAllBytes();
      }
      assertThat(bundled).as(name).isEqualTo(Files.readAllBytes(shared.resolve(name)));
    }
  }
}
