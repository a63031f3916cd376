package dev.tyche.binance.ws;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Trade;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one trade stream's trades back into id order and removes duplicates. Binance's trade ids
 * ({@code t} of {@code @trade}, {@code a} of {@code @aggTrade}) are consecutive per symbol, so a
 * missing id is a lost trade: trades after a hole are held (at most {@code reorderWindow} of them)
 * in case the missing one arrives late; when the window is full, or right after a reconnect, the
 * hole is filled from the {@link TradeBackfill} (REST) and the held trades follow. Each id is
 * emitted at most once and in increasing order.
 *
 * <p>Mutable; confined to one thread (the owning client calls it under its lock).
 */
public final class TradeSequencer {

  private static final Logger LOG = LoggerFactory.getLogger(TradeSequencer.class);

  private final Symbol symbol;
  private final int reorderWindow;
  private final TradeBackfill backfill;
  private final Consumer<Trade> out;
  private final TreeMap<Long, Trade> held = new TreeMap<>();
  private long next = -1;
  private boolean reconnected;
  private long duplicates;
  private long backfilled;
  private long lost;

  /**
   * A sequencer.
   *
   * @param symbol the symbol of the stream
   * @param reorderWindow how many trades after a hole are held before the hole is backfilled,
   *     positive
   * @param backfill where missing trades are fetched from ({@link TradeBackfill#NONE} for none)
   * @param out receives the trades in id order
   */
  public TradeSequencer(
      Symbol symbol, int reorderWindow, TradeBackfill backfill, Consumer<Trade> out) {
    this.symbol = Objects.requireNonNull(symbol, "symbol must not be null");
    if (reorderWindow <= 0) {
      throw new IllegalArgumentException("reorderWindow must be > 0 but was " + reorderWindow);
    }
    this.reorderWindow = reorderWindow;
    this.backfill = Objects.requireNonNull(backfill, "backfill must not be null");
    this.out = Objects.requireNonNull(out, "out must not be null");
  }

  /**
   * Takes a trade from the stream.
   *
   * @param trade the trade
   * @param id its numeric id
   */
  public void accept(Trade trade, long id) {
    if (next < 0) {
      next = id;
    }
    if (id < next || held.containsKey(id)) {
      duplicates++;
      return;
    }
    if (id == next) {
      emit(trade, id);
      drain();
      return;
    }
    held.put(id, trade);
    if (reconnected || held.size() > reorderWindow) {
      fillHole();
    }
  }

  /**
   * Tells the sequencer that the connection was re-established: trades missed while disconnected
   * will not arrive on the stream, so the next hole is backfilled at once.
   */
  public void onReconnected() {
    reconnected = true;
    if (!held.isEmpty()) {
      fillHole();
    }
  }

  /** Backfills the hole before the first held trade (if any) and emits what is held. */
  public void flush() {
    while (!held.isEmpty()) {
      fillHole();
    }
  }

  private void fillHole() {
    reconnected = false;
    long to = held.firstKey() - 1;
    if (to >= next) {
      long from = next;
      List<Trade> got;
      try {
        got = backfill.fetch(symbol, from, to);
      } catch (RuntimeException e) {
        LOG.warn("{}: backfill of trades {}..{} failed: {}", symbol, from, to, e.toString());
        got = List.of();
      }
      for (Trade t : got) {
        long id = TradeBackfill.idOf(t);
        if (id < next || id > to) {
          continue; // out of range or repeated
        }
        if (id > next) {
          lost += id - next;
          LOG.warn("{}: trades {}..{} lost (not backfilled)", symbol, next, id - 1);
        }
        emit(t, id);
        backfilled++;
      }
      if (next <= to) {
        long missing = to - next + 1;
        lost += missing;
        LOG.warn(
            "{}: {} trades {}..{} lost (not on the stream, not backfilled)",
            symbol,
            missing,
            next,
            to);
        next = to + 1;
      }
    }
    drain();
  }

  private void drain() {
    while (!held.isEmpty() && held.firstKey() <= next) {
      Map.Entry<Long, Trade> e = held.pollFirstEntry();
      if (e.getKey() == next) {
        emit(e.getValue(), e.getKey());
      } else {
        duplicates++;
      }
    }
  }

  private void emit(Trade t, long id) {
    out.accept(t);
    next = id + 1;
  }

  /**
   * The id expected next, or -1 before the first trade.
   *
   * @return the id
   */
  public long nextId() {
    return next;
  }

  /**
   * Trades dropped as duplicates.
   *
   * @return the count
   */
  public long duplicates() {
    return duplicates;
  }

  /**
   * Trades recovered from the backfill.
   *
   * @return the count
   */
  public long backfilled() {
    return backfilled;
  }

  /**
   * Trade ids skipped because neither the stream nor the backfill had them.
   *
   * @return the count
   */
  public long lost() {
    return lost;
  }

  /**
   * Trades held after a hole.
   *
   * @return the count
   */
  public int held() {
    return held.size();
  }
}
