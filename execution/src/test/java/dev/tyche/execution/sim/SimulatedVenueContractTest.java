package dev.tyche.execution.sim;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.ExecutionClient;
import dev.tyche.core.port.OrderEventListener;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.testkit.ExecutionClientContract;
import java.util.List;

/**
 * The port's contract suite against the simulated venue, matching against trades. A backtest step
 * processes the venue's pending commands after each call ({@link SimulatedVenue#advance()}); the
 * adapter below does the same, which is what the runner does between events.
 */
class SimulatedVenueContractTest extends ExecutionClientContract {
  private final SimulatedClock clock = SimulatedClock.startingAt(Sim.T0);
  private SimulatedVenue venue;
  private long tradeIds;

  @Override
  protected ExecutionClient newClient() {
    venue =
        new SimulatedVenue(
            SimulatedVenueConfig.of(FillModel.trades()), clock, List.of(Sim.INSTRUMENT));
    return new SteppedVenue(venue, clock);
  }

  @Override
  protected Instrument instrument() {
    return Sim.INSTRUMENT;
  }

  @Override
  protected Price referencePrice() {
    return Price.parse("61800.00");
  }

  /**
   * Prints a sell trade one tick through {@code price}: in trade matching a resting buy whose queue
   * position is unknown fills only when the market trades through its limit (the pessimistic rule),
   * so "the market trades at the order's price" means through it here.
   */
  @Override
  protected void marketTradesAt(Price price) {
    price = price.plusTicks(-1, Sim.INSTRUMENT.tickSize());
    clock.advanceBy(1);
    venue.onMarketEvent(
        new Trade(
            Symbol.of("BTCUSDT"),
            TradeId.of(Long.toString(++tradeIds)),
            price,
            Quantity.parse("100.000"),
            Side.SELL,
            clock.currentTimeMillis(),
            clock.currentTimeMillis()));
    venue.advance();
  }

  /** Delegates to the venue and runs one backtest step after every command. */
  private static final class SteppedVenue implements ExecutionClient {
    private final SimulatedVenue venue;
    private final SimulatedClock clock;

    SteppedVenue(SimulatedVenue venue, SimulatedClock clock) {
      this.venue = venue;
      this.clock = clock;
    }

    @Override
    public void start(OrderEventListener listener) {
      venue.start(listener);
    }

    @Override
    public void submit(SubmitOrder order) {
      venue.submit(order);
      step();
    }

    @Override
    public void cancel(CancelOrder cancel) {
      venue.cancel(cancel);
      step();
    }

    @Override
    public void requestStatus(ClientOrderId clientOrderId, Symbol symbol) {
      venue.requestStatus(clientOrderId, symbol);
      step();
    }

    @Override
    public void close() {
      venue.close();
    }

    private void step() {
      clock.advanceBy(1);
      venue.advance();
    }
  }
}
