package dev.tyche.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void acceptsExchangeSpellings() {
    assertThat(Symbol.of("BTCUSDT").value()).isEqualTo("BTCUSDT");
    assertThat(ClientOrderId.of("tyche-1.a:b/c_d").toString()).isEqualTo("tyche-1.a:b/c_d");
    assertThat(VenueOrderId.of("8389765637843621").value()).isEqualTo("8389765637843621");
    assertThat(TradeId.of("5266583935")).isEqualTo(TradeId.of("5266583935"));
  }

  @Test
  void rejectsBadValuesNamingTheArgument() {
    assertThatThrownBy(() -> Symbol.of("btcusdt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbol")
        .hasMessageContaining("btcusdt");
    assertThatThrownBy(() -> Symbol.of("")).hasMessageContaining("symbol");
    assertThatThrownBy(() -> Symbol.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("symbol");
    assertThatThrownBy(() -> ClientOrderId.of("x".repeat(37)))
        .hasMessageContaining("clientOrderId");
    assertThatThrownBy(() -> ClientOrderId.of("has space")).hasMessageContaining("has space");
    assertThatThrownBy(() -> VenueOrderId.of("a b")).hasMessageContaining("venueOrderId");
    assertThatThrownBy(() -> TradeId.of("")).hasMessageContaining("tradeId");
  }

  @Test
  void ordersByValue() {
    assertThat(Symbol.of("ETHUSDT")).isGreaterThan(Symbol.of("BTCUSDT"));
  }
}
