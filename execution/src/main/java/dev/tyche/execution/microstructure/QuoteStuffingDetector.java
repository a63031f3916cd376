package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.market.BookDelta;
import java.util.Optional;

/**
 * Flags quote stuffing: a burst of order-book messages far above the trading that could justify
 * them.
 *
 * <p><b>Rule.</b> Over the trailing window {@code (t - W, t]}, let {@code M} be the number of level
 * updates (each changed price level of a diff-depth message counts as one add, cancel or
 * modification) and {@code T} the number of trades. At each book update, the detector reports when
 *
 * <pre>{@code
 * M >= minMessages   and   M >= minMessagesPerTrade * max(T, 1)
 * }</pre>
 *
 * and then stays silent until {@code W} has passed, so one burst gives one alert. The pattern is
 * the one described by Egginton, Van Ness and Van Ness, "Quote stuffing", Financial Management
 * 45(3) (2016): intense episodes of quoting with no matching rise in trading. On an L2 stream the
 * counts are of level changes, not of individual orders (several orders at one price within one
 * message are one change), so thresholds should be set from the instrument's normal ratio; on the
 * BTCUSDT capture of 2024-08-08 the ratio of level updates to trades is about 12.
 *
 * <p>Each update is O(1) amortised; nothing is allocated except the alert itself.
 *
 * <p>Mutable; confined to one thread.
 */
public final class QuoteStuffingDetector {
  private final long windowMillis;
  private final long minMessages;
  private final double minMessagesPerTrade;
  private final TimeWindowSum messages;
  private final TimeWindowSum trades;
  private long silentUntil = Long.MIN_VALUE;
  private long lastTime = Long.MIN_VALUE;

  /**
   * A detector.
   *
   * @param windowMillis {@code W}, positive
   * @param minMessages the least number of level updates in the window, positive
   * @param minMessagesPerTrade the least ratio of level updates to trades, finite and positive
   */
  public QuoteStuffingDetector(long windowMillis, long minMessages, double minMessagesPerTrade) {
    this.windowMillis = Require.positive("windowMillis", windowMillis);
    this.minMessages = Require.positive("minMessages", minMessages);
    this.minMessagesPerTrade = Require.positive("minMessagesPerTrade", minMessagesPerTrade);
    this.messages = new TimeWindowSum(windowMillis, 256);
    this.trades = new TimeWindowSum(windowMillis, 256);
  }

  /**
   * Takes a book message that changed {@code levelUpdates} price levels.
   *
   * @param time epoch milliseconds, not before the previous event
   * @param levelUpdates the number of level updates in the message, zero or positive
   * @return an alert if the rule fires now
   * @throws IllegalArgumentException if time runs backwards or the count is negative
   */
  public Optional<QuoteStuffingAlert> onBookUpdate(long time, int levelUpdates) {
    if (levelUpdates < 0) {
      throw new IllegalArgumentException("levelUpdates must be >= 0 but was " + levelUpdates);
    }
    clock(time);
    messages.add(time, levelUpdates);
    trades.advance(time);
    long m = Math.round(messages.sum());
    long t = Math.round(trades.sum());
    double ratio = (double) m / Math.max(t, 1);
    if (time >= silentUntil && m >= minMessages && ratio >= minMessagesPerTrade) {
      silentUntil = time + windowMillis;
      return Optional.of(new QuoteStuffingAlert(time, windowMillis, m, t, ratio));
    }
    return Optional.empty();
  }

  /**
   * Takes a diff-depth message; every bid and ask level in it counts as one update.
   *
   * @param delta the message; its event time is used
   * @return an alert if the rule fires now
   */
  public Optional<QuoteStuffingAlert> onBookUpdate(BookDelta delta) {
    Require.notNull("delta", delta);
    return onBookUpdate(delta.eventTime(), delta.bids().size() + delta.asks().size());
  }

  /**
   * Takes a diff-depth message in primitive form; every level in it counts as one update.
   *
   * @param delta the message; its event time is used
   * @return an alert if the rule fires now
   */
  public Optional<QuoteStuffingAlert> onBookUpdate(BookDeltaBuffer delta) {
    Require.notNull("delta", delta);
    return onBookUpdate(delta.eventTime(), delta.bidCount() + delta.askCount());
  }

  /**
   * Takes a trade.
   *
   * @param time epoch milliseconds, not before the previous event
   * @throws IllegalArgumentException if time runs backwards
   */
  public void onTrade(long time) {
    clock(time);
    trades.add(time, 1.0);
    messages.advance(time);
  }

  private void clock(long time) {
    Require.notBefore("time", time, lastTime);
    lastTime = time;
  }

  /**
   * Level updates in the window ending at the last event.
   *
   * @return the count
   */
  public long messagesInWindow() {
    return Math.round(messages.sum());
  }

  /**
   * Trades in the window ending at the last event (as of the last book update or trade).
   *
   * @return the count
   */
  public long tradesInWindow() {
    return Math.round(trades.sum());
  }
}
