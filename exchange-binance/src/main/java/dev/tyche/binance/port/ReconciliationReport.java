package dev.tyche.binance.port;

import java.util.List;
import java.util.Objects;

/**
 * The result of a start-up reconciliation: what the venue reported and every difference from the
 * engine's expectation. Nothing is overwritten: the engine decides what to do with each difference.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue's state
 * @param differences the differences, orders first (by client id), then positions, then balances
 */
public record ReconciliationReport(VenueState venue, List<Difference> differences) {

  // Copies, so the report never changes.
  public ReconciliationReport {
    Objects.requireNonNull(venue, "venue must not be null");
    differences = List.copyOf(Objects.requireNonNull(differences, "differences must not be null"));
  }

  /**
   * Whether venue and engine agree.
   *
   * @return true if there is no difference
   */
  public boolean consistent() {
    return differences.isEmpty();
  }
}
