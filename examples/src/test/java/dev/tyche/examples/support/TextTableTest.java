package dev.tyche.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void alignsColumnsAndRulesTheHeader() {
    TextTable t = new TextTable("name", "value").row("a", "1").row("longer", "12.5");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n"))
        .containsExactly("name    value", "-------------", "a           1", "longer   12.5");
    assertThat(t.size()).isEqualTo(2);
    assertThat(TextTable.pct(0.01234, 2)).isEqualTo("1.23 %");
    assertThat(TextTable.fixed(-1.5, 1)).isEqualTo("-1.5");
  }

  @Test
  void rejectsRowsOfTheWrongWidthAndEmptyHeaders() {
    assertThatThrownBy(() -> new TextTable("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 cells but has 1");
    assertThatThrownBy(TextTable::new).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bundledDataNamesAMissingFile() {
    assertThatThrownBy(() -> BundledData.open("nope.csv.gz"))
        .hasMessageContaining("/data/nope.csv.gz is missing");
    assertThat(BundledData.daily("ETHUSDT").size()).isEqualTo(1676);
    assertThat(BundledData.hourly("ETHUSDT").size()).isEqualTo(31782);
    assertThat(BundledData.funding("ETHUSDT")).hasSize(3910);
  }
}
