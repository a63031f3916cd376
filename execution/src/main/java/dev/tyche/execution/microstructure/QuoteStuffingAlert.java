package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;

/**
 * Quote stuffing detected by {@link QuoteStuffingDetector}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time epoch milliseconds of the book update that crossed the thresholds
 * @param windowMillis the window the counts cover, {@code (time - windowMillis, time]}
 * @param bookMessages level updates (adds, cancels, modifications) in the window, positive
 * @param trades trades in the window, zero or positive
 * @param messagesPerTrade {@code bookMessages / max(trades, 1)}
 */
public record QuoteStuffingAlert(
    long time, long windowMillis, long bookMessages, long trades, double messagesPerTrade)
    implements ManipulationAlert {

  public QuoteStuffingAlert {
    Require.positive("windowMillis", windowMillis);
    Require.positive("bookMessages", bookMessages);
    Require.nonNegative("trades", trades);
    Require.positive("messagesPerTrade", messagesPerTrade);
  }

  @Override
  public ManipulationKind kind() {
    return ManipulationKind.QUOTE_STUFFING;
  }
}
