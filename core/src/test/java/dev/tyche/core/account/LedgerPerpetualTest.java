package dev.tyche.core.account;

import static dev.tyche.core.account.Fixtures.BNB;
import static dev.tyche.core.account.Fixtures.BNB_SPOT;
import static dev.tyche.core.account.Fixtures.BTCUSDT;
import static dev.tyche.core.account.Fixtures.BTC_PERP;
import static dev.tyche.core.account.Fixtures.ETH_PERP;
import static dev.tyche.core.account.Fixtures.USDT;
import static dev.tyche.core.account.Fixtures.fill;
import static dev.tyche.core.account.Fixtures.money;
import static dev.tyche.core.account.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.Side;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerPerpetualTest {

  private static final Price MARK_31500 = Price.parse("31500.0");

  private final Ledger ledger = new Ledger(PositionMode.ONE_WAY, 8, List.of(BTC_PERP, ETH_PERP));

  private Position btc() {
    return ledger.position(BTCUSDT).orElseThrow();
  }

  /**
   * The worked example of the brief, every number computed by hand below. Taker fee 0.04 % of the
   * notional, charged in USDT.
   */
  @Test
  void workedExampleOpenAddFlipFundAndClose() {
    ledger.deposit(usdt("1000"));

    // 1. BUY 0.010 @ 30000.0: notional 300.00; fee 300 * 0.0004 = 0.12. Long 0.010, C = 300.
    Money r1 = ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.010", usdt("0.12")));
    assertThat(r1).isEqualByComparingTo(usdt("0"));
    assertThat(btc().signedQuantity()).isEqualByComparingTo(Decimal.parse("0.010"));
    assertThat(btc().costBasis()).isEqualTo(Decimal.parse("300.00000"));
    // Balance 1000 - 0.12.
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("999.88"));

    // 2. BUY 0.005 @ 31000.0: notional 155; fee 155 * 0.0004 = 0.062. Long 0.015, C = 455.
    ledger.apply(fill(BTC_PERP, Side.BUY, "31000.0", "0.005", usdt("0.062")));
    assertThat(btc().size()).isEqualTo(BTC_PERP.parseQuantity("0.015"));
    assertThat(btc().direction()).isEqualTo(1);
    assertThat(btc().costBasis()).isEqualTo(Decimal.parse("455.00000"));
    // Average entry 455 / 0.015 = 30333.333..., not a finite decimal: 30333.33 half-even.
    assertThat(btc().averageEntryPrice(RoundingMode.HALF_EVEN)).contains(Price.parse("30333.33"));
    assertThat(btc().averageEntryPrice(RoundingMode.CEILING)).contains(Price.parse("30333.34"));
    assertThat(btc().averageEntryPrice()).isCloseTo(30333.333333, within(1e-6));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("999.818"));
    // Unrealised at 31500: 0.015 * 31500 - 455 = 472.5 - 455 = 17.5.
    assertThat(btc().unrealisedPnl(MARK_31500)).isEqualByComparingTo(usdt("17.5"));

    // 3. Funding +0.0001 at mark 31500.0 while long 0.015: -0.015 * 31500 * 0.0001 = -0.04725.
    Money f1 = ledger.apply(fund("0.0001", "31500.0"));
    assertThat(f1).isEqualTo(usdt("-0.04725000"));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("999.77075"));
    assertThat(btc().funding()).isEqualByComparingTo(usdt("-0.04725"));

    // 4. SELL 0.020 @ 32000.0: notional 640; fee 640 * 0.0004 = 0.256.
    //    Closes 0.015: realised 0.015 * 32000 - 455 = 480 - 455 = 25.
    //    Opens 0.005 short at 32000: C = -0.005 * 32000 = -160.
    Money r3 = ledger.apply(fill(BTC_PERP, Side.SELL, "32000.0", "0.020", usdt("0.256")));
    assertThat(r3).isEqualByComparingTo(usdt("25"));
    assertThat(btc().signedQuantity()).isEqualByComparingTo(Decimal.parse("-0.005"));
    assertThat(btc().direction()).isEqualTo(-1);
    assertThat(btc().costBasis()).isEqualTo(Decimal.parse("-160.00000"));
    assertThat(btc().averageEntryPrice(RoundingMode.UNNECESSARY)).contains(Price.parse("32000.00"));
    assertThat(btc().realisedPnl()).isEqualByComparingTo(usdt("25"));
    // Fees 0.12 + 0.062 + 0.256 = 0.438.
    assertThat(btc().fee(USDT)).isEqualByComparingTo(usdt("0.438"));
    assertThat(btc().fee(BNB)).isEqualByComparingTo(money(BNB, "0"));
    // Balance 999.77075 + 25 - 0.256 = 1024.51475.
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("1024.51475"));
    // Unrealised at 31500: -0.005 * 31500 + 160 = 2.5; notional 0.005 * 31500 = 157.5.
    assertThat(btc().unrealisedPnl(MARK_31500)).isEqualByComparingTo(usdt("2.5"));
    assertThat(btc().notional(MARK_31500)).isEqualByComparingTo(usdt("157.5"));
    // Equity 1024.51475 + 2.5 = 1027.01475, which is also
    // deposits - fees + funding + sum(-sign p q) + Q * mark
    //   = 1000 - 0.438 - 0.04725 + (-300 - 155 + 640) + (-0.005 * 31500) = 1027.01475.
    assertThat(ledger.equity(USDT, s -> MARK_31500)).isEqualByComparingTo(usdt("1027.01475"));
    assertThat(ledger.unrealisedPnl(USDT, s -> MARK_31500)).isEqualByComparingTo(usdt("2.5"));

    // 5. Funding +0.0001 at 31500.0 while short 0.005: -(-0.005) * 31500 * 0.0001 = +0.01575.
    assertThat(ledger.apply(fund("0.0001", "31500.0"))).isEqualTo(usdt("0.01575000"));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("1024.5305"));

    // 6. BUY 0.005 @ 31000.0 closes the short: realised -0.005 * 31000 - (-160) = 5;
    //    fee 155 * 0.0004 = 0.062. Balance 1024.5305 + 5 - 0.062 = 1029.4685.
    assertThat(ledger.apply(fill(BTC_PERP, Side.BUY, "31000.0", "0.005", usdt("0.062"))))
        .isEqualByComparingTo(usdt("5"));
    assertThat(btc().isFlat()).isTrue();
    assertThat(btc().costBasis().signum()).isZero();
    assertThat(btc().averageEntryPrice(RoundingMode.HALF_EVEN)).isEmpty();
    assertThat(btc().averageEntryPrice()).isNaN();
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("1029.4685"));
    // Totals: realised 25 + 5, fees 0.5, funding -0.04725 + 0.01575 = -0.0315.
    assertThat(ledger.realisedPnl(USDT)).isEqualByComparingTo(usdt("30"));
    assertThat(ledger.fees(USDT)).isEqualByComparingTo(usdt("0.5"));
    assertThat(ledger.funding(USDT)).isEqualByComparingTo(usdt("-0.0315"));
    assertThat(ledger.netDeposits(USDT)).isEqualByComparingTo(usdt("1000"));
    assertThat(ledger.fillCount()).isEqualTo(4);
    // Flat: equity = balance, needing no mark at all.
    assertThat(ledger.equity(USDT, s -> null)).isEqualByComparingTo(usdt("1029.4685"));
  }

  /**
   * C = 0.001 * 100.00 + 0.002 * 100.10 = 0.30020 for 0.003. Selling 0.001 releases 0.30020 / 3 =
   * 0.100066..., rounded half-even to the notional scale (5): 0.10007, leaving C = 0.20013; the
   * second sale releases exactly that rest. Total realised 0.303 - 0.3002 = 0.0028 exactly.
   */
  @Test
  void partialCloseRoundsTheReleasedCostAndCarriesTheRemainder() {
    Money noFee = usdt("0");
    ledger.apply(fill(ETH_PERP, Side.BUY, "100.00", "0.001", noFee));
    ledger.apply(fill(ETH_PERP, Side.BUY, "100.10", "0.002", noFee));
    Position eth = ledger.position(ETH_PERP.symbol()).orElseThrow();
    assertThat(eth.costBasis()).isEqualTo(Decimal.parse("0.30020"));

    // Realised 0.001 * 101.00 - 0.10007 = 0.10100 - 0.10007 = 0.00093.
    Money r1 = ledger.apply(fill(ETH_PERP, Side.SELL, "101.00", "0.001", noFee));
    assertThat(r1).isEqualTo(usdt("0.00093"));
    eth = ledger.position(ETH_PERP.symbol()).orElseThrow();
    assertThat(eth.costBasis()).isEqualTo(Decimal.parse("0.20013"));

    // Realised 0.002 * 101.00 - 0.20013 = 0.20200 - 0.20013 = 0.00187.
    Money r2 = ledger.apply(fill(ETH_PERP, Side.SELL, "101.00", "0.002", noFee));
    assertThat(r2).isEqualTo(usdt("0.00187"));
    assertThat(ledger.realisedPnl(USDT)).isEqualByComparingTo(usdt("0.0028"));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("0.0028"));
  }

  @Test
  void fundingRoundsHalfEvenToTheFundingScale() {
    // -0.001 * 30000.0 * 0.00000003 = -0.0000009; at 6 decimals that is -0.000001 (half-even of
    // -0.9 units), and at the default 8 it is exact.
    Ledger coarse = new Ledger(PositionMode.ONE_WAY, 6, List.of(BTC_PERP));
    coarse.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.001", usdt("0")));
    assertThat(coarse.apply(fund("0.00000003", "30000.0"))).isEqualTo(usdt("-0.000001"));
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.001", usdt("0")));
    assertThat(ledger.apply(fund("0.00000003", "30000.0"))).isEqualTo(usdt("-0.00000090"));
    // A tie: -0.001 * 25000.0 * 0.00000002 = -0.0000005 -> -0.000000 at 6 decimals (even).
    assertThat(coarse.apply(fund("0.00000002", "25000.0"))).isEqualTo(usdt("0.000000"));
    assertThat(coarse.balance(USDT)).isEqualByComparingTo(usdt("-0.000001"));
  }

  @Test
  void fundingOnAFlatOrUntradedSymbolPaysNothing() {
    assertThat(ledger.apply(fund("0.0001", "30000.0"))).isEqualTo(usdt("0.00000000"));
    assertThat(ledger.snapshot().balances()).isEmpty();
    assertThat(ledger.funding(USDT)).isEqualByComparingTo(usdt("0"));
  }

  @Test
  void feesInAnotherAssetAreDebitedThereAndNeedAConverterForEquity() {
    ledger.deposit(usdt("100"));
    ledger.deposit(money(BNB, "1"));
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.001", money(BNB, "0.0001")));
    assertThat(ledger.balance(BNB)).isEqualByComparingTo(money(BNB, "0.9999"));
    assertThat(ledger.fees(BNB)).isEqualByComparingTo(money(BNB, "0.0001"));
    assertThatThrownBy(() -> ledger.equity(USDT, s -> Price.parse("30000.0")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BNB")
        .hasMessageContaining("register a SPOT instrument");
    ledger.register(BNB_SPOT);
    // 100 + 0.001 * (30100 - 30000) + 0.9999 * 300.0 = 100 + 0.1 + 299.97 = 400.07.
    Money equity =
        ledger.equity(USDT, s -> s.equals(BTCUSDT) ? Price.parse("30100.0") : Price.parse("300.0"));
    assertThat(equity).isEqualByComparingTo(usdt("400.07"));
    assertThatThrownBy(() -> ledger.equity(USDT, s -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no mark price for BTCUSDT");
  }

  @Test
  void rebatesCreditTheBalance() {
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.010", usdt("-0.015")));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("0.015"));
    assertThat(ledger.fees(USDT)).isEqualByComparingTo(usdt("-0.015"));
  }

  @Test
  void pricesAndQuantitiesAreHeldAtTheInstrumentScales() {
    // 30000.10000 is on the 0.10 grid but written with 5 decimals; it is held at 2.
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.10000", "0.0100", usdt("0")));
    assertThat(btc().costBasis()).isEqualTo(Decimal.parse("300.00100"));
    assertThat(btc().size()).isEqualTo(BTC_PERP.parseQuantity("0.010"));
  }

  @Test
  void rejectsBadFillsAndLeavesTheLedgerUnchanged() {
    ledger.deposit(usdt("1000"));
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.010", usdt("0.12")));
    AccountSnapshot before = ledger.snapshot();

    assertRejected(
        () -> ledger.apply(fill(BTC_PERP, Side.BUY, "30000.05", "0.010", usdt("0"))),
        "price 30000.05 is off the tick grid 0.10 of BTCUSDT",
        before);
    assertRejected(
        () -> ledger.apply(fill(BTC_PERP, Side.SELL, "30000.0", "0.0105", usdt("0"))),
        "quantity 0.0105 is off the step grid 0.001 of BTCUSDT",
        before);
    assertRejected(
        () -> ledger.apply(fill(BNB_SPOT, Side.BUY, "300.0", "0.010", usdt("0"))),
        "unknown instrument BNBUSDT",
        before);
    assertRejected(
        () ->
            ledger.apply(
                fill(BTC_PERP, Side.BUY, "30000.0", "0.010", usdt("0"), PositionSide.LONG)),
        "positionSide must be BOTH for a fill of ONE_WAY position mode but was LONG",
        before);
    assertRejected(
        () -> ledger.apply(new FundingPayment(BNB_SPOT.symbol(), 0, Decimal.ZERO, MARK_31500)),
        "unknown instrument BNBUSDT",
        before);
    assertRejected(
        () -> ledger.withdraw(usdt("999.89")),
        "WITHDRAWAL of 999.89 USDT exceeds the balance 999.88000 USDT",
        before);
    // Overflow of the notional is an ArithmeticException, and it, too, changes nothing.
    assertThatThrownBy(
            () ->
                ledger.apply(
                    fill(BTC_PERP, Side.SELL, "90000000000000.0", "900000.000", usdt("0"))))
        .isInstanceOf(ArithmeticException.class);
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsFundingForSpot() {
    Ledger spot = new Ledger(PositionMode.ONE_WAY, 8, List.of(BNB_SPOT));
    assertThatThrownBy(
            () -> spot.apply(new FundingPayment(BNB_SPOT.symbol(), 0, Decimal.ZERO, MARK_31500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("funding applies to PERPETUAL instruments only but BNBUSDT is SPOT");
    Position flat = Position.flat(BNB_SPOT, PositionSide.BOTH);
    assertThatThrownBy(() -> flat.fundingPayment(Decimal.ZERO, MARK_31500, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PERPETUAL");
  }

  @Test
  void registrationRules() {
    ledger.register(BTC_PERP); // the same again: no-op
    assertThat(ledger.instrument(BTCUSDT)).contains(BTC_PERP);
    assertThat(ledger.instrument(BNB_SPOT.symbol())).isEmpty();
    assertThat(ledger.position(BNB_SPOT.symbol())).isEmpty();
    assertThat(ledger.position(BTCUSDT)).contains(Position.flat(BTC_PERP, PositionSide.BOTH));
    assertThatThrownBy(() -> ledger.register(Fixtures.BTC_SPOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered");
    assertThatThrownBy(
            () ->
                ledger.register(
                    dev.tyche.core.instrument.Instrument.builder(dev.tyche.core.id.Symbol.of("X"))
                        .assets(Fixtures.BTC, USDT)
                        .marginAsset(dev.tyche.core.id.Asset.of("BUSD"))
                        .tickSize("0.1")
                        .stepSize("0.001")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linear perpetual");
    assertThatThrownBy(
            () ->
                ledger.register(
                    dev.tyche.core.instrument.Instrument.builder(dev.tyche.core.id.Symbol.of("Y"))
                        .assets(Fixtures.BTC, USDT)
                        .tickSize("0.0000000001")
                        .stepSize("0.000000001")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be <= 18 but was 19");
    assertThatThrownBy(() -> new Ledger(PositionMode.ONE_WAY, 19, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fundingScale must be in [0, 18] but was 19");
    assertThatThrownBy(() -> new Ledger(PositionMode.ONE_WAY, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Ledger(PositionMode.HEDGE).fundingScale())
        .isEqualTo(Ledger.DEFAULT_FUNDING_SCALE);
  }

  @Test
  void cashFlowsMoveBalanceAndNetDeposits() {
    ledger.apply(new CashFlow(CashFlow.Kind.TRANSFER_IN, usdt("50"), 10));
    ledger.apply(new CashFlow(CashFlow.Kind.TRANSFER_OUT, usdt("20"), 11));
    ledger.apply(CashFlow.deposit(usdt("5"), 12));
    ledger.apply(CashFlow.withdrawal(usdt("35"), 13));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("0"));
    assertThat(ledger.netDeposits(USDT)).isEqualByComparingTo(usdt("0"));
    assertThat(ledger.snapshot().balance(USDT)).isEqualByComparingTo(usdt("0"));
    assertThat(ledger.snapshot().balance(BNB)).isEqualByComparingTo(money(BNB, "0"));
  }

  @Test
  void snapshotsDoNotChangeWithTheLedger() {
    ledger.deposit(usdt("10"));
    AccountSnapshot first = ledger.snapshot();
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.001", usdt("0.012")));
    assertThat(first.balance(USDT)).isEqualByComparingTo(usdt("10"));
    assertThat(first.positions()).isEmpty();
    AccountSnapshot second = ledger.snapshot();
    assertThat(second.position(BTCUSDT, PositionSide.BOTH)).contains(btc());
    assertThat(second.position(BTCUSDT, PositionSide.LONG)).isEmpty();
    assertThat(second.fillCount()).isEqualTo(1);
    assertThat(second.positionMode()).isEqualTo(PositionMode.ONE_WAY);
    assertThat(ledger.positions()).containsExactly(btc());
  }

  private void assertRejected(Runnable action, String message, AccountSnapshot before) {
    assertThatThrownBy(action::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  private static FundingPayment fund(String rate, String mark) {
    return new FundingPayment(BTCUSDT, 1_700_000_000_000L, Decimal.parse(rate), Price.parse(mark));
  }
}
