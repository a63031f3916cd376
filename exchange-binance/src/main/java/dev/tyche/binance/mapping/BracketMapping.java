package dev.tyche.binance.mapping;

import dev.tyche.binance.dto.Bracket;
import dev.tyche.binance.dto.SymbolBrackets;
import java.util.ArrayList;
import java.util.List;

/**
 * Leverage brackets to exact {@link LeverageTier}s, checked to be contiguous: each tier's floor is
 * the previous tier's cap, and the first floor is zero.
 *
 * <p>Immutable and thread-safe.
 */
public final class BracketMapping {

  private BracketMapping() {}

  /**
   * One symbol's brackets.
   *
   * @param s the brackets
   * @return the tiers by increasing notional
   * @throws IllegalArgumentException naming the bracket and field if malformed or not contiguous
   */
  public static List<LeverageTier> toTiers(SymbolBrackets s) {
    List<LeverageTier> out = new ArrayList<>();
    for (int i = 0; i < s.brackets().size(); i++) {
      Bracket b = s.brackets().get(i);
      String where = s.symbol() + ".brackets[" + i + "].";
      LeverageTier t;
      try {
        t =
            new LeverageTier(
                b.bracket(),
                b.initialLeverage(),
                Fields.decimal(b.notionalFloor(), where + "notionalFloor"),
                Fields.decimal(b.notionalCap(), where + "notionalCap"),
                Fields.decimal(b.maintMarginRatio(), where + "maintMarginRatio"),
                Fields.decimal(b.cum(), where + "cum"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + " " + e.getMessage(), e);
      }
      if (i == 0 && t.notionalFloor().signum() != 0) {
        throw new IllegalArgumentException(
            "field '" + where + "notionalFloor' must be 0 but was " + t.notionalFloor());
      }
      if (i > 0 && t.notionalFloor().compareTo(out.get(i - 1).notionalCap()) != 0) {
        throw new IllegalArgumentException(
            "field '"
                + where
                + "notionalFloor' must equal the previous cap "
                + out.get(i - 1).notionalCap()
                + " but was "
                + t.notionalFloor());
      }
      out.add(t);
    }
    return List.copyOf(out);
  }
}
