package dev.tyche.core.account;

import static dev.tyche.core.account.Fixtures.BTC;
import static dev.tyche.core.account.Fixtures.BTCUSDT;
import static dev.tyche.core.account.Fixtures.BTC_PERP;
import static dev.tyche.core.account.Fixtures.USDT;
import static dev.tyche.core.account.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InputsAndPositionTest {

  private static final Price P = Price.parse("30000.0");
  private static final Quantity Q = Quantity.parse("0.010");

  @Test
  void fillRejectsZeroQuantityNegativeTimeAndNulls() {
    assertThatThrownBy(() -> fill(Quantity.parse("0.000"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity must be > 0 but was 0.000");
    assertThatThrownBy(() -> fill(Q, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventTime must be >= 0 ms since the epoch but was -1");
    assertThatThrownBy(
            () ->
                new Fill(
                    null,
                    Side.BUY,
                    P,
                    Q,
                    usdt("0"),
                    Liquidity.MAKER,
                    TradeId.of("1"),
                    Optional.empty(),
                    0,
                    PositionSide.BOTH))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("symbol");
    assertThatThrownBy(
            () ->
                new Fill(
                    BTCUSDT,
                    Side.BUY,
                    P,
                    Q,
                    usdt("0"),
                    Liquidity.MAKER,
                    TradeId.of("1"),
                    null,
                    0,
                    PositionSide.BOTH))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clientOrderId");
  }

  @Test
  void fillCopies() {
    Fill f = fill(Q, 5);
    assertThat(f.positionSide()).isEqualTo(PositionSide.BOTH);
    assertThat(f.withPositionSide(PositionSide.LONG).positionSide()).isEqualTo(PositionSide.LONG);
    assertThat(f.withClientOrderId(ClientOrderId.of("c-1")).clientOrderId())
        .contains(ClientOrderId.of("c-1"));
    assertThat(f.withClientOrderId(ClientOrderId.of("c-1")).tradeId()).isEqualTo(f.tradeId());
  }

  @Test
  void fundingAndCashFlowValidate() {
    assertThatThrownBy(() -> new FundingPayment(BTCUSDT, -5, Decimal.ZERO, P))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fundingTime must be >= 0 ms since the epoch but was -5");
    assertThatThrownBy(() -> new FundingPayment(BTCUSDT, 0, null, P))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("rate");
    assertThatThrownBy(() -> CashFlow.deposit(usdt("0"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "amount must be > 0 (the kind DEPOSIT gives the sign) but was 0 USDT");
    assertThatThrownBy(() -> CashFlow.withdrawal(usdt("-1"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was -1 USDT");
    assertThatThrownBy(() -> CashFlow.deposit(usdt("1"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventTime");
    assertThat(CashFlow.withdrawal(usdt("2"), 0).signedAmount()).isEqualTo(usdt("-2"));
    assertThat(new CashFlow(CashFlow.Kind.TRANSFER_IN, usdt("2"), 0).signedAmount())
        .isEqualTo(usdt("2"));
    assertThat(CashFlow.Kind.TRANSFER_OUT.sign()).isEqualTo(-1);
    Ledger ledger = new Ledger(PositionMode.ONE_WAY);
    assertThatThrownBy(() -> ledger.deposit(usdt("-3")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.snapshot().balances()).isEmpty();
  }

  @Test
  void positionConstructorEnforcesItsInvariants() {
    Money zero5 = Money.zero(USDT, 5);
    Money zero0 = Money.zero(USDT, 0);
    Decimal c = Decimal.parse("300.00000");
    assertThat(new Position(BTC_PERP, PositionSide.BOTH, 10, c, zero5, zero0, Map.of()).size())
        .isEqualTo(Q);
    assertThatThrownBy(
            () ->
                new Position(
                    BTC_PERP,
                    PositionSide.BOTH,
                    10,
                    Decimal.parse("300.0"),
                    zero5,
                    zero0,
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("costBasis scale must be priceScale + quantityScale = 5 but was 1");
    assertThatThrownBy(
            () -> new Position(BTC_PERP, PositionSide.BOTH, -10, c, zero5, zero0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have the sign of the quantity (-1)");
    assertThatThrownBy(
            () ->
                new Position(BTC_PERP, PositionSide.LONG, -10, c.negate(), zero5, zero0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LONG position of BTCUSDT must not have signedUnits -10");
    assertThatThrownBy(
            () -> new Position(BTC_PERP, PositionSide.SHORT, 10, c, zero5, zero0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHORT position");
    assertThatThrownBy(
            () ->
                new Position(
                    BTC_PERP, PositionSide.BOTH, 10, c, Money.zero(BTC, 5), zero0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("realisedPnl must be in USDT");
    assertThatThrownBy(
            () ->
                new Position(
                    BTC_PERP, PositionSide.BOTH, 10, c, zero5, Money.zero(BTC, 0), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("funding must be in USDT");
    assertThatThrownBy(
            () ->
                new Position(
                    BTC_PERP, PositionSide.BOTH, 10, c, zero5, zero0, Map.of(BTC, usdt("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fees entry BTC must hold an amount of that asset");
  }

  @Test
  void afterFillRejectsZeroQuantityAndOffGridValues() {
    Position flat = Position.flat(BTC_PERP, PositionSide.BOTH);
    assertThatThrownBy(() -> flat.afterFill(Side.BUY, P, Quantity.zero(3), usdt("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity must be > 0");
    assertThatThrownBy(() -> flat.afterFill(Side.BUY, Price.parse("1.01"), Q, usdt("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("off the tick grid");
    Position p = flat.afterFill(Side.SELL, P, Q, usdt("0.12"));
    assertThat(p.afterFunding(usdt("0.5")).funding()).isEqualByComparingTo(usdt("0.5"));
    assertThat(p.unrealisedPnl(Price.parse("29000.0"))).isEqualByComparingTo(usdt("10"));
    assertThat(p.symbol()).isEqualTo(BTCUSDT);
  }

  @Test
  void snapshotValidates() {
    assertThatThrownBy(
            () ->
                new AccountSnapshot(
                    PositionMode.ONE_WAY,
                    Map.of(),
                    List.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fillCount must be >= 0 but was -1");
  }

  /** The 64-bit and the 128-bit paths of mulDivHalfEven agree with BigDecimal half-even. */
  @Property(tries = 2000)
  void mulDivHalfEvenMatchesBigDecimal(
      @ForAll @LongRange(min = -4_000_000_000_000_000L, max = 4_000_000_000_000_000L) long a,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long b,
      @ForAll @LongRange(min = 1, max = 4_000_000_000L) long c) {
    long expected =
        new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
            .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN)
            .longValue();
    // Only compare where the exact quotient fits in a long (b <= c guarantees that).
    if (b <= c) {
      assertThat(ExactMath.mulDivHalfEven(a, b, c)).isEqualTo(expected);
    }
  }

  @Test
  void mulDivHalfEvenTies() {
    assertThat(ExactMath.mulDivHalfEven(5, 1, 2)).isEqualTo(2); // 2.5 -> 2
    assertThat(ExactMath.mulDivHalfEven(7, 1, 2)).isEqualTo(4); // 3.5 -> 4
    assertThat(ExactMath.mulDivHalfEven(-5, 1, 2)).isEqualTo(-2);
    assertThat(ExactMath.mulDivHalfEven(-7, 1, 2)).isEqualTo(-4);
    assertThat(ExactMath.mulDivHalfEven(-8, 1, 3)).isEqualTo(-3); // -2.67 -> -3
    assertThat(ExactMath.mulDivHalfEven(Long.MAX_VALUE, 3, 4))
        .isEqualTo(
            new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(3)))
                .divide(BigDecimal.valueOf(4), 0, RoundingMode.HALF_EVEN)
                .longValueExact());
  }

  private static Fill fill(Quantity q, long time) {
    return Fill.of(BTCUSDT, Side.BUY, P, q, usdt("0"), Liquidity.MAKER, TradeId.of("x"), time);
  }
}
