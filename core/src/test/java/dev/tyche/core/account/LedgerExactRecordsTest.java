package dev.tyche.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger's totals are the same records (asset, units and scale) as a plain model of the
 * settlement rules written with {@code TreeMap.merge(Money::plus)} and {@link Money#minus}: the
 * allocation-saving paths in {@link Ledger#apply(Fill)} (zero fees, fills that realise nothing,
 * amounts of several scales) must not change a single scale or unit.
 */
class LedgerExactRecordsTest {
  private static final List<Instrument> INSTRUMENTS =
      List.of(Fixtures.BTC_PERP, Fixtures.ETH_PERP, Fixtures.BNB_SPOT);
  private static final List<Asset> ASSETS = List.of(Fixtures.USDT, Fixtures.BNB);

  record Step(
      int instrument,
      boolean buy,
      int ticks,
      int steps,
      int feeAsset,
      int feeUnits,
      int feeScale) {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 1),
                // Zero fees are frequent on purpose: they take the shortcut paths.
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                    net.jqwik.api.Tuple.of(7, Arbitraries.integers().between(-500, 5_000))),
                Arbitraries.integers().between(0, 9))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 300)
  void totalsAreTheRecordsOfAPlainMapModel(@ForAll("histories") List<Step> history) {
    Ledger ledger = new Ledger(PositionMode.ONE_WAY, 8, INSTRUMENTS);
    ledger.deposit(Money.parse(Fixtures.USDT, "1000000.00"));
    Map<Asset, Money> balances = new TreeMap<>();
    balances.put(Fixtures.USDT, Money.parse(Fixtures.USDT, "1000000.00"));
    Map<Asset, Money> realisedTotals = new TreeMap<>();
    Map<Asset, Money> feeTotals = new TreeMap<>();
    Map<Instrument, Position> positions = new HashMap<>();
    int trade = 0;
    for (Step s : history) {
      Instrument inst = INSTRUMENTS.get(s.instrument());
      Side side = s.buy() ? Side.BUY : Side.SELL;
      // A few ticks around 1000 so that fills close, reduce and flip positions.
      Price price =
          Price.of(
              1_000L * Price.parse("1").withScale(inst.priceScale()).units()
                  + s.ticks() * inst.tickSize().withScale(inst.priceScale()).units(),
              inst.priceScale());
      Quantity qty =
          Quantity.of(
              s.steps() * inst.stepSize().withScale(inst.quantityScale()).units(),
              inst.quantityScale());
      Money fee = Money.of(ASSETS.get(s.feeAsset()), s.feeUnits(), s.feeScale());
      trade++;
      Money realised =
          ledger.apply(
              new Fill(
                  inst.symbol(),
                  side,
                  price,
                  qty,
                  fee,
                  Liquidity.TAKER,
                  TradeId.of("x" + trade),
                  Optional.empty(),
                  trade,
                  PositionSide.BOTH));

      Position before = positions.getOrDefault(inst, Position.flat(inst, PositionSide.BOTH));
      Position after = before.afterFill(side, price, qty, fee);
      positions.put(inst, after);
      Money expectedRealised = after.realisedPnl().minus(before.realisedPnl());
      Map<Asset, Money> changes = new TreeMap<>();
      if (inst.contractType() == ContractType.SPOT) {
        int sign = side.sign();
        changes.merge(
            inst.baseAsset(),
            Money.of(inst.baseAsset(), sign * qty.units(), qty.scale()),
            Money::plus);
        Money notional = Money.of(inst.quoteAsset(), price.times(qty));
        changes.merge(inst.quoteAsset(), sign > 0 ? notional.negate() : notional, Money::plus);
      } else {
        changes.merge(expectedRealised.asset(), expectedRealised, Money::plus);
      }
      changes.merge(fee.asset(), fee.negate(), Money::plus);
      changes.forEach((asset, change) -> balances.merge(asset, change, Money::plus));
      realisedTotals.merge(expectedRealised.asset(), expectedRealised, Money::plus);
      feeTotals.merge(fee.asset(), fee, Money::plus);

      assertEquals(expectedRealised, realised);
      assertEquals(after, ledger.position(inst.symbol()).orElseThrow());
      for (Asset asset : List.of(Fixtures.USDT, Fixtures.BNB, Fixtures.BTC)) {
        assertEquals(
            balances.getOrDefault(asset, Money.zero(asset, 0)), ledger.balance(asset), "balance");
        assertEquals(
            realisedTotals.getOrDefault(asset, Money.zero(asset, 0)),
            ledger.realisedPnl(asset),
            "realised");
        assertEquals(
            feeTotals.getOrDefault(asset, Money.zero(asset, 0)), ledger.fees(asset), "fees");
      }
    }
    assertEquals(trade, ledger.fillCount());
  }
}
