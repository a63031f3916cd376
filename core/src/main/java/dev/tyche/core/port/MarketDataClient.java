package dev.tyche.core.port;

/**
 * A source of market data: a historical feed in backtests, a venue's streams live.
 *
 * <p>Thread-safety is stated by each implementation; the engine calls it from its own thread.
 */
public interface MarketDataClient extends AutoCloseable {

  /**
   * Starts delivering data for the current and future subscriptions.
   *
   * @param listener where events go; live clients call it from a network thread
   */
  void start(MarketDataListener listener);

  /**
   * Adds a stream. Subscribing twice to the same stream has no further effect.
   *
   * @param subscription the stream
   */
  void subscribe(Subscription subscription);

  /**
   * Removes a stream.
   *
   * @param subscription the stream
   */
  void unsubscribe(Subscription subscription);

  /** Stops delivering data and releases resources. */
  @Override
  void close();
}
