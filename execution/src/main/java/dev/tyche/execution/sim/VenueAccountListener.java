package dev.tyche.execution.sim;

/**
 * Receives the simulated venue's account events (funding, liquidation), synchronously, on the
 * thread that drives the venue.
 *
 * <p>Implementations are confined to the engine thread.
 */
@FunctionalInterface
public interface VenueAccountListener {

  /**
   * Called once per event, in the order the venue produced them.
   *
   * @param event the event
   */
  void onAccountEvent(VenueAccountEvent event);
}
