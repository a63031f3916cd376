package dev.tyche.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tyche.core.id.Asset;
import dev.tyche.core.num.Money;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The array-backed fee map of a {@link Position} against the {@code TreeMap} it replaces: the same
 * entries, order, equality, hash and text, and no way to modify it.
 */
class FeeTotalsTest {
  private static final Asset ETH = Asset.of("ETH");
  private static final List<Asset> ASSETS = List.of(Fixtures.USDT, Fixtures.BTC, Fixtures.BNB, ETH);

  private static Money m(Asset asset, long units, int scale) {
    return Money.of(asset, units, scale);
  }

  @Provide
  Arbitrary<List<Money>> feeSequences() {
    Arbitrary<Money> fee =
        Combinators.combine(
                Arbitraries.of(ASSETS),
                Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                Arbitraries.integers().between(0, 8))
            .as(Money::of);
    return fee.list().ofMaxSize(30);
  }

  /** Folding fees with {@code plus} gives exactly what {@code TreeMap.merge(Money::plus)} gives. */
  @Property(tries = 500)
  void foldingMatchesTreeMap(@ForAll("feeSequences") List<Money> fees) {
    FeeTotals totals = FeeTotals.EMPTY;
    TreeMap<Asset, Money> reference = new TreeMap<>();
    for (Money fee : fees) {
      FeeTotals before = totals;
      Map<Asset, Money> beforeCopy = new TreeMap<>(before);
      totals = totals.plus(fee);
      // Persistence: adding a fee leaves the earlier totals as they were.
      assertEquals(beforeCopy, before);
      reference.merge(fee.asset(), fee, Money::plus);
      assertEquals(reference, totals);
      assertEquals(totals, reference);
      assertEquals(reference.hashCode(), totals.hashCode());
      assertEquals(reference.toString(), totals.toString());
      assertEquals(new ArrayList<>(reference.entrySet()), new ArrayList<>(totals.entrySet()));
    }
    FeeTotals copied = FeeTotals.copyOf(new HashMap<>(reference));
    assertEquals(totals, copied);
    assertEquals(totals.hashCode(), copied.hashCode());
    for (Asset asset : ASSETS) {
      assertEquals(reference.get(asset), totals.get(asset));
      assertEquals(reference.containsKey(asset), totals.containsKey(asset));
    }
  }

  /**
   * Positions built by fills carry the same fees as the tree map of those fees, and a position
   * rebuilt from a plain map of its fees is equal to it, with the same hash.
   */
  @Property(tries = 200)
  void positionEqualityIgnoresTheMapRepresentation(@ForAll("feeSequences") List<Money> fees) {
    Position p = Position.flat(Fixtures.BTC_PERP, PositionSide.BOTH);
    TreeMap<Asset, Money> reference = new TreeMap<>();
    int i = 0;
    for (Money fee : fees) {
      Side side = i++ % 2 == 0 ? Side.BUY : Side.SELL;
      p =
          p.afterFill(
              side,
              Fixtures.BTC_PERP.parsePrice("30000.1"),
              Fixtures.BTC_PERP.parseQuantity("0.002"),
              fee);
      reference.merge(fee.asset(), fee, Money::plus);
    }
    assertEquals(reference, p.fees());
    Position rebuilt =
        new Position(
            p.instrument(),
            p.positionSide(),
            p.signedUnits(),
            p.costBasis(),
            p.realisedPnl(),
            p.funding(),
            new HashMap<>(reference));
    assertEquals(p, rebuilt);
    assertEquals(rebuilt, p);
    assertEquals(p.hashCode(), rebuilt.hashCode());
    assertEquals(p.toString(), rebuilt.toString());
    for (Asset asset : ASSETS) {
      Money expected = reference.getOrDefault(asset, Money.zero(asset, 0));
      assertEquals(expected, p.fee(asset));
    }
  }

  @Test
  void insertsInAssetOrderAndAddsAtTheLargerScale() {
    FeeTotals t =
        FeeTotals.EMPTY
            .plus(m(Fixtures.USDT, 5, 2))
            .plus(m(Fixtures.BNB, 1, 8))
            .plus(m(ETH, 3, 0))
            .plus(m(Fixtures.BTC, 7, 3))
            .plus(m(Fixtures.USDT, 25, 3));
    assertEquals(
        List.of(Fixtures.BNB, Fixtures.BTC, ETH, Fixtures.USDT), new ArrayList<>(t.keySet()));
    assertEquals(m(Fixtures.USDT, 75, 3), t.get(Fixtures.USDT));
    assertEquals("{BNB=0.00000001 BNB, BTC=0.007 BTC, ETH=3 ETH, USDT=0.075 USDT}", t.toString());
    List<String> visited = new ArrayList<>();
    t.forEach((k, v) -> visited.add(k + ":" + v.units()));
    assertEquals(List.of("BNB:1", "BTC:7", "ETH:3", "USDT:75"), visited);
    assertEquals(4, t.size());
    assertFalse(t.isEmpty());
    assertTrue(FeeTotals.EMPTY.isEmpty());
    assertTrue(t.containsValue(m(ETH, 3, 0)));
    assertFalse(t.containsValue(m(ETH, 30, 1)));
  }

  @Test
  void zeroFeeThatChangesNothingKeepsTheTotals() {
    FeeTotals t = FeeTotals.EMPTY.plus(m(Fixtures.USDT, 5, 2));
    assertSame(t, t.plus(m(Fixtures.USDT, 0, 1)));
    // A zero at a larger scale changes the total's scale, as Money.plus does.
    FeeTotals finer = t.plus(m(Fixtures.USDT, 0, 4));
    assertEquals(m(Fixtures.USDT, 500, 4), finer.get(Fixtures.USDT));
    // A zero in a new asset is entered, as TreeMap.merge would.
    assertEquals(m(Fixtures.BTC, 0, 0), t.plus(m(Fixtures.BTC, 0, 0)).get(Fixtures.BTC));
  }

  @Test
  void lookupsOfForeignKeysFindNothing() {
    FeeTotals t = FeeTotals.EMPTY.plus(m(Fixtures.USDT, 5, 2));
    assertNull(t.get("USDT"));
    assertNull(t.get(null));
    assertFalse(t.containsKey(Fixtures.BTC));
    assertEquals(m(Fixtures.BTC, 1, 0), t.getOrDefault(Fixtures.BTC, m(Fixtures.BTC, 1, 0)));
    assertEquals(m(Fixtures.USDT, 5, 2), t.getOrDefault(Fixtures.USDT, null));
    assertNotEquals(t, FeeTotals.EMPTY);
    assertNotEquals(t, Map.of(Fixtures.USDT, m(Fixtures.USDT, 50, 3)));
    assertEquals(t, Map.of(Fixtures.USDT, m(Fixtures.USDT, 5, 2)));
  }

  @Test
  void everyMutatorThrows() {
    FeeTotals t = FeeTotals.EMPTY.plus(m(Fixtures.USDT, 5, 2));
    Money x = m(Fixtures.USDT, 1, 0);
    List<Runnable> mutators =
        List.of(
            () -> t.put(Fixtures.USDT, x),
            () -> t.remove(Fixtures.USDT),
            () -> t.putAll(Map.of(Fixtures.USDT, x)),
            t::clear,
            FeeTotals.EMPTY::clear,
            () -> t.replaceAll((k, v) -> v),
            () -> t.putIfAbsent(Fixtures.BTC, x),
            () -> t.remove(Fixtures.USDT, x),
            () -> t.replace(Fixtures.USDT, x, x),
            () -> t.replace(Fixtures.USDT, x),
            () -> t.computeIfAbsent(Fixtures.BTC, k -> x),
            () -> t.computeIfPresent(Fixtures.USDT, (k, v) -> v),
            () -> t.compute(Fixtures.USDT, (k, v) -> v),
            () -> t.merge(Fixtures.USDT, x, Money::plus),
            () -> t.entrySet().iterator().next().setValue(x),
            () -> t.keySet().remove(Fixtures.USDT),
            () -> t.values().clear());
    for (Runnable r : mutators) {
      assertThrows(UnsupportedOperationException.class, r::run);
    }
    Iterator<Map.Entry<Asset, Money>> it = t.entrySet().iterator();
    it.next();
    assertThrows(UnsupportedOperationException.class, it::remove);
    assertThrows(NoSuchElementException.class, it::next);
    assertEquals(m(Fixtures.USDT, 5, 2), t.get(Fixtures.USDT));
  }

  @Test
  void badEntriesAreRejected() {
    Map<Asset, Money> wrongAsset = new TreeMap<>();
    wrongAsset.put(Fixtures.BTC, m(Fixtures.USDT, 1, 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FeeTotals.copyOf(wrongAsset));
    assertTrue(e.getMessage().contains("fees entry BTC"), e.getMessage());

    Map<Asset, Money> nullValue = new HashMap<>();
    nullValue.put(Fixtures.BTC, null);
    assertThrows(NullPointerException.class, () -> FeeTotals.copyOf(nullValue));

    Map<Asset, Money> nullKey = new HashMap<>();
    nullKey.put(null, m(Fixtures.BTC, 1, 0));
    assertThrows(NullPointerException.class, () -> FeeTotals.copyOf(nullKey));

    assertSame(FeeTotals.EMPTY, FeeTotals.copyOf(Map.of()));
  }
}
