package dev.tyche.core.book;

import static dev.tyche.core.book.Fixtures.BTC;
import static dev.tyche.core.book.Fixtures.BTCUSDT;
import static dev.tyche.core.book.Fixtures.flatten;
import static dev.tyche.core.book.Fixtures.lvUnits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.book.OrderBookSynchronizer.State;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the book against a naive {@link TreeMap} replay. Scenarios are drawn from a seeded
 * generator so that jqwik controls (and reports) the seed and sizes.
 *
 * <p>Prices are whole ticks: tick {@code t} is {@code t * 10} price units (0.10 at scale 2).
 */
class OrderBookProperties {

  /** A plain-replay model: every level applied as given, no crossing rule. */
  static final class NaiveBook {
    final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
    final NavigableMap<Long, Long> asks = new TreeMap<>();

    void load(BookSnapshot s) {
      bids.clear();
      asks.clear();
      for (BookLevel l : s.bids()) {
        bids.put(units(l).get(0), units(l).get(1));
      }
      for (BookLevel l : s.asks()) {
        asks.put(units(l).get(0), units(l).get(1));
      }
    }

    void apply(BookDelta d, boolean crossingRule) {
      for (BookLevel l : d.bids()) {
        set(bids, asks, units(l).get(0), units(l).get(1), crossingRule, true);
      }
      for (BookLevel l : d.asks()) {
        set(asks, bids, units(l).get(0), units(l).get(1), crossingRule, false);
      }
    }

    private static void set(
        Map<Long, Long> side,
        NavigableMap<Long, Long> other,
        long price,
        long qty,
        boolean crossingRule,
        boolean bid) {
      if (qty == 0) {
        side.remove(price);
      } else {
        side.put(price, qty);
        if (crossingRule) {
          // bid: remove asks <= price; ask: remove bids >= price (the "other" map's head).
          other.headMap(price, true).clear();
        }
      }
    }

    boolean crossed() {
      return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    List<Long> flatBids() {
      return flat(bids);
    }

    List<Long> flatAsks() {
      return flat(asks);
    }

    BookSnapshot toSnapshot(long id) {
      List<BookLevel> b = new ArrayList<>();
      bids.forEach((p, q) -> b.add(lvUnits(p, q)));
      List<BookLevel> a = new ArrayList<>();
      asks.forEach((p, q) -> a.add(lvUnits(p, q)));
      return new BookSnapshot(BTCUSDT, id, 1, b, a);
    }

    private static List<Long> flat(Map<Long, Long> m) {
      List<Long> out = new ArrayList<>();
      m.forEach(
          (p, q) -> {
            out.add(p);
            out.add(q);
          });
      return out;
    }

    private static List<Long> units(BookLevel l) {
      return flatten(List.of(l));
    }
  }

  /**
   * A market: an uncrossed starting book and deltas that keep a plain replay uncrossed, the way a
   * consistent venue feed does. Each delta moves a boundary {@code m}: it removes the bids at or
   * above {@code m} and the asks below it (in shuffled order, mixed with random changes, removals
   * of absent levels and re-sends of unchanged levels), so a new level on one side may arrive
   * before the removal of the level it crosses.
   */
  static final class Market {
    final BookSnapshot initial;
    final List<BookDelta> deltas = new ArrayList<>();
    final List<NaiveBook> states = new ArrayList<>(); // states.get(i) = after i deltas (plain)
    final List<BookSnapshot> stateSnapshots = new ArrayList<>();

    Market(long seed, int nDeltas, int maxOps) {
      SplittableRandom rnd = new SplittableRandom(seed);
      long mid = 1000 + rnd.nextInt(200);
      NaiveBook book = new NaiveBook();
      for (int i = 0; i < 30; i++) {
        if (rnd.nextInt(3) > 0) {
          book.bids.put((mid - 1 - i) * 10, 1 + (long) rnd.nextInt(5000));
        }
        if (rnd.nextInt(3) > 0) {
          book.asks.put((mid + i) * 10, 1 + (long) rnd.nextInt(5000));
        }
      }
      long id = 1_000;
      initial = book.toSnapshot(id);
      record(book, id);
      for (int k = 0; k < nDeltas; k++) {
        long newMid = Math.max(100, mid + rnd.nextInt(11) - 5);
        Map<Long, Long> bidOps = new LinkedHashMap<>();
        Map<Long, Long> askOps = new LinkedHashMap<>();
        for (long p : book.bids.keySet()) {
          if (p >= newMid * 10) {
            bidOps.put(p, 0L);
          }
        }
        for (long p : book.asks.keySet()) {
          if (p < newMid * 10) {
            askOps.put(p, 0L);
          }
        }
        int ops = rnd.nextInt(maxOps + 1);
        for (int j = 0; j < ops; j++) {
          long qty = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(5000);
          if (rnd.nextBoolean()) {
            long p = (newMid - 1 - rnd.nextInt(40)) * 10;
            bidOps.put(p, rnd.nextInt(5) == 0 ? book.bids.getOrDefault(p, 0L) : qty);
          } else {
            long p = (newMid + rnd.nextInt(40)) * 10;
            askOps.put(p, rnd.nextInt(5) == 0 ? book.asks.getOrDefault(p, 0L) : qty);
          }
        }
        long first = id + 1 + rnd.nextInt(3);
        long last = first + rnd.nextInt(20);
        BookDelta d =
            new BookDelta(
                BTCUSDT, first, last, id, 2, shuffled(bidOps, rnd), shuffled(askOps, rnd));
        book.apply(d, false);
        assertThat(book.crossed()).as("generator must keep the plain replay uncrossed").isFalse();
        deltas.add(d);
        record(book, last);
        id = last;
        mid = newMid;
      }
    }

    private void record(NaiveBook book, long id) {
      NaiveBook copy = new NaiveBook();
      copy.bids.putAll(book.bids);
      copy.asks.putAll(book.asks);
      states.add(copy);
      stateSnapshots.add(copy.toSnapshot(id));
    }

    private static List<BookLevel> shuffled(Map<Long, Long> ops, SplittableRandom rnd) {
      List<BookLevel> levels = new ArrayList<>();
      ops.forEach((p, q) -> levels.add(lvUnits(p, q)));
      for (int i = levels.size() - 1; i > 0; i--) {
        Collections.swap(levels, i, rnd.nextInt(i + 1));
      }
      return levels;
    }
  }

  private static void assertSameBook(OrderBook book, NaiveBook expected) {
    BookSnapshot actual = book.snapshot();
    assertThat(flatten(actual.bids())).isEqualTo(expected.flatBids());
    assertThat(flatten(actual.asks())).isEqualTo(expected.flatAsks());
  }

  /** (a) snapshot + deltas, through the synchronizer, equals the later snapshot at every step. */
  @Property(tries = 300)
  void snapshotPlusDeltasEqualsTheLaterSnapshot(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int nDeltas,
      @ForAll @IntRange(min = 0, max = 30) int maxOps,
      @ForAll @IntRange(min = 0, max = 1000) int snapshotPick,
      @ForAll @IntRange(min = 0, max = 1000) int arrivalPick) {
    Market m = new Market(seed, nDeltas, maxOps);
    // The REST snapshot reflects the state after delta j; its id is either that delta's u
    // (so delta j itself bridges, U <= L == u) or an id inside delta j+1 that changed nothing
    // before it (so delta j is dropped and j+1 bridges).
    int j = snapshotPick % nDeltas;
    long snapshotId;
    if (j > 0 && snapshotPick % 2 == 0) {
      snapshotId = m.deltas.get(j - 1).finalUpdateId();
    } else {
      snapshotId = m.deltas.get(j).firstUpdateId();
    }
    BookSnapshot snap = m.stateSnapshots.get(j);
    snap = new BookSnapshot(BTCUSDT, snapshotId, snap.eventTime(), snap.bids(), snap.asks());
    int arrivedBefore = arrivalPick % (nDeltas + 1);

    OrderBookSynchronizer sync = new OrderBookSynchronizer(BTC);
    for (int i = 0; i < arrivedBefore; i++) {
      assertThat(sync.onDelta(m.deltas.get(i))).isEqualTo(State.SYNCING);
    }
    sync.onSnapshot(snap);
    for (int i = arrivedBefore; i < nDeltas; i++) {
      sync.onDelta(m.deltas.get(i));
      if (sync.isSynced()) {
        assertSameBook(sync.book(), m.states.get(i + 1));
      }
    }
    assertThat(sync.state()).isEqualTo(State.SYNCED);
    assertThat(sync.gapCount()).isZero();
    assertSameBook(sync.book(), m.states.get(nDeltas));
    BookSnapshot last = m.stateSnapshots.get(nDeltas);
    assertThat(sync.book().snapshot())
        .isEqualTo(new BookSnapshot(BTCUSDT, last.lastUpdateId(), 2, last.bids(), last.asks()));
  }

  /**
   * (b) After any sequence of deltas at all, even inconsistent ones, the book is uncrossed, sorted
   * and equal to a naive replay that applies the documented crossing rule.
   */
  @Property(tries = 300)
  void neverCrossedAfterAnySequence(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int nDeltas,
      @ForAll @IntRange(min = 1, max = 20) int opsPerDelta) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OrderBook book = new OrderBook(BTC, 4);
    NaiveBook model = new NaiveBook();
    long id = 0;
    for (int k = 0; k < nDeltas; k++) {
      List<BookLevel> b = new ArrayList<>();
      List<BookLevel> a = new ArrayList<>();
      for (int j = 0; j < opsPerDelta; j++) {
        long p = (1 + rnd.nextInt(60)) * 10L;
        long q = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(100);
        (rnd.nextBoolean() ? b : a).add(lvUnits(p, q));
      }
      BookDelta d = new BookDelta(BTCUSDT, id + 1, id + 1, id, 1, b, a);
      id++;
      book.apply(d);
      model.apply(d, true);
      if (book.hasBid() && book.hasAsk()) {
        assertThat(book.bestBidPriceUnits()).isLessThan(book.bestAskPriceUnits());
        assertThat(book.spreadUnits()).isPositive();
      }
      // snapshot() re-validates: sorted, unique, positive quantities, not crossed.
      BookSnapshot s = book.snapshot();
      assertThat(flatten(s.bids())).isEqualTo(model.flatBids());
      assertThat(flatten(s.asks())).isEqualTo(model.flatAsks());
    }
  }

  /** (c) Depth copies are best first and strictly sorted, and cumulative volume matches a sum. */
  @Property(tries = 200)
  void depthLevelsAreSortedAndVolumesAdd(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int nDeltas,
      @ForAll @IntRange(min = 0, max = 50) int depth) {
    Market m = new Market(seed, nDeltas, 25);
    OrderBook book = new OrderBook(BTC);
    book.applySnapshot(m.initial);
    for (BookDelta d : m.deltas) {
      book.apply(d);
    }
    NaiveBook expected = m.states.get(nDeltas);
    long[] prices = new long[depth];
    long[] qtys = new long[depth];
    for (Side side : Side.values()) {
      int n = book.copyLevels(side, prices, qtys, depth);
      Map<Long, Long> sideMap = side == Side.BUY ? expected.bids : expected.asks;
      assertThat(n).isEqualTo(Math.min(depth, sideMap.size()));
      for (int i = 0; i < n; i++) {
        assertThat(qtys[i]).isPositive();
        if (i > 0) {
          if (side == Side.BUY) {
            assertThat(prices[i]).isLessThan(prices[i - 1]);
          } else {
            assertThat(prices[i]).isGreaterThan(prices[i - 1]);
          }
        }
      }
      // Volume at or better than each probe price equals a naive sum.
      for (long probe = 9000; probe <= 13000; probe += 70) {
        long p = probe;
        long naive =
            sideMap.entrySet().stream()
                .filter(e -> side == Side.BUY ? e.getKey() >= p : e.getKey() <= p)
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(book.quantityAtOrBetterUnits(side, p)).isEqualTo(naive);
        assertThat(book.quantityAtUnits(side, p)).isEqualTo(sideMap.getOrDefault(p, 0L));
      }
    }
  }

  /** (d) A delta whose pu is not the previous u flags the book as untrustworthy. */
  @Property(tries = 200)
  void outOfSequencePreviousIdIsAGap(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 30) int nDeltas,
      @ForAll @IntRange(min = 0, max = 1000) int breakPick,
      @ForAll @IntRange(min = 1, max = 5) int skew) {
    Market m = new Market(seed, nDeltas, 10);
    OrderBookSynchronizer sync = new OrderBookSynchronizer(BTC);
    // The snapshot id falls inside the first delta, which therefore bridges it.
    sync.onSnapshot(
        new BookSnapshot(
            BTCUSDT, m.deltas.get(0).firstUpdateId(), 1, m.initial.bids(), m.initial.asks()));
    int broken = 1 + breakPick % (nDeltas - 1);
    for (int i = 0; i < nDeltas; i++) {
      BookDelta d = m.deltas.get(i);
      if (i == broken) {
        // Claim a different predecessor: as if a delta had been lost (or an id duplicated).
        long pu = d.previousFinalUpdateId() + (skew % 2 == 0 ? skew : -skew);
        pu = Math.min(pu, d.firstUpdateId() - 1);
        if (pu == d.previousFinalUpdateId()) {
          pu--;
        }
        d = new BookDelta(BTCUSDT, d.firstUpdateId(), d.finalUpdateId(), pu, 2, d.bids(), d.asks());
        assertThat(sync.onDelta(d)).isEqualTo(State.GAP_DETECTED);
        assertThat(sync.isSynced()).isFalse();
        assertThat(sync.needsSnapshot()).isTrue();
        assertThat(sync.book().isEmpty()).isTrue();
      } else {
        State expected = i < broken ? State.SYNCED : State.GAP_DETECTED;
        assertThat(sync.onDelta(d)).isEqualTo(expected);
      }
    }
    assertThat(sync.gapCount()).isEqualTo(1);
    assertThat(sync.bufferedDeltas()).isEqualTo(nDeltas - broken);
    // A fresh snapshot from inside the buffered range resynchronises to the true final state.
    BookSnapshot later = m.stateSnapshots.get(broken + 1);
    assertThat(sync.onSnapshot(later)).isEqualTo(State.SYNCED);
    assertSameBook(sync.book(), m.states.get(nDeltas));
  }
}
