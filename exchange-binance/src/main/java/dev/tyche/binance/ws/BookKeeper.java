package dev.tyche.binance.ws;

import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.mapping.MarketMapping;
import dev.tyche.binance.rest.Backoff;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.book.OrderBookSynchronizer;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.port.DataStatus;
import dev.tyche.core.port.MarketDataListener;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local order book of one symbol, kept in step with Binance's diff-depth stream by the
 * documented procedure (reference section 7) through core's {@link OrderBookSynchronizer}: diffs
 * are buffered, a REST snapshot is fetched, the diff with {@code U <= lastUpdateId <= u} bridges
 * it, and every later diff must continue the {@code pu} chain. Any break (a lost, malformed or
 * out-of-order diff, a dropped connection) discards the book and fetches a new snapshot.
 *
 * <p><b>What consumers see</b> (through the {@link MarketDataListener}): {@link DataStatus#SYNCING}
 * until the first sync; on every (re)sync a {@link BookSnapshot} of the synced book followed by
 * {@link DataStatus#LIVE}; while live, each applied diff as an immutable {@code BookDelta} (if
 * enabled); on a gap or a drop {@link DataStatus#STALE} with the reason, and nothing more until the
 * next snapshot. So a consumer that applies the snapshot and then the deltas holds the same book.
 *
 * <p><b>Duplicates.</b> A diff whose final id {@code u} is not above the last one passed on is a
 * duplicate (a replayed message, or the overlap of a connection rotation) and is dropped.
 *
 * <p><b>Allocation.</b> Diff text is parsed by {@link DepthDiffDecoder} into a reused {@link
 * BookDeltaBuffer}; while synced, applying it allocates nothing. Publishing deltas to the listener
 * allocates one {@code BookDelta} per diff; turn it off when the book is read in place.
 *
 * <p>Thread-safe: every method is synchronized; snapshots are fetched on the given scheduler.
 */
public final class BookKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(BookKeeper.class);

  /** Where REST snapshots come from. */
  @FunctionalInterface
  public interface SnapshotSource {
    /**
     * Fetches a depth snapshot.
     *
     * @param symbol the symbol
     * @return the snapshot
     */
    DepthSnapshot fetch(Symbol symbol);

    /**
     * Snapshots from {@code GET /fapi/v1/depth?limit=1000} (weight 20).
     *
     * @param rest the REST client
     * @return the source
     */
    static SnapshotSource rest(BinanceRestClient rest) {
      Objects.requireNonNull(rest, "rest must not be null");
      return symbol -> rest.depth(symbol.value(), 1000);
    }
  }

  private final Instrument instrument;
  private final Symbol symbol;
  private final SnapshotSource source;
  private final MarketDataListener listener;
  private final ScheduledExecutorService scheduler;
  private final boolean publishDeltas;
  private final Backoff retry;
  private final OrderBookSynchronizer sync;
  private final DepthDiffDecoder decoder;
  private final BookDeltaBuffer buffer;
  private DataStatus status = DataStatus.SYNCING;
  private boolean fetching;
  private int fetchFailures;
  private long lastSeenU = Long.MIN_VALUE;
  private long duplicates;
  private long malformed;
  private long resyncs;
  private long snapshots;

  /**
   * A book keeper.
   *
   * @param instrument the instrument (symbol and scales)
   * @param source where snapshots come from
   * @param listener receives snapshots, deltas and status changes
   * @param scheduler runs snapshot fetches (off the socket thread)
   * @param publishDeltas whether applied diffs are published as {@code BookDelta} events
   * @param seed the seed of the jitter between failed snapshot fetches
   */
  public BookKeeper(
      Instrument instrument,
      SnapshotSource source,
      MarketDataListener listener,
      ScheduledExecutorService scheduler,
      boolean publishDeltas,
      long seed) {
    this.instrument = Objects.requireNonNull(instrument, "instrument must not be null");
    this.symbol = instrument.symbol();
    this.source = Objects.requireNonNull(source, "source must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    this.publishDeltas = publishDeltas;
    this.retry = new Backoff(100, 10_000, seed);
    this.sync = new OrderBookSynchronizer(new OrderBook(instrument), 20_000);
    this.decoder = new DepthDiffDecoder(instrument);
    this.buffer = new BookDeltaBuffer(symbol, 256);
    listener.onStatus(symbol, DataStatus.SYNCING, "waiting for the first snapshot");
  }

  /**
   * The symbol.
   *
   * @return the symbol
   */
  public Symbol symbol() {
    return symbol;
  }

  /**
   * Takes one diff-depth message (raw or enveloped).
   *
   * @param text the message text
   * @throws BinanceException if the message is malformed; the book is then unchanged (the lost
   *     update shows up as a gap at the next diff)
   */
  public synchronized void onDepthText(CharSequence text) {
    try {
      decoder.decode(text, buffer);
    } catch (BinanceException e) {
      malformed++;
      throw e;
    }
    onDelta(buffer);
  }

  /**
   * Takes one decoded diff.
   *
   * @param delta the diff, in this instrument's units
   */
  public synchronized void onDelta(BookDeltaBuffer delta) {
    if (delta.finalUpdateId() <= lastSeenU) {
      duplicates++;
      return;
    }
    lastSeenU = delta.finalUpdateId();
    OrderBookSynchronizer.State before = sync.state();
    OrderBookSynchronizer.State after = sync.onDelta(delta);
    if (after == OrderBookSynchronizer.State.SYNCED) {
      if (before == OrderBookSynchronizer.State.SYNCED) {
        if (publishDeltas) {
          listener.onMarketEvent(
              delta.toBookDelta(instrument.priceScale(), instrument.quantityScale()));
        }
      } else {
        becameSynced();
      }
    } else if (after == OrderBookSynchronizer.State.GAP_DETECTED
        && before != OrderBookSynchronizer.State.GAP_DETECTED) {
      gap(
          "update-id gap: pu "
              + delta.previousFinalUpdateId()
              + " does not continue u "
              + sync.book().lastUpdateId());
    }
    requestSnapshotIfNeeded();
  }

  /**
   * Applies a snapshot (normally called by the fetch this keeper schedules itself).
   *
   * @param snapshot the REST snapshot
   */
  public synchronized void onSnapshot(DepthSnapshot snapshot) {
    BookSnapshot s = MarketMapping.toBookSnapshot(snapshot, symbol);
    snapshots++;
    OrderBookSynchronizer.State after = sync.onSnapshot(s);
    if (after == OrderBookSynchronizer.State.SYNCED) {
      becameSynced();
    } else if (after == OrderBookSynchronizer.State.GAP_DETECTED) {
      gap("snapshot " + s.lastUpdateId() + " is older than the first buffered diff");
    }
    requestSnapshotIfNeeded();
  }

  /**
   * The connection carrying the diffs was lost: the book cannot be trusted until resynced.
   *
   * @param reason why, for the status message
   */
  public synchronized void onDisconnected(String reason) {
    sync.reset();
    if (status != DataStatus.STALE) {
      status = DataStatus.STALE;
      listener.onStatus(symbol, DataStatus.STALE, "connection lost: " + reason);
    }
  }

  private void becameSynced() {
    resyncs++;
    listener.onMarketEvent(sync.book().snapshot());
    status = DataStatus.LIVE;
    listener.onStatus(symbol, DataStatus.LIVE, "synced at update id " + sync.book().lastUpdateId());
  }

  private void gap(String reason) {
    LOG.info("{}: {}; resynchronising", symbol, reason);
    if (status != DataStatus.STALE) {
      status = DataStatus.STALE;
      listener.onStatus(symbol, DataStatus.STALE, reason);
    }
  }

  private void requestSnapshotIfNeeded() {
    if (!sync.needsSnapshot() || fetching) {
      return;
    }
    fetching = true;
    long delay = fetchFailures == 0 ? 0 : retry.delayMillis(Math.min(fetchFailures - 1, 20));
    scheduler.schedule(this::fetch, delay, TimeUnit.MILLISECONDS);
  }

  private void fetch() {
    DepthSnapshot snap;
    try {
      snap = source.fetch(symbol);
    } catch (RuntimeException e) {
      synchronized (this) {
        fetching = false;
        fetchFailures++;
        LOG.warn("{}: depth snapshot failed ({}); retrying", symbol, e.toString());
        requestSnapshotIfNeeded();
      }
      return;
    }
    synchronized (this) {
      fetching = false;
      fetchFailures = 0;
      try {
        onSnapshot(snap);
      } catch (RuntimeException e) {
        fetchFailures++;
        LOG.warn("{}: depth snapshot rejected ({}); retrying", symbol, e.toString());
        requestSnapshotIfNeeded();
      }
    }
  }

  /**
   * The current data status.
   *
   * @return LIVE, SYNCING or STALE
   */
  public synchronized DataStatus status() {
    return status;
  }

  /**
   * Reads the book consistently (under this keeper's lock).
   *
   * @param reader what to compute from the book; do not keep or modify the book
   * @param <T> the result type
   * @return the result
   */
  public synchronized <T> T read(Function<OrderBook, T> reader) {
    return reader.apply(sync.book());
  }

  /**
   * Whether the book is synced.
   *
   * @return true while live
   */
  public synchronized boolean isSynced() {
    return sync.isSynced();
  }

  /**
   * Duplicates dropped.
   *
   * @return the count
   */
  public synchronized long duplicates() {
    return duplicates;
  }

  /**
   * Malformed diffs seen.
   *
   * @return the count
   */
  public synchronized long malformed() {
    return malformed;
  }

  /**
   * Times the book became synced (the first sync included).
   *
   * @return the count
   */
  public synchronized long syncs() {
    return resyncs;
  }

  /**
   * Snapshots applied.
   *
   * @return the count
   */
  public synchronized long snapshots() {
    return snapshots;
  }

  /**
   * Gaps detected by the synchronizer.
   *
   * @return the count
   */
  public synchronized long gaps() {
    return sync.gapCount();
  }

  @Override
  public synchronized String toString() {
    return "BookKeeper[" + symbol + ", " + status + ", " + sync + "]";
  }
}
