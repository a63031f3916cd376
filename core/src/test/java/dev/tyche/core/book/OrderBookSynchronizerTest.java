package dev.tyche.core.book;

import static dev.tyche.core.book.Fixtures.BTC;
import static dev.tyche.core.book.Fixtures.delta;
import static dev.tyche.core.book.Fixtures.lv;
import static dev.tyche.core.book.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.book.OrderBookSynchronizer.State;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookSynchronizerTest {

  private static final BookSnapshot SNAP =
      snapshot(100, List.of(lv("100.0", "1")), List.of(lv("100.5", "1")));

  /** A delta that sets the best bid at {@code bid} so the test can see which deltas applied. */
  private static BookDelta d(long first, long last, long previous, String bid) {
    return delta(first, last, previous, List.of(lv(bid, "1")), List.of());
  }

  @Test
  void buffersUntilTheSnapshotThenDropsOldDeltasAndBridges() {
    OrderBookSynchronizer sync = new OrderBookSynchronizer(BTC);
    assertThat(sync.state()).isEqualTo(State.SYNCING);
    assertThat(sync.needsSnapshot()).isTrue();
    assertThat(sync.onDelta(d(80, 90, 79, "90.0"))).isEqualTo(State.SYNCING);
    sync.onDelta(d(91, 99, 90, "99.0")); // u < 100: contained in the snapshot
    sync.onDelta(d(100, 105, 99, "100.1")); // U <= 100 <= u: bridges
    sync.onDelta(d(106, 110, 105, "100.2"));
    assertThat(sync.bufferedDeltas()).isEqualTo(4);
    assertThat(sync.isSynced()).isFalse();

    assertThat(sync.onSnapshot(SNAP)).isEqualTo(State.SYNCED);
    assertThat(sync.isSynced()).isTrue();
    assertThat(sync.needsSnapshot()).isFalse();
    assertThat(sync.bufferedDeltas()).isZero();
    assertThat(sync.droppedDeltas()).isEqualTo(2);
    assertThat(sync.appliedDeltas()).isEqualTo(2);
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(10020);
    assertThat(sync.book().lastUpdateId()).isEqualTo(110);

    assertThat(sync.onDelta(d(111, 120, 110, "100.3"))).isEqualTo(State.SYNCED);
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(10030);
    assertThat(sync.gapCount()).isZero();
    assertThat(sync.toString()).contains("SYNCED");
  }

  @Test
  void aSnapshotBeforeItsBridgingDeltaWaitsForIt() {
    OrderBookSynchronizer sync = new OrderBookSynchronizer(BTC);
    assertThat(sync.onSnapshot(SNAP)).isEqualTo(State.SYNCING);
    assertThat(sync.needsSnapshot()).isFalse();
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(10000);
    assertThat(sync.onDelta(d(90, 95, 89, "95.0"))).isEqualTo(State.SYNCING); // dropped
    assertThat(sync.droppedDeltas()).isEqualTo(1);
    assertThat(sync.onDelta(d(96, 100, 95, "100.1"))).isEqualTo(State.SYNCED); // u == L
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(10010);
  }

  @Test
  void aSnapshotOlderThanTheStreamIsAGap() {
    OrderBookSynchronizer stale = new OrderBookSynchronizer(BTC);
    stale.onDelta(d(102, 110, 101, "100.1"));
    stale.onDelta(d(111, 120, 110, "100.2"));
    assertThat(stale.onSnapshot(SNAP)).isEqualTo(State.GAP_DETECTED);
    assertThat(stale.needsSnapshot()).isTrue();
    assertThat(stale.book().isEmpty()).isTrue();
    assertThat(stale.bufferedDeltas()).isEqualTo(2); // kept for the next snapshot
    assertThat(stale.gapCount()).isEqualTo(1);
    // A newer snapshot inside the buffered range recovers.
    assertThat(stale.onSnapshot(snapshot(115, List.of(lv("100.1", "1")), List.of())))
        .isEqualTo(State.SYNCED);
    assertThat(stale.book().bestBidPriceUnits()).isEqualTo(10020);
    assertThat(stale.book().lastUpdateId()).isEqualTo(120);
  }

  @Test
  void aBrokenPreviousIdChainIsAGapThatClearsTheBook() {
    OrderBookSynchronizer sync = new OrderBookSynchronizer(BTC);
    sync.onSnapshot(SNAP);
    sync.onDelta(d(100, 105, 99, "100.1"));
    assertThat(sync.isSynced()).isTrue();
    // pu 106 != previous u 105: the updates in between were lost.
    assertThat(sync.onDelta(d(107, 110, 106, "100.2"))).isEqualTo(State.GAP_DETECTED);
    assertThat(sync.isSynced()).isFalse();
    assertThat(sync.needsSnapshot()).isTrue();
    assertThat(sync.book().isEmpty()).isTrue();
    assertThat(sync.gapCount()).isEqualTo(1);
    assertThat(sync.onDelta(d(111, 120, 110, "100.3"))).isEqualTo(State.GAP_DETECTED);
    assertThat(sync.bufferedDeltas()).isEqualTo(2);
    assertThat(sync.onSnapshot(snapshot(112, List.of(lv("50.0", "1")), List.of())))
        .isEqualTo(State.SYNCED);
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(10030);
  }

  @Test
  void primitiveDeltasFollowTheSameProcedure() {
    OrderBookSynchronizer sync = new OrderBookSynchronizer(new OrderBook(BTC, 4), 100);
    BookDeltaBuffer buf = new BookDeltaBuffer(Fixtures.BTCUSDT, 2);
    assertThat(sync.onDelta(buf.reset(100, 105, 99, 7).addBid(10010, 1000)))
        .isEqualTo(State.SYNCING); // buffered as a record copy
    buf.reset(106, 110, 105, 8).addAsk(10040, 2000);
    assertThat(sync.onDelta(buf)).isEqualTo(State.SYNCING);
    assertThat(sync.onSnapshot(SNAP)).isEqualTo(State.SYNCED);
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(10010);
    assertThat(sync.book().bestAskPriceUnits()).isEqualTo(10040);
    assertThat(sync.onDelta(buf.reset(111, 112, 110, 9).addBid(10020, 5))).isEqualTo(State.SYNCED);
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(10020);
    assertThat(sync.onDelta(buf.reset(114, 115, 113, 9))).isEqualTo(State.GAP_DETECTED);
    assertThatThrownBy(() -> sync.onDelta(new BookDeltaBuffer(Symbol.of("ETHUSDT"), 1)))
        .hasMessageContaining("delta symbol must be BTCUSDT");
  }

  @Test
  void theBufferKeepsOnlyTheNewestDeltas() {
    OrderBookSynchronizer sync = new OrderBookSynchronizer(new OrderBook(BTC), 2);
    sync.onDelta(d(10, 20, 9, "1.0"));
    sync.onDelta(d(21, 30, 20, "2.0"));
    sync.onDelta(d(31, 40, 30, "3.0"));
    assertThat(sync.bufferedDeltas()).isEqualTo(2);
    assertThat(sync.droppedDeltas()).isEqualTo(1);
    assertThat(sync.onSnapshot(snapshot(25, List.of(), List.of()))).isEqualTo(State.SYNCED);
    assertThat(sync.book().bestBidPriceUnits()).isEqualTo(300);
  }

  @Test
  void resetStartsOverAndBadInputIsRejected() {
    OrderBookSynchronizer sync = new OrderBookSynchronizer(BTC);
    sync.onSnapshot(SNAP);
    sync.onDelta(d(100, 105, 99, "100.1"));
    sync.reset();
    assertThat(sync.state()).isEqualTo(State.SYNCING);
    assertThat(sync.needsSnapshot()).isTrue();
    assertThat(sync.book().isEmpty()).isTrue();
    assertThatThrownBy(
            () ->
                sync.onDelta(new BookDelta(Symbol.of("ETHUSDT"), 1, 2, 0, 1, List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta symbol must be BTCUSDT (this book's) but was ETHUSDT");
    assertThatThrownBy(() -> sync.onDelta((BookDelta) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new OrderBookSynchronizer(new OrderBook(BTC), 0))
        .hasMessageContaining("maxBuffered must be > 0 but was 0");
  }
}
