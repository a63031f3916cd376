package dev.tyche.risk.margin;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;

/** The four lowest BTCUSDT-like tiers of the reference notes: 0.4/0.5/1/2.5 % at 0/50k/250k/1M. */
final class BtcTable {

  static final Symbol BTCUSDT = new Symbol("BTCUSDT");

  static final LeverageBrackets TABLE =
      LeverageBrackets.of(
          BTCUSDT,
          bracket(1, 125, "0", "50000", "0.004", "0"),
          bracket(2, 100, "50000", "250000", "0.005", "50"),
          bracket(3, 50, "250000", "1000000", "0.01", "1300"),
          bracket(4, 20, "1000000", "10000000", "0.025", "16300"));

  private BtcTable() {}

  static LeverageBracket bracket(
      int n, int leverage, String floor, String cap, String mmr, String cum) {
    return new LeverageBracket(
        n,
        leverage,
        Decimal.parse(floor),
        Decimal.parse(cap),
        Decimal.parse(mmr),
        Decimal.parse(cum));
  }

  static Decimal d(String text) {
    return Decimal.parse(text);
  }
}
