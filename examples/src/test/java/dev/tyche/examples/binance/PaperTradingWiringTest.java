package dev.tyche.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.time.SimulatedClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The paper-trading wiring and demo strategy, replayed offline on a simulated clock with made-up
 * quotes; the example's main (which needs the network) is never run by tests.
 */
class PaperTradingWiringTest {

  private static final long T0 = 1_700_000_000_000L;

  private static Instrument btc() {
    return Instrument.builder(PaperTradingExample.SYMBOL)
        .assets(Asset.of("BTC"), Asset.USDT)
        .tickSize("0.10")
        .stepSize("0.001")
        .quantityBounds("0.001", "1000")
        .minNotional("100")
        .build();
  }

  private static Quote quote(String bid, String ask, long id, long time) {
    return new Quote(
        PaperTradingExample.SYMBOL,
        Price.parse(bid),
        Quantity.parse("5.000"),
        Price.parse(ask),
        Quantity.parse("5.000"),
        id,
        time);
  }

  @Test
  void buysOnTheFirstQuoteAfterATradeSellsAfterTheHoldAndBooksTakerFees() {
    SimulatedClock clock = SimulatedClock.startingAt(T0);
    PaperTradingExample.DemoStrategy s =
        new PaperTradingExample.DemoStrategy(PaperTradingExample.SYMBOL, 150.0, 30_000);
    PaperTradingExample.Paper paper = PaperTradingExample.Paper.wire(clock, btc(), s);
    paper.engine().start();
    paper.engine().process(quote("30000.00", "30000.10", 1, T0));
    paper
        .engine()
        .process(
            new Trade(
                PaperTradingExample.SYMBOL,
                TradeId.of("1"),
                Price.parse("30000.10"),
                Quantity.parse("0.010"),
                Side.BUY,
                T0 + 5,
                T0 + 5));
    paper.engine().process(quote("30010.00", "30010.10", 2, T0 + 10_000));
    assertThat(s.fills).as("notes %s", s.notes).hasSize(1);
    // Bought at T0 + 10 s; the close is due 30 s later and acts on the next quote.
    paper.engine().advanceTo(T0 + 40_000);
    assertThat(s.fills).hasSize(1);
    paper.engine().process(quote("30100.00", "30100.10", 3, T0 + 41_000));
    paper.engine().stop();

    assertThat(s.quotes).isEqualTo(3);
    assertThat(s.trades).isEqualTo(1);
    assertThat(s.firstQuote.getCount()).isZero();
    assertThat(s.notes).isEmpty();
    assertThat(s.fills).as("notes %s", s.notes).hasSize(2);
    OrderFillEvent buy = s.fills.get(0);
    OrderFillEvent sell = s.fills.get(1);
    assertThat(buy.execution().side()).isEqualTo(Side.BUY);
    assertThat(sell.execution().side()).isEqualTo(Side.SELL);
    // ceil(150 / 30010.10 to the 0.001 step) = 0.005 BTC: the smallest size worth >= 150 USDT.
    assertThat(buy.execution().lastQuantity()).isEqualTo(Quantity.parse("0.005"));
    assertThat(sell.execution().lastQuantity()).isEqualTo(buy.execution().lastQuantity());
    // Takers pay at least the quote they cross.
    assertThat(buy.execution().lastPrice().toDouble()).isGreaterThanOrEqualTo(30010.10);
    assertThat(sell.execution().lastPrice().toDouble()).isLessThanOrEqualTo(30100.00);

    // Cash conservation: deposit + sell proceeds - buy cost - fees = balance, in both ledgers.
    double buyCost = buy.execution().lastPrice().toDouble() * 0.005;
    double sellProceeds = sell.execution().lastPrice().toDouble() * 0.005;
    double fees =
        buy.execution().fee().amount().toDouble() + sell.execution().fee().amount().toDouble();
    assertThat(fees)
        .isCloseTo(0.0005 * (buyCost + sellProceeds), org.assertj.core.data.Offset.offset(1e-6));
    double expected = 10_000 + sellProceeds - buyCost - fees;
    assertThat(paper.venue().balance(Asset.USDT).amount().toDouble())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(paper.ledger().balance(Asset.USDT)).isEqualTo(paper.venue().balance(Asset.USDT));
    assertThat(paper.venue().position(PaperTradingExample.SYMBOL).filter(p -> !p.isFlat()))
        .isEmpty();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PaperTradingExample.report(new PrintStream(bytes, true, StandardCharsets.UTF_8), paper, s, 31);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("3 quotes, 1 trades", "BUY", "SELL", "TAKER", "flat")
        .contains(paper.venue().balance(Asset.USDT).amount().toPlainString())
        .contains("not a result");
    assertThat(Money.of(Asset.USDT, Decimal.parse(PaperTradingExample.DEPOSIT)).amount().toDouble())
        .isEqualTo(10_000.0);
  }

  @Test
  void anUnresolvableHostIsReportedInsteadOfThrown() {
    assertThat(PaperTradingExample.checkNetwork(URI.create("https://tyche-no-such-host.invalid")))
        .hasValueSatisfying(
            m -> assertThat(m).contains("cannot resolve tyche-no-such-host.invalid"));
  }
}
