package dev.tyche.binance.ws;

import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.order.OrderEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded user-data-stream event (reference section 8). Order updates carry the core {@link
 * OrderEvent} they imply; the others are small adapter records for the account, algo-order and
 * margin-call facts core has no event type for. Times are Binance's UTC epoch milliseconds.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface UserDataEvent {

  /**
   * The event time {@code E}.
   *
   * @return UTC epoch ms
   */
  long eventTime();

  /**
   * {@code ORDER_TRADE_UPDATE}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param eventTime {@code E}
   * @param transactionTime {@code T}
   * @param executionType {@code o.x}: NEW, CANCELED, CALCULATED, EXPIRED, TRADE, AMENDMENT
   * @param orderStatus {@code o.X}
   * @param positionSide {@code o.ps}
   * @param realizedProfit {@code o.rp}, the fill's realized PnL (zero when absent)
   * @param expiryReason {@code o.er} (0 = none)
   * @param event the core event; empty for {@code AMENDMENT}
   */
  record OrderUpdate(
      long eventTime,
      long transactionTime,
      String executionType,
      String orderStatus,
      PositionSide positionSide,
      Decimal realizedProfit,
      String expiryReason,
      Optional<OrderEvent> event)
      implements UserDataEvent {
    // All fields are required; absence is Optional.empty().
    public OrderUpdate {
      Objects.requireNonNull(executionType, "executionType must not be null");
      Objects.requireNonNull(orderStatus, "orderStatus must not be null");
      Objects.requireNonNull(positionSide, "positionSide must not be null");
      Objects.requireNonNull(realizedProfit, "realizedProfit must not be null");
      Objects.requireNonNull(expiryReason, "expiryReason must not be null");
      Objects.requireNonNull(event, "event must not be null");
    }
  }

  /**
   * One balance of an {@code ACCOUNT_UPDATE}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param asset {@code a}
   * @param walletBalance {@code wb}
   * @param crossWalletBalance {@code cw}
   * @param balanceChange {@code bc}, excluding PnL and fees
   */
  record Balance(
      Asset asset, Decimal walletBalance, Decimal crossWalletBalance, Decimal balanceChange) {
    // All fields are required.
    public Balance {
      Objects.requireNonNull(asset, "asset must not be null");
      Objects.requireNonNull(walletBalance, "walletBalance must not be null");
      Objects.requireNonNull(crossWalletBalance, "crossWalletBalance must not be null");
      Objects.requireNonNull(balanceChange, "balanceChange must not be null");
    }
  }

  /**
   * One changed position of an {@code ACCOUNT_UPDATE}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param symbol {@code s}
   * @param amount {@code pa}, signed (negative = short)
   * @param entryPrice {@code ep}
   * @param unrealizedProfit {@code up}
   * @param marginType {@code mt}: cross or isolated
   * @param isolatedWallet {@code iw}
   * @param positionSide {@code ps}
   */
  record PositionChange(
      Symbol symbol,
      Decimal amount,
      Decimal entryPrice,
      Decimal unrealizedProfit,
      String marginType,
      Decimal isolatedWallet,
      PositionSide positionSide) {
    // All fields are required.
    public PositionChange {
      Objects.requireNonNull(symbol, "symbol must not be null");
      Objects.requireNonNull(amount, "amount must not be null");
      Objects.requireNonNull(entryPrice, "entryPrice must not be null");
      Objects.requireNonNull(unrealizedProfit, "unrealizedProfit must not be null");
      Objects.requireNonNull(marginType, "marginType must not be null");
      Objects.requireNonNull(isolatedWallet, "isolatedWallet must not be null");
      Objects.requireNonNull(positionSide, "positionSide must not be null");
    }
  }

  /**
   * {@code ACCOUNT_UPDATE}: the balances and the positions that changed.
   *
   * <p>Immutable and thread-safe.
   *
   * @param eventTime {@code E}
   * @param transactionTime {@code T}
   * @param reason {@code a.m}, e.g. ORDER, FUNDING_FEE, DEPOSIT
   * @param balances {@code a.B}
   * @param positions {@code a.P}, changed positions only
   */
  record AccountUpdate(
      long eventTime,
      long transactionTime,
      String reason,
      List<Balance> balances,
      List<PositionChange> positions)
      implements UserDataEvent {
    // Lists are copied so the record stays immutable.
    public AccountUpdate {
      Objects.requireNonNull(reason, "reason must not be null");
      balances = List.copyOf(balances);
      positions = List.copyOf(positions);
    }
  }

  /**
   * {@code ALGO_UPDATE}: a conditional order's state (reference section 3.3).
   *
   * <p>Immutable and thread-safe.
   *
   * @param eventTime {@code E}
   * @param clientAlgoId {@code o.caid}
   * @param algoId {@code o.aid}
   * @param symbol {@code o.s}
   * @param side {@code o.S}
   * @param orderType {@code o.o}
   * @param status {@code o.X}
   * @param quantity {@code o.q}
   * @param triggerPrice {@code o.tp}, empty when absent
   * @param triggeredOrderId {@code o.ai}, the order placed on trigger, empty when absent
   * @param failureReason {@code o.rm}, empty when absent
   */
  record AlgoUpdate(
      long eventTime,
      String clientAlgoId,
      long algoId,
      Symbol symbol,
      String side,
      String orderType,
      String status,
      Decimal quantity,
      Optional<Decimal> triggerPrice,
      Optional<String> triggeredOrderId,
      Optional<String> failureReason)
      implements UserDataEvent {
    // All fields are required; absence is Optional.empty().
    public AlgoUpdate {
      Objects.requireNonNull(clientAlgoId, "clientAlgoId must not be null");
      Objects.requireNonNull(symbol, "symbol must not be null");
      Objects.requireNonNull(side, "side must not be null");
      Objects.requireNonNull(orderType, "orderType must not be null");
      Objects.requireNonNull(status, "status must not be null");
      Objects.requireNonNull(quantity, "quantity must not be null");
      Objects.requireNonNull(triggerPrice, "triggerPrice must not be null");
      Objects.requireNonNull(triggeredOrderId, "triggeredOrderId must not be null");
      Objects.requireNonNull(failureReason, "failureReason must not be null");
    }
  }

  /**
   * One position of a {@code MARGIN_CALL}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param symbol {@code s}
   * @param positionSide {@code ps}
   * @param amount {@code pa}
   * @param markPrice {@code mp}
   * @param unrealizedProfit {@code up}
   * @param maintenanceMargin {@code mm}
   */
  record MarginCallPosition(
      Symbol symbol,
      PositionSide positionSide,
      Decimal amount,
      Decimal markPrice,
      Decimal unrealizedProfit,
      Decimal maintenanceMargin) {
    // All fields are required.
    public MarginCallPosition {
      Objects.requireNonNull(symbol, "symbol must not be null");
      Objects.requireNonNull(positionSide, "positionSide must not be null");
      Objects.requireNonNull(amount, "amount must not be null");
      Objects.requireNonNull(markPrice, "markPrice must not be null");
      Objects.requireNonNull(unrealizedProfit, "unrealizedProfit must not be null");
      Objects.requireNonNull(maintenanceMargin, "maintenanceMargin must not be null");
    }
  }

  /**
   * {@code MARGIN_CALL}: a warning that positions are close to liquidation.
   *
   * <p>Immutable and thread-safe.
   *
   * @param eventTime {@code E}
   * @param crossWallet {@code cw}, present for cross margin only
   * @param positions {@code p}
   */
  record MarginCall(
      long eventTime, Optional<Decimal> crossWallet, List<MarginCallPosition> positions)
      implements UserDataEvent {
    // The list is copied so the record stays immutable.
    public MarginCall {
      Objects.requireNonNull(crossWallet, "crossWallet must not be null");
      positions = List.copyOf(positions);
    }
  }

  /**
   * {@code listenKeyExpired}: the stream's key expired; events after it are lost until a new key.
   *
   * <p>Immutable and thread-safe.
   *
   * @param eventTime {@code E}
   * @param listenKey the expired key (empty if not sent)
   */
  record ListenKeyExpired(long eventTime, String listenKey) implements UserDataEvent {
    // The key is required (possibly empty).
    public ListenKeyExpired {
      Objects.requireNonNull(listenKey, "listenKey must not be null");
    }
  }

  /**
   * An event type this adapter does not map (e.g. {@code TRADE_LITE}, {@code
   * ACCOUNT_CONFIG_UPDATE}).
   *
   * <p>Immutable and thread-safe.
   *
   * @param eventTime {@code E}, or 0 if absent
   * @param type {@code e}
   */
  record Unmapped(long eventTime, String type) implements UserDataEvent {
    // The type names what was skipped.
    public Unmapped {
      Objects.requireNonNull(type, "type must not be null");
    }
  }
}
