package dev.tyche.execution.engine;

import static dev.tyche.execution.engine.Fixture.BTC;
import static dev.tyche.execution.engine.Fixture.SYM;
import static dev.tyche.execution.engine.Fixture.bar;
import static dev.tyche.execution.engine.Fixture.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.execution.journal.FileJournal;
import dev.tyche.execution.journal.InMemoryJournal;
import dev.tyche.execution.journal.Journal;
import dev.tyche.execution.order.OrderSnapshot;
import dev.tyche.execution.order.OrderState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run, crash (drop the engine without stopping it), restart from the journal: same state. */
class RestartFromJournalTest {

  /** Trades on several bars: market buys, a resting limit, a cancelled limit, a partial fill. */
  static final class Busy extends Fixture.Recording {
    ClientOrderId resting;

    @Override
    public void onBar(Bar bar) {
      super.onBar(bar);
      switch (bars) {
        case 1:
          ctx.submit(SubmitOrder.market(ctx.nextClientOrderId(), SYM, Side.BUY, qty("0.020")));
          break;
        case 2:
          resting = ctx.nextClientOrderId();
          ctx.submit(
              SubmitOrder.limit(
                  resting, SYM, Side.BUY, qty("0.010"), Price.parse("29000.00"), TimeInForce.GTC));
          ClientOrderId c = ctx.nextClientOrderId();
          ctx.submit(
              SubmitOrder.limit(
                  c, SYM, Side.SELL, qty("0.010"), Price.parse("31000.00"), TimeInForce.GTC));
          ctx.cancel(c, SYM);
          break;
        case 3:
          ctx.submit(SubmitOrder.market(ctx.nextClientOrderId(), SYM, Side.SELL, qty("0.005")));
          break;
        default:
          break;
      }
    }
  }

  private static void crashAndRestart(
      Journal journal, java.util.function.Supplier<Journal> reopen) {
    Fixture f = new Fixture();
    Busy s = new Busy();
    TradingEngine before = f.engine(s, journal);
    before.start();
    before.process(bar(0, "30000.00"));
    before.process(bar(1, "30100.00"));
    before.process(bar(2, "30200.00"));
    before.process(
        new FundingRate(
            SYM,
            Fixture.T0 + 3 * 60_000L,
            Decimal.parse("0.0001"),
            Optional.of(Price.parse("30200.00"))));
    List<OrderSnapshot> orders = before.orders().snapshots();
    AccountSnapshot account = before.ledger().snapshot();
    assertThat(orders)
        .extracting(OrderSnapshot::state)
        .contains(OrderState.FILLED, OrderState.ACCEPTED, OrderState.CANCELLED);
    // crash: the engine object is dropped without stop(); only the journal survives, and the
    // venue (which keeps its orders) loses its connection to the dead process.
    f.venue.close();

    Ledger empty = new Ledger(PositionMode.ONE_WAY);
    Fixture.Recording s2 = new Fixture.Recording();
    InMemoryEventLog log2 = new InMemoryEventLog();
    TradingEngine after =
        TradingEngine.builder()
            .clock(f.clock)
            .executionClient(f.venue)
            .venueFeed(f.venue)
            .ledger(empty)
            .instruments(BTC)
            .riskGate(RiskGate.of(Asset.USDT))
            .journal(reopen.get())
            .eventLog(log2)
            .strategy(Fixture.S1, s2)
            .build();
    after.start();
    assertThat(after.orders().snapshots()).isEqualTo(orders);
    assertThat(after.ledger().snapshot()).isEqualTo(account);
    // Reconciliation: the one working order's status was requested and the answer changes nothing.
    assertThat(f.venue.statusRequests()).containsExactly(s.resting);
    after.runUntilIdle();
    assertThat(log2.entries(LogEntry.Kind.DUPLICATE)).hasSize(1);
    assertThat(after.orders().snapshots()).isEqualTo(orders);
    // Ids continue after the journaled ones: a restarted strategy never reuses one.
    assertThat(s2.ctx.nextClientOrderId()).isEqualTo(ClientOrderId.of("s1-5"));
    // The restored funding time is not settled again.
    after.process(
        new FundingRate(
            SYM,
            Fixture.T0 + 3 * 60_000L,
            Decimal.parse("0.0001"),
            Optional.of(Price.parse("30200.00"))));
    assertThat(after.ledger().funding(Asset.USDT)).isEqualTo(account.funding().get(Asset.USDT));
    // The restored resting order still fills, exactly once, into the restored ledger.
    after.process(bar(4, "29000.00"));
    assertThat(after.orders().state(s.resting)).contains(OrderState.FILLED);
    assertThat(after.ledger().fillCount()).isEqualTo(account.fillCount() + 1);
  }

  @Test
  void inMemoryJournal() {
    InMemoryJournal j = new InMemoryJournal();
    crashAndRestart(j, () -> j);
  }

  @Test
  void fileJournal(@TempDir Path dir) {
    Path file = dir.resolve("e.journal");
    FileJournal first = FileJournal.open(file, false);
    crashAndRestart(first, () -> FileJournal.open(file, false));
  }

  @Test
  void restartNeedsAnEmptyLedger() {
    InMemoryJournal j = new InMemoryJournal();
    Fixture f = new Fixture();
    f.engine(new Fixture.Recording(), j).start();
    Fixture g = new Fixture(); // its ledger already holds a deposit
    TradingEngine e = g.engine(new Fixture.Recording(), j);
    assertThatThrownBy(e::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("empty ledger");
  }
}
