package dev.tyche.execution.contract;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.port.ExecutionClient;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.testkit.ExecutionClientContract;

/** Runs the execution-client contract against the scripted in-memory venue used by the tests. */
class ScriptedExecutionClientContractTest extends ExecutionClientContract {

  static final Instrument BTC =
      Instrument.builder(Symbol.of("BTCUSDT"))
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  private ScriptedExecutionClient venue;

  @Override
  protected ExecutionClient newClient() {
    venue =
        new ScriptedExecutionClient(
            SimulatedClock.startingAt(1_700_000_000_000L), Decimal.parse("0.0004"), BTC);
    venue.marketTradesAt(BTC.symbol(), referencePrice());
    return venue;
  }

  @Override
  protected Instrument instrument() {
    return BTC;
  }

  @Override
  protected Price referencePrice() {
    return Price.parse("30000.00");
  }

  @Override
  protected void marketTradesAt(Price price) {
    venue.marketTradesAt(BTC.symbol(), price);
  }
}
