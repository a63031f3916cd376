package dev.tyche.core.book;

import static dev.tyche.core.book.Fixtures.BTC;
import static dev.tyche.core.book.Fixtures.delta;
import static dev.tyche.core.book.Fixtures.flatten;
import static dev.tyche.core.book.Fixtures.lv;
import static dev.tyche.core.book.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.Quote;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {

  /** Bids 100.0 x1, 99.9 x2, 99.5 x3; asks 100.2 x4, 100.3 x5, 101.0 x6; id 50. */
  private static OrderBook sample() {
    OrderBook book = new OrderBook(BTC);
    book.applySnapshot(
        snapshot(
            50,
            List.of(lv("100.0", "1"), lv("99.9", "2"), lv("99.5", "3")),
            List.of(lv("100.2", "4"), lv("100.3", "5"), lv("101.0", "6"))));
    return book;
  }

  @Test
  void loadsASnapshotInUnitsOfTheInstrumentScales() {
    OrderBook book = sample();
    // BTC: tick "0.10" gives price scale 2, step "0.001" quantity scale 3.
    assertThat(book.bestBidPriceUnits()).isEqualTo(10000);
    assertThat(book.bestBidQuantityUnits()).isEqualTo(1000);
    assertThat(book.bestAskPriceUnits()).isEqualTo(10020);
    assertThat(book.bestAskQuantityUnits()).isEqualTo(4000);
    assertThat(book.lastUpdateId()).isEqualTo(50);
    assertThat(book.eventTime()).isEqualTo(1_000);
    assertThat(book.levelCount(Side.BUY)).isEqualTo(3);
    assertThat(book.levelCount(Side.SELL)).isEqualTo(3);
    assertThat(book.spreadUnits()).isEqualTo(20);
    assertThat(book.mid()).isEqualTo(100.1);
    assertThat(book.midPrice()).contains(Decimal.of(10010, 2));
    assertThat(book.spread()).contains(Decimal.of(20, 2));
    assertThat(book.instrument()).isEqualTo(BTC);
    assertThat(book.isEmpty()).isFalse();
    assertThat(book.snapshot())
        .isEqualTo(
            snapshot(
                50,
                List.of(lv("100.00", "1.000"), lv("99.90", "2.000"), lv("99.50", "3.000")),
                List.of(lv("100.20", "4.000"), lv("100.30", "5.000"), lv("101.00", "6.000"))));
  }

  @Test
  void deltasSetAbsoluteQuantitiesRemoveOnZeroAndIgnoreUnknownRemovals() {
    OrderBook book = sample();
    book.apply(
        delta(
            51,
            60,
            50,
            List.of(lv("99.9", "0"), lv("100.1", "7"), lv("98.0", "0"), lv("99.5", "3.5")),
            List.of(lv("100.2", "0"), lv("100.25", "0"), lv("100.4", "0.001"))));
    BookSnapshot s = book.snapshot();
    assertThat(flatten(s.bids())).containsExactly(10010L, 7000L, 10000L, 1000L, 9950L, 3500L);
    assertThat(flatten(s.asks())).containsExactly(10030L, 5000L, 10040L, 1L, 10100L, 6000L);
    assertThat(book.lastUpdateId()).isEqualTo(60);
    assertThat(book.eventTime()).isEqualTo(2_000);
  }

  @Test
  void anIncomingBidRemovesStaleAsksItCrossesAndViceVersa() {
    OrderBook book = sample();
    // A bid at 100.3 contradicts the asks at 100.2 and 100.3: the newer level wins.
    book.apply(delta(51, 52, 50, List.of(lv("100.3", "9")), List.of()));
    assertThat(book.bestBidPriceUnits()).isEqualTo(10030);
    assertThat(book.bestAskPriceUnits()).isEqualTo(10100);
    assertThat(book.levelCount(Side.SELL)).isEqualTo(1);
    // An ask at 99.9 removes the bids at 100.3, 100.0 and 99.9 (locked counts as crossed).
    book.apply(delta(53, 54, 52, List.of(), List.of(lv("99.9", "1"))));
    assertThat(book.bestBidPriceUnits()).isEqualTo(9950);
    assertThat(book.bestAskPriceUnits()).isEqualTo(9990);
    assertThat(book.levelCount(Side.BUY)).isEqualTo(1);
    // A removal never crosses anything away.
    book.apply(delta(55, 56, 54, List.of(lv("200.0", "0")), List.of(lv("1.0", "0"))));
    assertThat(book.levelCount(Side.SELL)).isEqualTo(2);
  }

  @Test
  void theCrossingRuleChangesNothingWhenTheSameDeltaRemovesTheCrossedLevels() {
    OrderBook book = sample();
    // Market moves up: new bids at 100.2/100.3, and the same delta removes those asks.
    book.apply(
        delta(
            51,
            52,
            50,
            List.of(lv("100.2", "1"), lv("100.3", "2")),
            List.of(lv("100.2", "0"), lv("100.3", "0"), lv("100.5", "8"))));
    assertThat(flatten(book.snapshot(2).bids())).containsExactly(10030L, 2000L, 10020L, 1000L);
    assertThat(flatten(book.snapshot().asks())).containsExactly(10050L, 8000L, 10100L, 6000L);
  }

  @Test
  void depthCopiesBestFirstIntoCallerArrays() {
    OrderBook book = sample();
    long[] prices = new long[5];
    long[] quantities = new long[5];
    assertThat(book.copyLevels(Side.BUY, prices, quantities, 2)).isEqualTo(2);
    assertThat(prices).startsWith(10000, 9990);
    assertThat(quantities).startsWith(1000, 2000);
    assertThat(book.copyLevels(Side.SELL, prices, quantities, 10)).isEqualTo(3);
    assertThat(prices).startsWith(10020, 10030, 10100);
    assertThat(book.copyLevels(Side.SELL, new long[1], new long[4], 10)).isEqualTo(1);
    assertThatThrownBy(() -> book.copyLevels(Side.SELL, prices, quantities, -1))
        .hasMessageContaining("maxLevels must be >= 0 but was -1");
    assertThat(book.snapshot(1).bids()).containsExactly(lv("100.00", "1.000"));
    assertThatThrownBy(() -> book.snapshot(-2)).hasMessageContaining("maxLevels");
  }

  @Test
  void quantityAtAndAtOrBetterSumTheRightLevels() {
    OrderBook book = sample();
    assertThat(book.quantityAtUnits(Side.BUY, 9990)).isEqualTo(2000);
    assertThat(book.quantityAtUnits(Side.BUY, 9991)).isZero();
    assertThat(book.quantityAtUnits(Side.SELL, 10030)).isEqualTo(5000);
    assertThat(book.quantityAtOrBetterUnits(Side.BUY, 9990)).isEqualTo(3000);
    assertThat(book.quantityAtOrBetterUnits(Side.BUY, 9989)).isEqualTo(3000);
    assertThat(book.quantityAtOrBetterUnits(Side.BUY, 1)).isEqualTo(6000);
    assertThat(book.quantityAtOrBetterUnits(Side.BUY, 10001)).isZero();
    assertThat(book.quantityAtOrBetterUnits(Side.SELL, 10030)).isEqualTo(9000);
    assertThat(book.quantityAtOrBetterUnits(Side.SELL, 10019)).isZero();
    assertThat(book.quantityAtOrBetter(Side.SELL, Price.parse("1000")))
        .isEqualTo(Quantity.parse("15.000"));
  }

  @Test
  void objectViewsOfTheTop() {
    OrderBook book = sample();
    assertThat(book.bestBid()).contains(lv("100.00", "1.000"));
    assertThat(book.bestAsk()).contains(lv("100.20", "4.000"));
    Quote q = book.quote().orElseThrow();
    assertThat(q.bidPrice()).isEqualTo(Price.parse("100.00"));
    assertThat(q.askQuantity()).isEqualTo(Quantity.parse("4.000"));
    assertThat(q.updateId()).isEqualTo(50);
    assertThat(book.toString()).contains("BTCUSDT").contains("@50");
    // An odd sum of units needs one more decimal for the exact mid.
    book.setLevel(Side.SELL, 10001, 1);
    assertThat(book.midPrice()).contains(Decimal.of(100005, 3));
  }

  @Test
  void emptySidesAnswerEmptyOrThrowClearly() {
    OrderBook book = new OrderBook(BTC, 1);
    assertThat(book.isEmpty()).isTrue();
    assertThat(book.bestBid()).isEmpty();
    assertThat(book.bestAsk()).isEmpty();
    assertThat(book.quote()).isEmpty();
    assertThat(book.midPrice()).isEmpty();
    assertThat(book.spread()).isEmpty();
    assertThat(book.toString()).contains("0 bids / 0 asks");
    assertThatThrownBy(book::bestBidPriceUnits)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no bids");
    assertThatThrownBy(book::bestAskQuantityUnits).hasMessageContaining("no asks");
    assertThatThrownBy(book::mid).isInstanceOf(IllegalStateException.class);
    book.setLevel(Side.BUY, 100, 1);
    assertThat(book.midPrice()).isEmpty();
    assertThat(book.quote()).isEmpty();
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    OrderBook book = new OrderBook(BTC, 1);
    for (int i = 1; i <= 500; i++) {
      book.setLevel(Side.BUY, i * 10L, i);
      book.setLevel(Side.SELL, 100_000L - i * 10L, i);
    }
    assertThat(book.levelCount(Side.BUY)).isEqualTo(500);
    assertThat(book.levelCount(Side.SELL)).isEqualTo(500);
    assertThat(book.bestBidPriceUnits()).isEqualTo(5000);
    assertThat(book.bestAskPriceUnits()).isEqualTo(95_000);
    book.clear();
    assertThat(book.isEmpty()).isTrue();
    assertThat(book.lastUpdateId()).isZero();
  }

  @Test
  void primitiveDeltasAreCheckedBeforeAnythingIsApplied() {
    OrderBook book = sample();
    long[] p = {10010, -5};
    long[] q = {1, 1};
    assertThatThrownBy(() -> book.applyDelta(99, 9, p, q, 2, new long[0], new long[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bid price units [1] must be > 0 but was -5");
    assertThat(book.bestBidPriceUnits()).isEqualTo(10000); // nothing applied
    assertThat(book.lastUpdateId()).isEqualTo(50);
    assertThatThrownBy(
            () -> book.applyDelta(99, 9, new long[0], new long[0], 0, p, new long[] {1, -2}, 2))
        .hasMessageContaining("ask price units [1]");
    assertThatThrownBy(() -> book.applyDelta(99, 9, new long[] {1}, new long[] {-2}, 1, p, q, 0))
        .hasMessageContaining("bid quantity units [0] must be >= 0 but was -2");
    assertThatThrownBy(() -> book.applyDelta(99, 9, p, q, 3, p, q, 0))
        .hasMessageContaining("bidCount must be in [0, 2] but was 3");
    assertThatThrownBy(() -> book.applyDelta(99, 9, p, q, 0, p, q, -1))
        .hasMessageContaining("askCount must be in [0, 2] but was -1");
    assertThatThrownBy(() -> book.setLevel(Side.SELL, 0, 1))
        .hasMessageContaining("ask price units [0] must be > 0 but was 0");
  }

  @Test
  void rejectsOtherSymbolsAndNumbersFinerThanTheInstrument() {
    OrderBook book = sample();
    Symbol eth = Symbol.of("ETHUSDT");
    assertThatThrownBy(() -> book.apply(new BookDelta(eth, 51, 52, 50, 1, List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta symbol must be BTCUSDT (this book's) but was ETHUSDT");
    assertThatThrownBy(() -> book.applySnapshot(new BookSnapshot(eth, 1, 1, List.of(), List.of())))
        .hasMessageContaining("snapshot symbol must be BTCUSDT");
    assertThatThrownBy(() -> book.apply(new BookDeltaBuffer(eth, 4).reset(51, 52, 50, 1)))
        .hasMessageContaining("delta symbol must be BTCUSDT");
    assertThatThrownBy(() -> book.apply(delta(51, 52, 50, List.of(lv("100.005", "1")), List.of())))
        .hasMessageContaining("price must have at most 2 decimals for BTCUSDT but was 100.005");
    assertThatThrownBy(
            () -> book.apply(delta(51, 52, 50, List.of(), List.of(lv("100.5", "0.0001")))))
        .hasMessageContaining("quantity must have at most 3 decimals");
    assertThat(book.lastUpdateId()).isEqualTo(50); // untouched by the rejected deltas
    assertThatThrownBy(() -> book.applySnapshot(snapshot(9, List.of(lv("1.001", "1")), List.of())))
        .hasMessageContaining("price must have at most 2 decimals");
    assertThat(book.isEmpty()).isTrue(); // a rejected snapshot leaves no half-loaded book
    assertThatThrownBy(() -> new OrderBook(BTC, 0)).hasMessageContaining("initialLevels");
    assertThatThrownBy(() -> new OrderBook(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void bufferDeltasApplyWithoutObjectsAndConvertToRecords() {
    OrderBook book = sample();
    BookDeltaBuffer buf = new BookDeltaBuffer(Fixtures.BTCUSDT, 1);
    buf.reset(51, 55, 50, 3_000).addBid(10010, 500).addBid(9990, 0).addAsk(10020, 0);
    buf.addAsk(10025, 250);
    assertThat(buf.bidCount()).isEqualTo(2);
    assertThat(buf.askCount()).isEqualTo(2);
    assertThat(buf.bidPrice(0)).isEqualTo(10010);
    assertThat(buf.bidQuantity(1)).isZero();
    assertThat(buf.askPrice(1)).isEqualTo(10025);
    assertThat(buf.askQuantity(1)).isEqualTo(250);
    assertThatThrownBy(() -> buf.bidPrice(2)).isInstanceOf(IndexOutOfBoundsException.class);
    BookDelta asRecord = buf.toBookDelta(2, 3);
    OrderBook viaRecord = sample();
    viaRecord.apply(asRecord);
    book.apply(buf);
    assertThat(book.snapshot()).isEqualTo(viaRecord.snapshot());
    assertThat(book.lastUpdateId()).isEqualTo(55);
    assertThat(book.eventTime()).isEqualTo(3_000);
    assertThat(flatten(book.snapshot(1).asks())).containsExactly(10025L, 250L);
  }

  @Test
  void bufferRejectsBadInput() {
    BookDeltaBuffer buf = new BookDeltaBuffer(Fixtures.BTCUSDT, 2);
    assertThatThrownBy(() -> buf.reset(5, 4, 1, 0))
        .hasMessageContaining("firstUpdateId must be <= finalUpdateId 4 but was 5");
    assertThatThrownBy(() -> buf.reset(5, 6, 5, 0))
        .hasMessageContaining("previousFinalUpdateId must be < firstUpdateId 5 but was 5");
    assertThatThrownBy(() -> buf.reset(5, 6, 4, -1)).hasMessageContaining("eventTime");
    assertThatThrownBy(() -> buf.addBid(0, 1)).hasMessageContaining("bid price units");
    assertThatThrownBy(() -> buf.addAsk(1, -1))
        .hasMessageContaining("ask quantity units must be >= 0 but was -1");
    assertThatThrownBy(() -> new BookDeltaBuffer(Fixtures.BTCUSDT, 0))
        .hasMessageContaining("initialLevels must be > 0 but was 0");
  }
}
