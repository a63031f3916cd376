package dev.tyche.core.account;

import dev.tyche.core.id.Symbol;

/** Where a position is filed in a ledger: by symbol, then position side. */
record PositionKey(Symbol symbol, PositionSide side) implements Comparable<PositionKey> {
  // Written out rather than as a Comparator chain: the ledger looks a key up on every fill, and
  // the chain's lambdas showed up in profiles of the simulated venue.
  @Override
  public int compareTo(PositionKey other) {
    int bySymbol = symbol.compareTo(other.symbol);
    return bySymbol != 0 ? bySymbol : side.compareTo(other.side);
  }
}
