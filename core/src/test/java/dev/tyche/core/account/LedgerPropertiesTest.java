package dev.tyche.core.account;

import static dev.tyche.core.account.Fixtures.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Fixed;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the ledger over random histories. The expected values are recomputed here with
 * {@link BigDecimal}, independently of the ledger's fixed-point arithmetic, and compared exactly.
 */
class LedgerPropertiesTest {

  /** Two perpetuals with different grids: notional scales 5 (BTC) and 4 (DOGE). */
  private static final List<Instrument> PERPS = List.of(Fixtures.BTC_PERP, Fixtures.DOGE_PERP);

  private static final BigDecimal DEPOSIT = new BigDecimal("100000");

  /** One random event: a fill, a funding settlement or a move of the mark price. */
  record Step(
      int kind,
      int instrument,
      boolean buy,
      int priceTicks,
      int quantitySteps,
      int fee,
      int rate) {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 1),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 1_000_000),
                Arbitraries.integers().between(1, 5_000),
                Arbitraries.integers().between(-1_000, 100_000),
                Arbitraries.integers().between(-3_000, 3_000))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(60);
  }

  /** Drives a ledger with a history and keeps an independent BigDecimal model of it. */
  private static final class Model {
    final Ledger ledger;
    final Map<Symbol, Price> marks = new HashMap<>();
    final Map<Symbol, BigDecimal> net = new HashMap<>();
    BigDecimal cashFlows = BigDecimal.ZERO; // sum over fills of -sign * price * qty
    BigDecimal feeSum = BigDecimal.ZERO;
    BigDecimal fundingSum = BigDecimal.ZERO;
    int trades;

    Model(PositionMode mode) {
      ledger = new Ledger(mode, 8, PERPS);
      ledger.deposit(Money.of(USDT, Decimal.parse(DEPOSIT.toPlainString())));
      for (Instrument i : PERPS) {
        marks.put(i.symbol(), i.tickSize().plusTicks(1_000, i.tickSize()));
        net.put(i.symbol(), BigDecimal.ZERO);
      }
    }

    void apply(Step s) {
      Instrument inst = PERPS.get(s.instrument());
      Price price = Price.of((long) s.priceTicks() * inst.tickSize().units(), inst.priceScale());
      if (s.kind() <= 5) {
        Side side = s.buy() ? Side.BUY : Side.SELL;
        Quantity qty =
            Quantity.of((long) s.quantitySteps() * inst.stepSize().units(), inst.quantityScale());
        PositionSide ps = PositionSide.BOTH;
        if (ledger.positionMode() == PositionMode.HEDGE) {
          // Pick a leg by the price's parity, and never push a leg through zero.
          ps = s.priceTicks() % 2 == 0 ? PositionSide.LONG : PositionSide.SHORT;
          Position leg = ledger.position(inst.symbol(), ps).orElseThrow();
          boolean reduces = (ps == PositionSide.LONG) != s.buy();
          if (reduces && leg.isFlat()) {
            side = side.opposite();
          } else if (reduces) {
            qty = qty.min(leg.size());
          }
        }
        Money fee = Money.of(USDT, s.fee(), 8);
        trades++;
        ledger.apply(
            new Fill(
                inst.symbol(),
                side,
                price,
                qty,
                fee,
                Liquidity.MAKER,
                TradeId.of("p" + trades),
                Optional.empty(),
                trades,
                ps));
        BigDecimal notional = big(price).multiply(big(qty));
        cashFlows = cashFlows.add(side == Side.BUY ? notional.negate() : notional);
        net.merge(inst.symbol(), side == Side.BUY ? big(qty) : big(qty).negate(), BigDecimal::add);
        feeSum = feeSum.add(big(fee));
      } else if (s.kind() <= 7) {
        Decimal rate = Decimal.of(s.rate(), 7);
        Money paid = ledger.apply(new FundingPayment(inst.symbol(), trades, rate, price));
        // Each leg pays -Q * mark * rate rounded half-even to 8; sum over the legs.
        BigDecimal expected = BigDecimal.ZERO;
        for (PositionSide ps : PositionSide.values()) {
          BigDecimal q =
              ledger
                          .position(inst.symbol(), ps)
                          .orElseThrow()
                          .signedQuantity()
                          .compareTo(Decimal.ZERO)
                      == 0
                  ? BigDecimal.ZERO
                  : big(ledger.position(inst.symbol(), ps).orElseThrow().signedQuantity());
          expected =
              expected.add(
                  q.multiply(big(price))
                      .multiply(big(rate))
                      .negate()
                      .setScale(8, RoundingMode.HALF_EVEN));
        }
        assertThat(big(paid)).isEqualByComparingTo(expected);
        fundingSum = fundingSum.add(expected);
      } else {
        marks.put(inst.symbol(), price);
      }
    }

    BigDecimal expectedEquity() {
      BigDecimal marked = BigDecimal.ZERO;
      for (Instrument i : PERPS) {
        marked = marked.add(net.get(i.symbol()).multiply(big(marks.get(i.symbol()))));
      }
      return DEPOSIT.subtract(feeSum).add(fundingSum).add(cashFlows).add(marked);
    }
  }

  /**
   * (a) Conservation: after every step, equity at the marks equals deposits - fees + funding + sum
   * over fills of (-sign * price * qty) + sum of net quantity * mark, exactly; and the wallet
   * balance equals deposits - fees + funding + realised PnL.
   */
  @Property(tries = 300)
  void equityIsConservedExactly(@ForAll("histories") List<Step> history, @ForAll boolean hedge) {
    Model m = new Model(hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY);
    for (Step s : history) {
      m.apply(s);
      assertThat(big(m.ledger.equity(USDT, m.marks::get))).isEqualByComparingTo(m.expectedEquity());
      assertThat(big(m.ledger.fees(USDT))).isEqualByComparingTo(m.feeSum);
      assertThat(big(m.ledger.funding(USDT))).isEqualByComparingTo(m.fundingSum);
      BigDecimal wallet =
          DEPOSIT.subtract(m.feeSum).add(m.fundingSum).add(big(m.ledger.realisedPnl(USDT)));
      assertThat(big(m.ledger.balance(USDT))).isEqualByComparingTo(wallet);
    }
  }

  /**
   * (a, spot) Conservation for spot: the quote balance moves by {@code -sign * price * qty} and the
   * fee, the base balance by {@code sign * qty} and the fee; so equity at a mark equals deposits -
   * quote fees + sum(-sign * price * qty) + (sum(sign * qty) - base fees) * mark, exactly.
   */
  @Property(tries = 200)
  void spotEquityIsConservedExactly(@ForAll("histories") List<Step> history) {
    Instrument inst = Fixtures.BTC_SPOT;
    Ledger ledger = new Ledger(PositionMode.ONE_WAY, 8, List.of(inst));
    ledger.deposit(Money.of(USDT, Decimal.parse(DEPOSIT.toPlainString())));
    BigDecimal quote = DEPOSIT;
    BigDecimal base = BigDecimal.ZERO;
    BigDecimal net = BigDecimal.ZERO;
    Price mark = Price.parse("20000.00");
    int trades = 0;
    for (Step s : history) {
      Price price = Price.of((long) s.priceTicks() * inst.tickSize().units(), inst.priceScale());
      if (s.kind() <= 7) {
        Side side = s.buy() ? Side.BUY : Side.SELL;
        Quantity qty =
            Quantity.of((long) s.quantitySteps() * inst.stepSize().units(), inst.quantityScale());
        boolean feeInBase = (s.rate() & 1) == 0;
        Money fee = Money.of(feeInBase ? inst.baseAsset() : USDT, s.fee(), 8);
        trades++;
        ledger.apply(
            Fill.of(
                inst.symbol(),
                side,
                price,
                qty,
                fee,
                Liquidity.TAKER,
                TradeId.of("s" + trades),
                trades));
        BigDecimal notional = big(price).multiply(big(qty));
        BigDecimal signedQty = side == Side.BUY ? big(qty) : big(qty).negate();
        quote = quote.add(side == Side.BUY ? notional.negate() : notional);
        base = base.add(signedQty);
        net = net.add(signedQty);
        if (feeInBase) {
          base = base.subtract(big(fee));
        } else {
          quote = quote.subtract(big(fee));
        }
      } else {
        mark = price;
      }
      Price m = mark;
      assertThat(big(ledger.balance(USDT))).isEqualByComparingTo(quote);
      assertThat(big(ledger.balance(inst.baseAsset()))).isEqualByComparingTo(base);
      assertThat(big(ledger.position(inst.symbol()).orElseThrow().signedQuantity()))
          .isEqualByComparingTo(net);
      assertThat(big(ledger.equity(USDT, sym -> m)))
          .isEqualByComparingTo(quote.add(base.multiply(big(m))));
    }
  }

  /**
   * (b) A round trip at one price (any mix of adds and partial closes, then a final close) leaves
   * balance = initial - fees exactly and realises zero.
   */
  @Property(tries = 300)
  void roundTripAtOnePriceCostsExactlyTheFees(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = -5_000, max = 5_000) Integer> moves,
      @ForAll @IntRange(min = 1, max = 10_000_000) int priceTicks,
      @ForAll @IntRange(min = 0, max = 100_000) int feeUnits) {
    Instrument inst = Fixtures.BTC_PERP;
    Ledger ledger = new Ledger(PositionMode.ONE_WAY, 8, List.of(inst));
    Money initial = Fixtures.usdt("1000");
    ledger.deposit(initial);
    Price price = Price.of(priceTicks * inst.tickSize().units(), inst.priceScale());
    Money fee = Money.of(USDT, feeUnits, 8);
    long net = 0;
    int fills = 0;
    for (int move : moves) {
      if (move == 0) {
        continue;
      }
      apply(ledger, inst, move > 0 ? Side.BUY : Side.SELL, price, Math.abs(move), fee);
      net += move;
      fills++;
    }
    if (net != 0) {
      apply(ledger, inst, net > 0 ? Side.SELL : Side.BUY, price, Math.abs(net), fee);
      fills++;
    }
    assertThat(ledger.position(inst.symbol()).orElseThrow().isFlat()).isTrue();
    assertThat(ledger.realisedPnl(USDT).signum()).isZero();
    Money totalFees = Money.of(USDT, (long) feeUnits * fills, 8);
    assertThat(ledger.fees(USDT)).isEqualByComparingTo(totalFees);
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(initial.minus(totalFees));
  }

  /**
   * (c) The position's signed quantity is the signed sum of the fill quantities, and the cost basis
   * keeps the position's sign (checked by the {@link Position} constructor on every step).
   */
  @Property(tries = 300)
  void positionQuantityIsTheSignedSumOfFills(@ForAll("histories") List<Step> history) {
    Model m = new Model(PositionMode.ONE_WAY);
    for (Step s : history) {
      m.apply(s);
    }
    for (Instrument i : PERPS) {
      Position p = m.ledger.position(i.symbol()).orElseThrow();
      assertThat(big(p.signedQuantity())).isEqualByComparingTo(m.net.get(i.symbol()));
      assertThat(p.isFlat()).isEqualTo(m.net.get(i.symbol()).signum() == 0);
      assertThat(p.costBasis().signum()).isEqualTo(p.direction());
    }
  }

  /** (d) A rejected input, of any kind, leaves the snapshot unchanged. */
  @Property(tries = 300)
  void rejectedInputLeavesTheSnapshotUnchanged(
      @ForAll("histories") List<Step> history, @ForAll @IntRange(min = 0, max = 6) int badKind) {
    Model m = new Model(PositionMode.ONE_WAY);
    for (Step s : history) {
      m.apply(s);
    }
    AccountSnapshot before = m.ledger.snapshot();
    Ledger ledger = m.ledger;
    Instrument btc = Fixtures.BTC_PERP;
    Money fee = Fixtures.usdt("0.01");
    Runnable bad;
    switch (badKind) {
      case 0: // off the tick grid
        bad = () -> ledger.apply(Fixtures.fill(btc, Side.BUY, "30000.05", "0.001", fee));
        break;
      case 1: // off the step grid
        bad = () -> ledger.apply(Fixtures.fill(btc, Side.SELL, "30000.0", "0.0015", fee));
        break;
      case 2: // unknown instrument
        bad =
            () -> ledger.apply(Fixtures.fill(Fixtures.ETH_PERP, Side.BUY, "3000.00", "0.001", fee));
        break;
      case 3: // wrong position side for one-way mode
        bad =
            () ->
                ledger.apply(
                    Fixtures.fill(btc, Side.BUY, "30000.0", "0.001", fee, PositionSide.SHORT));
        break;
      case 4: // withdrawal beyond the balance
        bad = () -> ledger.withdraw(ledger.balance(USDT).plus(Fixtures.usdt("0.00000001")));
        break;
      case 5: // notional overflow
        bad =
            () ->
                ledger.apply(
                    Fixtures.fill(btc, Side.BUY, "90000000000000.0", "900000000.000", fee));
        break;
      default: // funding for an unknown symbol
        bad =
            () ->
                ledger.apply(
                    new FundingPayment(
                        Symbol.of("NOPEUSDT"), 0, Decimal.parse("0.0001"), Price.parse("1")));
    }
    assertThatThrownBy(bad::run)
        .isInstanceOfAny(IllegalArgumentException.class, ArithmeticException.class);
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  private static void apply(
      Ledger ledger, Instrument inst, Side side, Price price, long steps, Money fee) {
    Quantity qty = Quantity.of(steps * inst.stepSize().units(), inst.quantityScale());
    ledger.apply(
        Fill.of(inst.symbol(), side, price, qty, fee, Liquidity.TAKER, TradeId.of("r"), 0));
  }

  private static BigDecimal big(Fixed x) {
    return BigDecimal.valueOf(x.units(), x.scale());
  }
}
