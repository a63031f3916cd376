package dev.tyche.binance.port;

import dev.tyche.binance.dto.AssetBalance;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.PositionRisk;
import dev.tyche.binance.mapping.EnumMapping;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Start-up reconciliation (reference section 8: after a restart or a stream gap, "resync open
 * orders, positions and balances over REST"): reads the venue's open orders ({@code GET
 * /fapi/v1/openOrders} per instrument), positions ({@code GET /fapi/v3/positionRisk}) and wallet
 * balances ({@code GET /fapi/v3/balance}) into a {@link VenueState}, and compares it with the
 * engine's journal-restored {@link ExpectedState}. Differences are reported, never applied.
 *
 * <p>Comparison rules: orders are matched by client order id; side, original quantity and filled
 * quantity must agree. Positions are compared per symbol of the reconciled instruments (absent =
 * zero). Balances are compared for every asset the engine expects (exactly: the adapter's numbers
 * are exact), and an asset the venue holds with a non-zero balance that the engine does not expect
 * is a difference too. Conditional (algo) orders are not read.
 *
 * <p>Thread-safe: stateless apart from the thread-safe REST client.
 */
public final class Reconciler {

  private final BinanceRestClient rest;
  private final Map<Symbol, Instrument> instruments;

  /**
   * A reconciler.
   *
   * @param rest the REST client
   * @param instruments the instruments to reconcile
   */
  public Reconciler(BinanceRestClient rest, List<Instrument> instruments) {
    this.rest = Objects.requireNonNull(rest, "rest must not be null");
    Objects.requireNonNull(instruments, "instruments must not be null");
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("instruments must not be empty");
    }
    Map<Symbol, Instrument> m = new TreeMap<>();
    for (Instrument i : instruments) {
      m.put(Objects.requireNonNull(i, "instrument must not be null").symbol(), i);
    }
    this.instruments = Map.copyOf(m);
  }

  /**
   * Reads the venue's state.
   *
   * @return the state
   * @throws dev.tyche.binance.error.BinanceException if a read fails after the client's retries
   * @throws IllegalArgumentException if the venue reports something malformed
   */
  public VenueState fetch() {
    List<VenueOpenOrder> open = new ArrayList<>();
    for (Instrument i : new TreeMap<>(instruments).values()) {
      for (OrderResponse o : rest.openOrders(i.symbol().value())) {
        open.add(openOrder(o, i));
      }
    }
    open.sort(Comparator.comparing(VenueOpenOrder::clientOrderId));
    Map<Symbol, Decimal> positions = new TreeMap<>();
    for (PositionRisk p : rest.positionRisk(null)) {
      Symbol s = Symbol.of(p.symbol());
      if (!instruments.containsKey(s)) {
        continue;
      }
      Decimal amount = Decimal.parse(p.positionAmt());
      if (amount.signum() != 0) {
        positions.merge(s, amount, Decimal::plus);
      }
    }
    Map<Asset, Decimal> balances = new TreeMap<>();
    for (AssetBalance b : rest.balances()) {
      balances.put(Asset.of(b.asset()), Decimal.parse(b.balance()));
    }
    return new VenueState(rest.serverClock().currentTimeMillis(), open, positions, balances);
  }

  /**
   * Reads the venue's state and compares it with the engine's.
   *
   * @param expected the engine's state
   * @return the report
   */
  public ReconciliationReport reconcile(ExpectedState expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    VenueState venue = fetch();
    return new ReconciliationReport(venue, compare(venue, expected, instruments.keySet()));
  }

  /**
   * Compares venue and engine (pure; see the class comment for the rules).
   *
   * @param venue the venue's state
   * @param expected the engine's state
   * @param symbols the reconciled symbols (positions of others are ignored)
   * @return the differences, orders by client id, then positions by symbol, then balances by asset
   */
  public static List<Difference> compare(
      VenueState venue, ExpectedState expected, java.util.Set<Symbol> symbols) {
    Objects.requireNonNull(venue, "venue must not be null");
    Objects.requireNonNull(expected, "expected must not be null");
    Objects.requireNonNull(symbols, "symbols must not be null");
    List<Difference> out = new ArrayList<>();
    Map<ClientOrderId, VenueOpenOrder> atVenue = new HashMap<>();
    for (VenueOpenOrder o : venue.openOrders()) {
      atVenue.put(o.clientOrderId(), o);
    }
    Map<ClientOrderId, ExpectedOrder> inEngine = new HashMap<>();
    for (ExpectedOrder o : expected.openOrders()) {
      if (inEngine.put(o.clientOrderId(), o) != null) {
        throw new IllegalArgumentException(
            "expected open orders must have distinct client ids but "
                + o.clientOrderId().value()
                + " appears twice");
      }
    }
    TreeSet<ClientOrderId> ids = new TreeSet<>(atVenue.keySet());
    ids.addAll(inEngine.keySet());
    for (ClientOrderId id : ids) {
      VenueOpenOrder v = atVenue.get(id);
      ExpectedOrder e = inEngine.get(id);
      if (e == null) {
        out.add(new Difference(Difference.Kind.ORDER_ONLY_AT_VENUE, id.value(), "absent", text(v)));
      } else if (v == null) {
        out.add(
            new Difference(Difference.Kind.ORDER_ONLY_IN_ENGINE, id.value(), text(e), "absent"));
      } else if (v.side() != e.side()
          || v.quantity().compareTo(e.quantity()) != 0
          || v.filled().compareTo(e.filled()) != 0
          || !v.symbol().equals(e.symbol())) {
        out.add(new Difference(Difference.Kind.ORDER_MISMATCH, id.value(), text(e), text(v)));
      }
    }
    TreeSet<Symbol> positionKeys = new TreeSet<>(symbols);
    for (Symbol s : positionKeys) {
      Decimal v = venue.positions().getOrDefault(s, Decimal.ZERO);
      Decimal e = expected.positions().getOrDefault(s, Decimal.ZERO);
      if (v.compareTo(e) != 0) {
        out.add(
            new Difference(
                Difference.Kind.POSITION_MISMATCH, s.value(), e.toString(), v.toString()));
      }
    }
    TreeSet<Asset> assets = new TreeSet<>(expected.balances().keySet());
    for (Map.Entry<Asset, Decimal> b : venue.balances().entrySet()) {
      if (b.getValue().signum() != 0) {
        assets.add(b.getKey());
      }
    }
    for (Asset a : assets) {
      Decimal v = venue.balances().get(a);
      Decimal e = expected.balances().get(a);
      if (v == null || e == null || v.compareTo(e) != 0) {
        out.add(
            new Difference(
                Difference.Kind.BALANCE_MISMATCH,
                a.code(),
                e == null ? "absent" : e.toString(),
                v == null ? "absent" : v.toString()));
      }
    }
    return out;
  }

  private static VenueOpenOrder openOrder(OrderResponse o, Instrument i) {
    if (!o.symbol().equals(i.symbol().value())) {
      throw new IllegalArgumentException(
          "field 'symbol' must be " + i.symbol() + " but was '" + o.symbol() + "'");
    }
    Quantity qty = i.parseQuantity(o.origQty());
    Quantity filled = i.parseQuantity(o.executedQty());
    Optional<Price> price =
        Decimal.parse(o.price()).signum() == 0
            ? Optional.empty()
            : Optional.of(i.parsePrice(o.price()));
    return new VenueOpenOrder(
        ClientOrderId.of(o.clientOrderId()),
        i.symbol(),
        VenueOrderId.of(Long.toString(o.orderId())),
        EnumMapping.parseSide(o.side(), "side"),
        qty,
        filled,
        price);
  }

  private static String text(VenueOpenOrder o) {
    return o.symbol().value() + " " + o.side() + " " + o.filled() + "/" + o.quantity();
  }

  private static String text(ExpectedOrder o) {
    return o.symbol().value() + " " + o.side() + " " + o.filled() + "/" + o.quantity();
  }
}
