package dev.tyche.core.book;

import static dev.tyche.core.book.Fixtures.BTCUSDT;
import static dev.tyche.core.book.Fixtures.delta;
import static dev.tyche.core.book.Fixtures.lv;
import static dev.tyche.core.book.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The market-data records validate on construction. */
class MarketRecordsTest {

  @Test
  void tradeTakesTheAggressorFromBinancesBuyerIsMakerFlag() {
    assertThat(Trade.aggressorFromBuyerIsMaker(true)).isEqualTo(Side.SELL);
    assertThat(Trade.aggressorFromBuyerIsMaker(false)).isEqualTo(Side.BUY);
    Trade t =
        new Trade(
            BTCUSDT,
            TradeId.of("5266583939"),
            Price.parse("61800.20"),
            Quantity.parse("0.015"),
            Trade.aggressorFromBuyerIsMaker(true),
            1723161256523L,
            1723161256523L);
    assertThat(t.aggressor()).isEqualTo(Side.SELL);
    assertThat(t.price().toPlainString()).isEqualTo("61800.20");
  }

  @Test
  void tradeRejectsZeroQuantityNegativeTimesAndNulls() {
    TradeId id = TradeId.of("1");
    Price p = Price.parse("100.0");
    Quantity q = Quantity.parse("1");
    assertThatThrownBy(() -> new Trade(BTCUSDT, id, p, Quantity.parse("0.000"), Side.BUY, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity must be > 0 but was 0.000");
    assertThatThrownBy(() -> new Trade(BTCUSDT, id, p, q, Side.BUY, -5, 1))
        .hasMessageContaining("tradeTime")
        .hasMessageContaining("-5");
    assertThatThrownBy(() -> new Trade(BTCUSDT, id, p, q, Side.BUY, 1, -7))
        .hasMessageContaining("eventTime")
        .hasMessageContaining("-7");
    assertThatThrownBy(() -> new Trade(BTCUSDT, id, p, q, null, 1, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("aggressor");
    assertThatThrownBy(() -> new Trade(BTCUSDT, id, p, Quantity.parse("-1"), Side.BUY, 1, 1))
        .hasMessageContaining("quantity must be >= 0");
  }

  @Test
  void quoteHasMidAndSpreadAndRejectsCrossedOrLocked() {
    Quote q =
        new Quote(
            BTCUSDT,
            Price.parse("61800.20"),
            Quantity.parse("2.507"),
            Price.parse("61800.30"),
            Quantity.parse("2.510"),
            5123107839020L,
            1723161256313L);
    assertThat(q.mid()).isEqualTo(61800.25);
    assertThat(q.spread()).isEqualTo(Decimal.parse("0.10"));
    assertThatThrownBy(
            () ->
                new Quote(
                    BTCUSDT,
                    Price.parse("100.1"),
                    Quantity.parse("1"),
                    Price.parse("100.0"),
                    Quantity.parse("1"),
                    1,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bidPrice must be < askPrice 100.0 but was 100.1");
    assertThatThrownBy(
            () ->
                new Quote(
                    BTCUSDT,
                    Price.parse("100.0"),
                    Quantity.parse("1"),
                    Price.parse("100.00"),
                    Quantity.parse("1"),
                    1,
                    1))
        .hasMessageContaining("crossed");
    assertThatThrownBy(
            () ->
                new Quote(
                    BTCUSDT,
                    Price.parse("100.0"),
                    Quantity.parse("0"),
                    Price.parse("100.1"),
                    Quantity.parse("1"),
                    1,
                    1))
        .hasMessageContaining("bidQuantity must be > 0");
    assertThatThrownBy(
            () ->
                new Quote(
                    BTCUSDT,
                    Price.parse("100.0"),
                    Quantity.parse("1"),
                    Price.parse("100.1"),
                    Quantity.parse("0"),
                    1,
                    1))
        .hasMessageContaining("askQuantity must be > 0");
    assertThatThrownBy(
            () ->
                new Quote(
                    BTCUSDT,
                    Price.parse("100.0"),
                    Quantity.parse("1"),
                    Price.parse("100.1"),
                    Quantity.parse("1"),
                    -1,
                    1))
        .hasMessageContaining("updateId must be >= 0 but was -1");
  }

  @Test
  void levelAllowsZeroButNotNegativeOrNull() {
    assertThat(lv("100.0", "0").quantity().isZero()).isTrue();
    assertThat(lv("100.0", "1.5")).hasToString("1.5@100.0");
    assertThatThrownBy(() -> lv("100.0", "-1")).hasMessageContaining("quantity must be >= 0");
    assertThatThrownBy(() -> lv("0", "1")).hasMessageContaining("price must be > 0");
    assertThatThrownBy(() -> lv("NaN", "1")).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new BookLevel(null, Quantity.parse("1")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("price");
  }

  @Test
  void snapshotAcceptsAValidBookAndCopiesTheLists() {
    List<BookLevel> bids = new ArrayList<>(List.of(lv("100.0", "1"), lv("99.9", "2")));
    BookSnapshot s = snapshot(7, bids, List.of(lv("100.1", "3"), lv("100.5", "4")));
    bids.clear();
    assertThat(s.bids()).hasSize(2);
    assertThat(s.bestBid()).contains(lv("100.0", "1"));
    assertThat(s.bestAsk()).contains(lv("100.1", "3"));
    assertThatThrownBy(() -> s.bids().add(lv("1.0", "1")))
        .isInstanceOf(UnsupportedOperationException.class);
    BookSnapshot empty = snapshot(0, List.of(), List.of());
    assertThat(empty.bestBid()).isEmpty();
    assertThat(empty.bestAsk()).isEmpty();
  }

  @Test
  void snapshotRejectsCrossedLockedUnsortedDuplicateAndEmptyLevels() {
    assertThatThrownBy(() -> snapshot(1, List.of(lv("100.2", "1")), List.of(lv("100.1", "1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("crossed");
    assertThatThrownBy(() -> snapshot(1, List.of(lv("100.1", "1")), List.of(lv("100.10", "1"))))
        .hasMessageContaining("best bid must be < best ask 100.10 but was 100.1");
    assertThatThrownBy(() -> snapshot(1, List.of(lv("99.0", "1"), lv("99.5", "1")), List.of()))
        .hasMessageContaining("bids must be sorted by price descending but bids[1] = 99.5");
    assertThatThrownBy(() -> snapshot(1, List.of(), List.of(lv("99.5", "1"), lv("99.0", "1"))))
        .hasMessageContaining("asks must be sorted by price ascending");
    assertThatThrownBy(() -> snapshot(1, List.of(lv("99.0", "1"), lv("99.00", "2")), List.of()))
        .hasMessageContaining("bids[1] price must be unique but 99.00 repeats");
    assertThatThrownBy(() -> snapshot(1, List.of(lv("99.0", "0")), List.of()))
        .hasMessageContaining("bids[0] quantity must be > 0 but was 0");
    assertThatThrownBy(() -> snapshot(-1, List.of(), List.of()))
        .hasMessageContaining("lastUpdateId must be >= 0 but was -1");
    assertThatThrownBy(() -> new BookSnapshot(BTCUSDT, 1, -3, List.of(), List.of()))
        .hasMessageContaining("eventTime must be >= 0 (epoch ms) but was -3");
    List<BookLevel> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> snapshot(1, withNull, List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void deltaValidatesItsUpdateIds() {
    BookDelta d = delta(10, 20, 9, List.of(lv("1.0", "0")), List.of());
    assertThat(d.bids()).hasSize(1);
    assertThat(delta(10, 10, 5, List.of(), List.of()).finalUpdateId()).isEqualTo(10);
    assertThatThrownBy(() -> delta(21, 20, 9, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstUpdateId must be <= finalUpdateId 20 but was 21");
    assertThatThrownBy(() -> delta(10, 20, 10, List.of(), List.of()))
        .hasMessageContaining("previousFinalUpdateId must be < firstUpdateId 10 but was 10");
    assertThatThrownBy(() -> new BookDelta(Symbol.of("ETHUSDT"), 1, 2, 0, -1, List.of(), List.of()))
        .hasMessageContaining("eventTime must be >= 0 (epoch ms) but was -1");
    assertThatThrownBy(() -> delta(1, 2, 0, null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("bids");
  }
}
