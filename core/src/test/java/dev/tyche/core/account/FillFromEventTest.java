package dev.tyche.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

class FillFromEventTest {

  @Test
  void carriesEveryFieldOfTheExecution() {
    Execution e =
        new Execution(
            VenueOrderId.of("42"),
            TradeId.of("7"),
            Side.SELL,
            Price.parse("61800.20"),
            Quantity.parse("0.004"),
            Quantity.parse("0.004"),
            Quantity.parse("0.006"),
            Money.parse(Asset.USDT, "0.0988803"),
            Liquidity.MAKER);
    Fill fill =
        Fill.from(
            new OrderPartiallyFilled(ClientOrderId.of("s-1"), Symbol.of("BTCUSDT"), 99, e),
            PositionSide.BOTH);
    assertThat(fill.symbol()).isEqualTo(Symbol.of("BTCUSDT"));
    assertThat(fill.side()).isEqualTo(Side.SELL);
    assertThat(fill.price()).isEqualTo(Price.parse("61800.20"));
    assertThat(fill.quantity()).isEqualTo(Quantity.parse("0.004"));
    assertThat(fill.fee()).isEqualTo(Money.parse(Asset.USDT, "0.0988803"));
    assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
    assertThat(fill.tradeId()).isEqualTo(TradeId.of("7"));
    assertThat(fill.clientOrderId()).contains(ClientOrderId.of("s-1"));
    assertThat(fill.eventTime()).isEqualTo(99);
    assertThat(fill.positionSide()).isEqualTo(PositionSide.BOTH);
  }
}
