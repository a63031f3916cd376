package dev.tyche.core.account;

import dev.tyche.core.id.Symbol;
import java.util.Comparator;

/** Where a position is filed in a ledger: by symbol, then position side. */
record PositionKey(Symbol symbol, PositionSide side) implements Comparable<PositionKey> {
  private static final Comparator<PositionKey> ORDER =
      Comparator.comparing(PositionKey::symbol).thenComparing(PositionKey::side);

  @Override
  public int compareTo(PositionKey other) {
    return ORDER.compare(this, other);
  }
}
