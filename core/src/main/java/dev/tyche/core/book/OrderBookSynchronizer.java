package dev.tyche.core.book;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Keeps an {@link OrderBook} in step with a Binance USDⓈ-M diff-depth stream and a REST snapshot,
 * following Binance's procedure ("How to manage a local order book correctly", USDⓈ-M futures
 * websocket market streams):
 *
 * <ol>
 *   <li>Buffer the stream's deltas until a snapshot ({@code lastUpdateId} = L) arrives.
 *   <li>Drop deltas with {@code u < L}.
 *   <li>The first delta applied must satisfy {@code U <= L <= u}. If the oldest kept delta has
 *       {@code U > L}, the snapshot is older than the stream and cannot be bridged.
 *   <li>Every later delta must have {@code pu} equal to the previous delta's {@code u}; otherwise
 *       updates were lost.
 * </ol>
 *
 * <p>The {@link #state()} tells consumers whether the book can be trusted:
 *
 * <ul>
 *   <li>{@link State#SYNCING}: not yet trustworthy; waiting for a snapshot, or holding one and
 *       waiting for the delta that bridges it. {@link #needsSnapshot()} says which.
 *   <li>{@link State#SYNCED}: the book reflects the venue's book as of {@link
 *       OrderBook#lastUpdateId()}.
 *   <li>{@link State#GAP_DETECTED}: the chain broke (a {@code pu} mismatch, or a snapshot older
 *       than the first buffered delta). The book has been cleared; deltas are buffered again and a
 *       new snapshot must be fetched and passed to {@link #onSnapshot(BookSnapshot)}.
 * </ul>
 *
 * <p>While {@link State#SYNCED}, {@link #onDelta(BookDeltaBuffer)} allocates nothing. Buffering
 * (any other state) copies deltas; the buffer keeps at most {@code maxBuffered} of them, dropping
 * the oldest, which is safe because a snapshot newer than the dropped ones makes them irrelevant
 * and an older one is detected as a gap.
 *
 * <p>Mutable; confined to one thread.
 */
public final class OrderBookSynchronizer {

  /** Whether the local book can be trusted. */
  public enum State {
    /** Waiting for a snapshot or for the delta that bridges it; the book is not usable yet. */
    SYNCING,
    /** The book is current; each delta continued the update-id chain. */
    SYNCED,
    /** Updates were lost; the book was cleared and a new snapshot is needed. */
    GAP_DETECTED
  }

  private static final int DEFAULT_MAX_BUFFERED = 10_000;

  private final OrderBook book;
  private final int maxBuffered;
  private final ArrayDeque<BookDelta> buffer = new ArrayDeque<>();
  private State state = State.SYNCING;
  private boolean haveSnapshot;
  private long lastFinalUpdateId;
  private long appliedDeltas;
  private long droppedDeltas;
  private long gaps;

  /**
   * A synchronizer with a fresh book and room for 10 000 buffered deltas.
   *
   * @param instrument the instrument of the stream
   */
  public OrderBookSynchronizer(Instrument instrument) {
    this(new OrderBook(instrument), DEFAULT_MAX_BUFFERED);
  }

  /**
   * A synchronizer driving a given book, which it clears.
   *
   * @param book the book to maintain; only this synchronizer should modify it from now on
   * @param maxBuffered the most deltas held while not synced, positive
   */
  public OrderBookSynchronizer(OrderBook book, int maxBuffered) {
    this.book = Objects.requireNonNull(book, "book must not be null");
    if (maxBuffered <= 0) {
      throw new IllegalArgumentException("maxBuffered must be > 0 but was " + maxBuffered);
    }
    this.maxBuffered = maxBuffered;
    book.clear();
  }

  /**
   * The book being maintained. Read it freely; trust it only while {@link #isSynced()}. Do not
   * modify it directly.
   *
   * @return the book
   */
  public OrderBook book() {
    return book;
  }

  /**
   * The current state.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * Whether the book is trustworthy, i.e. {@link #state()} is {@link State#SYNCED}.
   *
   * @return true if synced
   */
  public boolean isSynced() {
    return state == State.SYNCED;
  }

  /**
   * Whether a (new) REST snapshot must be fetched: none has been given yet, or a gap was detected.
   *
   * @return true if the caller should fetch a snapshot and pass it to {@link
   *     #onSnapshot(BookSnapshot)}
   */
  public boolean needsSnapshot() {
    return state == State.GAP_DETECTED || (state == State.SYNCING && !haveSnapshot);
  }

  /**
   * The number of deltas currently buffered.
   *
   * @return the buffer size
   */
  public int bufferedDeltas() {
    return buffer.size();
  }

  /**
   * The number of deltas applied to the book since construction.
   *
   * @return the count
   */
  public long appliedDeltas() {
    return appliedDeltas;
  }

  /**
   * The number of deltas discarded since construction: older than a snapshot ({@code u < L}), or
   * pushed out of a full buffer.
   *
   * @return the count
   */
  public long droppedDeltas() {
    return droppedDeltas;
  }

  /**
   * The number of times {@link State#GAP_DETECTED} was entered since construction.
   *
   * @return the count
   */
  public long gapCount() {
    return gaps;
  }

  /** Forgets the book and the buffer and starts over in {@link State#SYNCING}. */
  public void reset() {
    book.clear();
    buffer.clear();
    haveSnapshot = false;
    state = State.SYNCING;
  }

  /**
   * Loads a REST snapshot and replays the buffered deltas on it per Binance's procedure.
   *
   * @param snapshot the snapshot, for the book's symbol
   * @return the state afterwards: {@link State#SYNCED} if a buffered delta bridged the snapshot,
   *     {@link State#SYNCING} if the bridging delta has not arrived yet, {@link State#GAP_DETECTED}
   *     if the snapshot is older than the oldest kept delta
   * @throws IllegalArgumentException if the snapshot is for another symbol or does not fit the
   *     instrument's scales
   */
  public State onSnapshot(BookSnapshot snapshot) {
    book.applySnapshot(snapshot);
    haveSnapshot = true;
    state = State.SYNCING;
    lastFinalUpdateId = snapshot.lastUpdateId();
    // Replay in arrival order until the buffer is empty or a gap puts the rest back on hold.
    while (!buffer.isEmpty() && state != State.GAP_DETECTED) {
      route(buffer.pollFirst());
    }
    return state;
  }

  /**
   * Takes the next delta from the stream.
   *
   * @param delta the delta, for the book's symbol
   * @return the state afterwards
   * @throws IllegalArgumentException if the delta is for another symbol or does not fit the
   *     instrument's scales
   */
  public State onDelta(BookDelta delta) {
    Objects.requireNonNull(delta, "delta must not be null");
    checkSymbol(delta);
    route(delta);
    return state;
  }

  private void route(BookDelta delta) {
    switch (state) {
      case SYNCED:
        if (delta.previousFinalUpdateId() != lastFinalUpdateId) {
          gap(delta);
        } else {
          book.apply(delta);
          applied(delta.finalUpdateId());
        }
        break;
      case SYNCING:
        if (haveSnapshot) {
          awaitBridge(delta);
        } else {
          enqueue(delta);
        }
        break;
      default:
        enqueue(delta);
    }
  }

  /**
   * Takes the next delta from the stream in primitive form; allocates nothing while {@link
   * State#SYNCED}.
   *
   * @param delta the delta, for the book's symbol, in the book's units
   * @return the state afterwards
   * @throws IllegalArgumentException if the delta is for another symbol
   */
  public State onDelta(BookDeltaBuffer delta) {
    if (state == State.SYNCED && delta.previousFinalUpdateId() == lastFinalUpdateId) {
      book.apply(delta); // checks the symbol
      applied(delta.finalUpdateId());
      return state;
    }
    return onDelta(
        delta.toBookDelta(book.instrument().priceScale(), book.instrument().quantityScale()));
  }

  /** SYNCING with a snapshot loaded at {@code lastFinalUpdateId}: find the bridging delta. */
  private void awaitBridge(BookDelta delta) {
    long snapshotId = book.lastUpdateId();
    if (delta.finalUpdateId() < snapshotId) {
      droppedDeltas++; // already contained in the snapshot
    } else if (delta.firstUpdateId() <= snapshotId) {
      book.apply(delta);
      applied(delta.finalUpdateId());
      state = State.SYNCED;
    } else {
      // U > L: updates between the snapshot and this delta are missing; the snapshot is stale.
      gap(delta);
    }
  }

  private void gap(BookDelta delta) {
    gaps++;
    state = State.GAP_DETECTED;
    haveSnapshot = false;
    book.clear();
    // Keep the offending delta and anything still buffered behind it: a newer snapshot may be
    // bridged by them.
    buffer.addFirst(delta);
    trimBuffer();
  }

  private void applied(long finalUpdateId) {
    lastFinalUpdateId = finalUpdateId;
    appliedDeltas++;
  }

  private void enqueue(BookDelta delta) {
    buffer.addLast(delta);
    trimBuffer();
  }

  private void trimBuffer() {
    while (buffer.size() > maxBuffered) {
      buffer.pollFirst();
      droppedDeltas++;
    }
  }

  private void checkSymbol(BookDelta delta) {
    if (!delta.symbol().equals(book.instrument().symbol())) {
      throw new IllegalArgumentException(
          "delta symbol must be "
              + book.instrument().symbol()
              + " (this book's) but was "
              + delta.symbol());
    }
  }

  @Override
  public String toString() {
    return "OrderBookSynchronizer[" + state + ", " + book + ", buffered " + buffer.size() + "]";
  }
}
