package dev.tyche.core.account;

import static dev.tyche.core.account.Fixtures.BNB;
import static dev.tyche.core.account.Fixtures.BNB_SPOT;
import static dev.tyche.core.account.Fixtures.BTC;
import static dev.tyche.core.account.Fixtures.BTCUSDT;
import static dev.tyche.core.account.Fixtures.BTC_PERP;
import static dev.tyche.core.account.Fixtures.BTC_SPOT;
import static dev.tyche.core.account.Fixtures.USDT;
import static dev.tyche.core.account.Fixtures.fill;
import static dev.tyche.core.account.Fixtures.money;
import static dev.tyche.core.account.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerSpotAndHedgeTest {

  /** Spot fees 0.1 %: charged in the base asset on the buy, in the quote asset on the sell. */
  @Test
  void spotBuyWithBaseFeeThenSellWithQuoteFee() {
    Ledger ledger = new Ledger(PositionMode.ONE_WAY, 8, List.of(BTC_SPOT));
    ledger.deposit(usdt("1000"));

    // BUY 0.01000 @ 30000.00: +0.01 BTC, -300 USDT; fee 0.1 % of 0.01 BTC = 0.00001 BTC.
    ledger.apply(fill(BTC_SPOT, Side.BUY, "30000.00", "0.01000", money(BTC, "0.00001")));
    assertThat(ledger.balance(BTC)).isEqualByComparingTo(money(BTC, "0.00999"));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("700"));
    Position p = ledger.position(BTCUSDT).orElseThrow();
    // The position tracks the traded quantity; the base fee lowers the balance, not the position.
    assertThat(p.signedQuantity()).isEqualByComparingTo(Decimal.parse("0.01"));
    assertThat(p.costBasis()).isEqualTo(Decimal.parse("300.0000000"));
    assertThat(p.fee(BTC)).isEqualByComparingTo(money(BTC, "0.00001"));

    // SELL 0.00999 @ 31000.00: notional 309.69; fee 0.1 % = 0.30969 USDT.
    // Released cost 300 * 0.00999 / 0.01 = 299.7 (exact); realised 309.69 - 299.7 = 9.99.
    // USDT 700 + 309.69 - 0.30969 = 1009.38031; BTC 0.
    assertThat(ledger.apply(fill(BTC_SPOT, Side.SELL, "31000.00", "0.00999", usdt("0.30969"))))
        .isEqualByComparingTo(usdt("9.99"));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("1009.38031"));
    assertThat(ledger.balance(BTC)).isEqualByComparingTo(money(BTC, "0"));
    p = ledger.position(BTCUSDT).orElseThrow();
    assertThat(p.signedQuantity()).isEqualByComparingTo(Decimal.parse("0.00001"));
    assertThat(p.costBasis()).isEqualTo(Decimal.parse("0.3000000"));
    // The spot realised PnL is reported but not credited twice: the cash legs already moved it.
    assertThat(ledger.realisedPnl(USDT)).isEqualByComparingTo(usdt("9.99"));
    assertThat(ledger.fees(BTC)).isEqualByComparingTo(money(BTC, "0.00001"));
    assertThat(ledger.fees(USDT)).isEqualByComparingTo(usdt("0.30969"));
    // Unrealised of the 0.00001 left: 0.00001 * 31000 - 0.3 = 0.01. Equity is the balances at
    // mark: 1009.38031 + 0 BTC.
    Price mark = Price.parse("31000.00");
    assertThat(ledger.unrealisedPnl(USDT, s -> mark)).isEqualByComparingTo(usdt("0.01"));
    assertThat(ledger.equity(USDT, s -> mark)).isEqualByComparingTo(usdt("1009.38031"));
  }

  @Test
  void spotEquityValuesEveryAssetAtItsSpotMark() {
    Ledger ledger = new Ledger(PositionMode.HEDGE, 8, List.of(BTC_SPOT, BNB_SPOT));
    ledger.deposit(usdt("1000"));
    ledger.deposit(money(BNB, "1"));
    // Spot fills use BOTH even in hedge mode. BUY 0.02 @ 25000.00: -500 USDT, +0.02 BTC;
    // fee 0.075 % of 500 USDT = 0.375 USDT paid as 0.375 / 250.0 = 0.0015 BNB.
    ledger.apply(fill(BTC_SPOT, Side.BUY, "25000.00", "0.02", money(BNB, "0.0015")));
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("500"));
    assertThat(ledger.balance(BNB)).isEqualByComparingTo(money(BNB, "0.9985"));
    // Equity at BTC 26000.00, BNB 250.0: 500 + 0.02 * 26000 + 0.9985 * 250 = 500 + 520 + 249.625.
    assertThat(
            ledger.equity(
                USDT, s -> s.equals(BTCUSDT) ? Price.parse("26000.00") : Price.parse("250.0")))
        .isEqualByComparingTo(usdt("1269.625"));
    assertThatThrownBy(
            () ->
                ledger.apply(
                    fill(BTC_SPOT, Side.SELL, "25000.00", "0.01", usdt("0"), PositionSide.LONG)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positionSide must be BOTH for a fill of spot instrument BTCUSDT");
    // A spot sell beyond the fills goes short in the position, as the ledger records what the
    // venue reports: 0.03 sold of 0.02 bought leaves -0.01 at 26000 (C = -260).
    ledger.apply(fill(BTC_SPOT, Side.SELL, "26000.00", "0.03", usdt("0")));
    Position p = ledger.position(BTCUSDT).orElseThrow();
    assertThat(p.signedQuantity()).isEqualByComparingTo(Decimal.parse("-0.01"));
    assertThat(p.costBasis()).isEqualByComparingTo(Decimal.parse("-260"));
    assertThat(ledger.balance(BTC)).isEqualByComparingTo(money(BTC, "-0.01"));
  }

  /** Hedge mode: a LONG and a SHORT leg on BTCUSDT at once; fees 0.04 % taker in USDT. */
  @Test
  void hedgeModeKeepsLongAndShortApart() {
    Ledger ledger = new Ledger(PositionMode.HEDGE, 8, List.of(BTC_PERP));
    ledger.deposit(usdt("1000"));

    // LONG: BUY 0.010 @ 30000.0, fee 0.12. SHORT: SELL 0.005 @ 30100.0, notional 150.5, fee 0.0602.
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.010", usdt("0.12"), PositionSide.LONG));
    ledger.apply(fill(BTC_PERP, Side.SELL, "30100.0", "0.005", usdt("0.0602"), PositionSide.SHORT));
    Position longLeg = ledger.position(BTCUSDT, PositionSide.LONG).orElseThrow();
    Position shortLeg = ledger.position(BTCUSDT, PositionSide.SHORT).orElseThrow();
    assertThat(longLeg.signedQuantity()).isEqualByComparingTo(Decimal.parse("0.010"));
    assertThat(shortLeg.signedQuantity()).isEqualByComparingTo(Decimal.parse("-0.005"));
    assertThat(shortLeg.costBasis()).isEqualTo(Decimal.parse("-150.50000"));
    assertThat(ledger.position(BTCUSDT).orElseThrow().isFlat()).isTrue();

    // Funding +0.0001 at 30000.0: long pays 0.010 * 30000 * 0.0001 = 0.03, short receives
    // 0.005 * 30000 * 0.0001 = 0.015; net -0.015.
    Money net =
        ledger.apply(
            new FundingPayment(BTCUSDT, 0, Decimal.parse("0.0001"), Price.parse("30000.0")));
    assertThat(net).isEqualByComparingTo(usdt("-0.015"));
    assertThat(ledger.position(BTCUSDT, PositionSide.LONG).orElseThrow().funding())
        .isEqualByComparingTo(usdt("-0.03"));
    assertThat(ledger.position(BTCUSDT, PositionSide.SHORT).orElseThrow().funding())
        .isEqualByComparingTo(usdt("0.015"));

    // At 30200.0: long 0.010 * 30200 - 300 = 2; short -0.005 * 30200 + 150.5 = -0.5.
    // Equity 1000 - 0.12 - 0.0602 - 0.015 + 1.5 = 1001.3048.
    assertThat(ledger.equity(USDT, s -> Price.parse("30200.0")))
        .isEqualByComparingTo(usdt("1001.3048"));

    AccountSnapshot before = ledger.snapshot();
    assertThatThrownBy(
            () ->
                ledger.apply(
                    fill(BTC_PERP, Side.BUY, "30000.0", "0.010", usdt("0"), PositionSide.SHORT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BUY 0.010 on the SHORT position of 0.005 BTCUSDT would flip it");
    assertThatThrownBy(
            () ->
                ledger.apply(
                    fill(BTC_PERP, Side.BUY, "30000.0", "0.010", usdt("0"), PositionSide.BOTH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be LONG or SHORT for a fill of HEDGE position mode");
    assertThatThrownBy(() -> ledger.setPositionMode(PositionMode.ONE_WAY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("position of BTCUSDT is open");
    assertThat(ledger.snapshot()).isEqualTo(before);

    // SELL 0.010 LONG @ 30500.0 closes the long: realised 305 - 300 = 5; fee 0.122.
    assertThat(
            ledger.apply(
                fill(BTC_PERP, Side.SELL, "30500.0", "0.010", usdt("0.122"), PositionSide.LONG)))
        .isEqualByComparingTo(usdt("5"));
    assertThat(ledger.position(BTCUSDT, PositionSide.LONG).orElseThrow().isFlat()).isTrue();
    assertThat(ledger.position(BTCUSDT, PositionSide.SHORT).orElseThrow().signedQuantity())
        .isEqualByComparingTo(Decimal.parse("-0.005"));
    // A SELL on the flat LONG leg would open it short.
    assertThatThrownBy(
            () ->
                ledger.apply(
                    fill(BTC_PERP, Side.SELL, "30000.0", "0.001", usdt("0"), PositionSide.LONG)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot open a LONG position of BTCUSDT from flat");
    // 1000 - 0.12 - 0.0602 - 0.015 + 5 - 0.122 = 1004.6828.
    assertThat(ledger.balance(USDT)).isEqualByComparingTo(usdt("1004.6828"));

    // BUY 0.005 SHORT @ 30000.0 closes the short: realised 150.5 - 150 = 0.5. Then the mode may
    // change.
    ledger.apply(fill(BTC_PERP, Side.BUY, "30000.0", "0.005", usdt("0"), PositionSide.SHORT));
    assertThat(ledger.realisedPnl(USDT)).isEqualByComparingTo(usdt("5.5"));
    ledger.setPositionMode(PositionMode.ONE_WAY);
    assertThat(ledger.positionMode()).isEqualTo(PositionMode.ONE_WAY);
    ledger.apply(fill(BTC_PERP, Side.SELL, "30000.0", "0.001", usdt("0")));
    assertThat(ledger.position(BTCUSDT).orElseThrow().direction()).isEqualTo(-1);
  }
}
