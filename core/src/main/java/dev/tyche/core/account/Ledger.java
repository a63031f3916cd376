package dev.tyche.core.account;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The exact books of one trading account: balances per asset, positions per (symbol, position
 * side), and running totals of realised PnL, fees, funding and deposits.
 *
 * <p><b>Settlement.</b>
 *
 * <ul>
 *   <li>PERPETUAL fill (USDT-M, linear): no base asset changes hands. The realised PnL of the fill
 *       (see {@link Position}) is credited to the margin-asset balance and the fee debited from the
 *       fee asset's balance. Hence the wallet balance is deposits + realised PnL - fees + funding,
 *       as on Binance, and equity adds the unrealised PnL of the open positions.
 *   <li>SPOT fill: a buy of {@code q} at {@code p} adds {@code q} base and removes {@code p * q}
 *       quote (a sell the reverse); the fee is debited in whichever asset it was charged. The spot
 *       position is tracked for PnL reporting only: its realised PnL is counted in {@link
 *       #realisedPnl(Asset)} but is not credited again, since the cash legs already moved it.
 *   <li>Funding ({@link FundingPayment}) is computed per open position as {@link
 *       Position#fundingPayment} at the ledger's funding scale and credited to the margin balance.
 * </ul>
 *
 * <p><b>Exactness.</b> Balances and totals are exact sums. The only roundings are the funding
 * payment (half-even to {@link #fundingScale()} decimals) and a partial reduction's released cost
 * (half-even to the notional scale, remainder kept in the position). Consequently, for perpetuals,
 * at any mark prices {@code M}: {@code equity = netDeposits - fees + funding + sum over fills of
 * (-sign * price * qty) + sum over positions of Q * M}, exactly.
 *
 * <p><b>Validation.</b> A fill for an unregistered symbol, a price or quantity off the instrument's
 * grid, a position side that does not fit the position mode, a hedge-mode fill that would flip a
 * position, funding for a spot instrument and a withdrawal larger than the balance are rejected
 * with an {@link IllegalArgumentException}. Every method computes the complete new state before
 * changing anything, so a rejected input (including one that overflows) leaves the ledger as it
 * was. Balances may go negative through fills (the ledger records what the venue reports;
 * preventing overselling is the risk gate's job).
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class Ledger {

  /** The default funding scale: Binance USDT-M balances and incomes carry 8 decimals. */
  public static final int DEFAULT_FUNDING_SCALE = 8;

  private final int fundingScale;
  private PositionMode positionMode;
  private final Map<Symbol, Instrument> instruments = new TreeMap<>();
  private final Map<PositionKey, Position> positions = new TreeMap<>();
  private final Map<Asset, Money> balances = new TreeMap<>();
  private final Map<Asset, Money> realisedPnl = new TreeMap<>();
  private final Map<Asset, Money> fees = new TreeMap<>();
  private final Map<Asset, Money> funding = new TreeMap<>();
  private final Map<Asset, Money> netDeposits = new TreeMap<>();
  private long fillCount;

  /**
   * An empty ledger with the default funding scale and no instruments.
   *
   * @param positionMode one-way or hedge mode
   */
  public Ledger(PositionMode positionMode) {
    this(positionMode, DEFAULT_FUNDING_SCALE, List.of());
  }

  /**
   * An empty ledger.
   *
   * @param positionMode one-way or hedge mode
   * @param fundingScale the decimals funding payments are rounded to, in [0, 18]
   * @param instruments the instruments to register (see {@link #register(Instrument)})
   */
  public Ledger(PositionMode positionMode, int fundingScale, Collection<Instrument> instruments) {
    this.positionMode = Objects.requireNonNull(positionMode, "positionMode must not be null");
    if (fundingScale < 0 || fundingScale > 18) {
      throw new IllegalArgumentException("fundingScale must be in [0, 18] but was " + fundingScale);
    }
    this.fundingScale = fundingScale;
    Objects.requireNonNull(instruments, "instruments must not be null");
    for (Instrument instrument : instruments) {
      register(instrument);
    }
  }

  /**
   * Makes an instrument known to the ledger. Registering the same instrument again does nothing.
   *
   * @param instrument the instrument; a perpetual must be linear, i.e. margined in its quote asset
   * @throws IllegalArgumentException if a different instrument is registered under the same symbol,
   *     a perpetual's margin asset differs from its quote asset, or {@code priceScale +
   *     quantityScale > 18} (notionals would not fit)
   */
  public void register(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument must not be null");
    if (instrument.contractType() == ContractType.PERPETUAL
        && !instrument.marginAsset().equals(instrument.quoteAsset())) {
      throw new IllegalArgumentException(
          "instrument "
              + instrument.symbol()
              + " must be a linear perpetual margined in its quote asset "
              + instrument.quoteAsset()
              + " but its margin asset is "
              + instrument.marginAsset());
    }
    if (Position.notionalScale(instrument) > 18) {
      throw new IllegalArgumentException(
          "priceScale + quantityScale of "
              + instrument.symbol()
              + " must be <= 18 but was "
              + Position.notionalScale(instrument));
    }
    Instrument known = instruments.get(instrument.symbol());
    if (known != null && !known.equals(instrument)) {
      throw new IllegalArgumentException(
          "symbol " + instrument.symbol() + " is already registered as a different " + known);
    }
    instruments.put(instrument.symbol(), instrument);
  }

  /**
   * Looks up a registered instrument.
   *
   * @param symbol the symbol
   * @return the instrument, or empty if it is not registered
   */
  public Optional<Instrument> instrument(Symbol symbol) {
    return Optional.ofNullable(instruments.get(symbol));
  }

  /**
   * The position mode.
   *
   * @return one-way or hedge
   */
  public PositionMode positionMode() {
    return positionMode;
  }

  /**
   * Changes the position mode; like Binance, only while no perpetual position is open.
   *
   * @param mode the new mode
   * @throws IllegalStateException if a perpetual position is open
   */
  public void setPositionMode(PositionMode mode) {
    Objects.requireNonNull(mode, "mode must not be null");
    for (Position p : positions.values()) {
      if (!p.isFlat() && p.instrument().contractType() == ContractType.PERPETUAL) {
        throw new IllegalStateException(
            "cannot change the position mode to "
                + mode
                + " while the "
                + p.positionSide()
                + " position of "
                + p.symbol()
                + " is open ("
                + p.signedQuantity()
                + ")");
      }
    }
    positionMode = mode;
  }

  /**
   * The decimals funding payments are rounded to.
   *
   * @return the funding scale
   */
  public int fundingScale() {
    return fundingScale;
  }

  /**
   * Applies a fill: updates the position, settles PnL (perpetual) or the base and quote legs
   * (spot), and debits the fee.
   *
   * @param fill the fill
   * @return the PnL this fill realised, in the instrument's quote asset (zero if it only opened or
   *     increased the position)
   * @throws IllegalArgumentException if the fill is invalid for this ledger (see the class
   *     comment); the ledger is then unchanged
   */
  public Money apply(Fill fill) {
    Objects.requireNonNull(fill, "fill must not be null");
    Instrument instrument = instruments.get(fill.symbol());
    if (instrument == null) {
      // The message is only built on failure: this method runs once per simulated fill.
      requireInstrument(fill.symbol(), "fill " + fill.tradeId());
    }
    checkPositionSide(instrument, fill.positionSide());
    Price price = Position.onPriceGrid(instrument, fill.price());
    Quantity quantity = Position.onQuantityGrid(instrument, fill.quantity());
    PositionKey key = new PositionKey(fill.symbol(), fill.positionSide());
    Position before = positions.get(key);
    if (before == null) {
      before = Position.flat(instrument, fill.positionSide());
    }
    Money fee = fill.fee();
    Position after =
        before.afterFillOnGrid(fill.side(), price.units(), quantity.units(), quantity, fee);
    Money realised = difference(after.realisedPnl(), before.realisedPnl());

    // Compute every new value first; commit only when nothing can throw any more. The changes
    // are merged per asset in the order below before they meet the balance, as a map would.
    Money[] changes = new Money[3];
    int n = 0;
    if (instrument.contractType() == ContractType.SPOT) {
      int s = fill.side().sign();
      Decimal notional = price.times(quantity);
      n = add(changes, n, Money.of(instrument.baseAsset(), s * quantity.units(), quantity.scale()));
      // A buy pays the notional, a sell receives it.
      n = add(changes, n, Money.of(instrument.quoteAsset(), s > 0 ? notional.negate() : notional));
    } else {
      n = add(changes, n, realised);
    }
    n = add(changes, n, fee.negate());
    Money[] newBalances = new Money[n];
    for (int i = 0; i < n; i++) {
      newBalances[i] = sum(get(balances, changes[i].asset()), changes[i]);
    }
    Money newRealised = sum(get(realisedPnl, realised.asset()), realised);
    Money newFees = sum(get(fees, fee.asset()), fee);
    long newFillCount = Math.addExact(fillCount, 1);

    positions.put(key, after);
    for (int i = 0; i < n; i++) {
      balances.put(newBalances[i].asset(), newBalances[i]);
    }
    realisedPnl.put(newRealised.asset(), newRealised);
    fees.put(newFees.asset(), newFees);
    fillCount = newFillCount;
    return realised;
  }

  /**
   * Settles funding for every open position of a perpetual (both legs in hedge mode).
   *
   * @param payment the funding settlement
   * @return the net amount credited to the margin balance (negative = paid), at the funding scale;
   *     zero if no position of the symbol is open
   * @throws IllegalArgumentException if the symbol is unknown or not a perpetual
   */
  public Money apply(FundingPayment payment) {
    Objects.requireNonNull(payment, "payment must not be null");
    Instrument instrument = requireInstrument(payment.symbol(), "funding");
    if (instrument.contractType() != ContractType.PERPETUAL) {
      throw new IllegalArgumentException(
          "funding applies to PERPETUAL instruments only but "
              + payment.symbol()
              + " is "
              + instrument.contractType());
    }
    Money total = Money.zero(instrument.marginAsset(), fundingScale);
    Map<PositionKey, Position> updated = new TreeMap<>();
    for (PositionSide side : PositionSide.values()) {
      PositionKey key = new PositionKey(payment.symbol(), side);
      Position p = positions.get(key);
      if (p != null && !p.isFlat()) {
        Money amount = p.fundingPayment(payment.rate(), payment.markPrice(), fundingScale);
        updated.put(key, p.afterFunding(amount));
        total = total.plus(amount);
      }
    }
    Money newBalance = get(balances, total.asset()).plus(total);
    Money newFunding = get(funding, total.asset()).plus(total);

    positions.putAll(updated);
    if (!updated.isEmpty()) {
      balances.put(total.asset(), newBalance);
      funding.put(total.asset(), newFunding);
    }
    return total;
  }

  /**
   * Applies a deposit, withdrawal or transfer.
   *
   * @param flow the cash flow
   * @throws IllegalArgumentException if money going out exceeds the balance of its asset
   */
  public void apply(CashFlow flow) {
    Objects.requireNonNull(flow, "flow must not be null");
    Money signed = flow.signedAmount();
    Money balance = get(balances, signed.asset());
    Money newBalance = balance.plus(signed);
    if (signed.signum() < 0 && newBalance.signum() < 0) {
      throw new IllegalArgumentException(
          flow.kind() + " of " + flow.amount() + " exceeds the balance " + balance);
    }
    Money newNet = get(netDeposits, signed.asset()).plus(signed);
    balances.put(signed.asset(), newBalance);
    netDeposits.put(signed.asset(), newNet);
  }

  /**
   * Deposits an amount at event time 0 (e.g. a backtest's initial capital).
   *
   * @param amount the amount, positive
   */
  public void deposit(Money amount) {
    apply(CashFlow.deposit(amount, 0));
  }

  /**
   * Withdraws an amount at event time 0.
   *
   * @param amount the amount, positive and at most the balance
   */
  public void withdraw(Money amount) {
    apply(CashFlow.withdrawal(amount, 0));
  }

  /**
   * The wallet balance of one asset (without unrealised PnL).
   *
   * @param asset the asset
   * @return the balance, zero if the asset never moved
   */
  public Money balance(Asset asset) {
    return get(balances, asset);
  }

  /**
   * The one-way-mode (or spot) position of a symbol.
   *
   * @param symbol the symbol
   * @return the position under {@link PositionSide#BOTH} (flat if never traded), or empty if the
   *     symbol is not registered
   */
  public Optional<Position> position(Symbol symbol) {
    return position(symbol, PositionSide.BOTH);
  }

  /**
   * The position of a symbol under one position side.
   *
   * @param symbol the symbol
   * @param side the position side
   * @return the position (flat if never traded), or empty if the symbol is not registered
   */
  public Optional<Position> position(Symbol symbol, PositionSide side) {
    Objects.requireNonNull(side, "side must not be null");
    Instrument instrument = instruments.get(symbol);
    if (instrument == null) {
      return Optional.empty();
    }
    Position p = positions.get(new PositionKey(symbol, side));
    return Optional.of(p != null ? p : Position.flat(instrument, side));
  }

  /**
   * Every position the ledger has touched, in (symbol, side) order, including flat ones.
   *
   * @return an unmodifiable list
   */
  public List<Position> positions() {
    return List.copyOf(positions.values());
  }

  /**
   * Total realised PnL in one quote asset, over perpetual and spot positions.
   *
   * @param asset the quote asset
   * @return the total
   */
  public Money realisedPnl(Asset asset) {
    return get(realisedPnl, asset);
  }

  /**
   * Total fees charged in one asset.
   *
   * @param asset the fee asset
   * @return the total, positive = paid
   */
  public Money fees(Asset asset) {
    return get(fees, asset);
  }

  /**
   * Total funding in one margin asset.
   *
   * @param asset the margin asset
   * @return the total, positive = received
   */
  public Money funding(Asset asset) {
    return get(funding, asset);
  }

  /**
   * Deposits and transfers in minus withdrawals and transfers out.
   *
   * @param asset the asset
   * @return the net amount
   */
  public Money netDeposits(Asset asset) {
    return get(netDeposits, asset);
  }

  /**
   * The number of fills applied.
   *
   * @return the count
   */
  public long fillCount() {
    return fillCount;
  }

  /**
   * The unrealised PnL of all open positions quoted in one asset, perpetual and spot.
   *
   * @param quote the quote asset
   * @param marks the mark price of each symbol with an open position
   * @return {@code sum of Q * mark - C}, exactly
   */
  public Money unrealisedPnl(Asset quote, Function<Symbol, Price> marks) {
    Objects.requireNonNull(quote, "quote must not be null");
    Objects.requireNonNull(marks, "marks must not be null");
    Money total = Money.zero(quote, 0);
    for (Position p : positions.values()) {
      if (!p.isFlat() && p.instrument().quoteAsset().equals(quote)) {
        total = total.plus(p.unrealisedPnl(mark(marks, p.symbol())));
      }
    }
    return total;
  }

  /**
   * The account's equity in one asset: each asset's balance plus the unrealised PnL of the
   * perpetual positions margined in it, with every asset other than {@code valuation} converted at
   * the mark of a registered SPOT instrument that has it as base and {@code valuation} as quote.
   * Spot positions add no unrealised PnL here: their value is already in the base-asset balance.
   *
   * @param valuation the asset to value in, e.g. USDT
   * @param marks the mark price of each symbol needed
   * @return the equity, exactly
   * @throws IllegalStateException if a non-zero asset cannot be converted for lack of a spot
   *     instrument
   * @throws IllegalArgumentException if {@code marks} has no price for a needed symbol
   */
  public Money equity(Asset valuation, Function<Symbol, Price> marks) {
    Objects.requireNonNull(valuation, "valuation must not be null");
    Objects.requireNonNull(marks, "marks must not be null");
    Map<Asset, Money> value = new TreeMap<>(balances);
    for (Position p : positions.values()) {
      if (!p.isFlat() && p.instrument().contractType() == ContractType.PERPETUAL) {
        add(value, p.unrealisedPnl(mark(marks, p.symbol())));
      }
    }
    Money total = Money.zero(valuation, 0);
    for (Money amount : value.values()) {
      if (amount.isZero()) {
        continue;
      }
      if (amount.asset().equals(valuation)) {
        total = total.plus(amount);
      } else {
        Instrument pair = converter(amount.asset(), valuation);
        Price mark = mark(marks, pair.symbol());
        total = total.plus(Money.of(valuation, amount.amount().times(mark)));
      }
    }
    return total;
  }

  /**
   * An immutable copy of the current state.
   *
   * @return the snapshot
   */
  public AccountSnapshot snapshot() {
    return new AccountSnapshot(
        positionMode,
        balances,
        new ArrayList<>(positions.values()),
        realisedPnl,
        fees,
        funding,
        netDeposits,
        fillCount);
  }

  private Instrument requireInstrument(Symbol symbol, String what) {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Instrument instrument = instruments.get(symbol);
    if (instrument == null) {
      throw new IllegalArgumentException(
          what + " is for unknown instrument " + symbol + "; register(Instrument) it first");
    }
    return instrument;
  }

  private void checkPositionSide(Instrument instrument, PositionSide side) {
    boolean spot = instrument.contractType() == ContractType.SPOT;
    boolean oneSide = spot || positionMode == PositionMode.ONE_WAY;
    if (oneSide
        ? side == PositionSide.BOTH
        : side == PositionSide.LONG || side == PositionSide.SHORT) {
      return;
    }
    // Built only on failure: this check runs once per fill.
    String why;
    if (spot) {
      why = "spot instrument " + instrument.symbol();
    } else if (oneSide) {
      why = "ONE_WAY position mode";
    } else {
      why = "HEDGE position mode";
    }
    throw new IllegalArgumentException(
        "positionSide must be "
            + (oneSide ? PositionSide.BOTH : "LONG or SHORT")
            + " for a fill of "
            + why
            + " but was "
            + side);
  }

  private Instrument converter(Asset asset, Asset valuation) {
    for (Instrument i : instruments.values()) {
      if (i.contractType() == ContractType.SPOT
          && i.baseAsset().equals(asset)
          && i.quoteAsset().equals(valuation)) {
        return i;
      }
    }
    throw new IllegalStateException(
        "cannot value the "
            + asset
            + " balance in "
            + valuation
            + ": register a SPOT instrument with base "
            + asset
            + " and quote "
            + valuation);
  }

  private static Price mark(Function<Symbol, Price> marks, Symbol symbol) {
    Price price = marks.apply(symbol);
    if (price == null) {
      throw new IllegalArgumentException("marks has no mark price for " + symbol);
    }
    return price;
  }

  private static Money get(Map<Asset, Money> map, Asset asset) {
    Objects.requireNonNull(asset, "asset must not be null");
    Money m = map.get(asset);
    return m != null ? m : Money.zero(asset, 0);
  }

  /**
   * {@code a.plus(b)}, or the operand itself when the other is a zero that would not change its
   * scale (the sum would be a record equal to that operand): fills that realise nothing or pay no
   * fee then allocate no new totals.
   */
  private static Money sum(Money a, Money b) {
    if (a.asset().equals(b.asset())) {
      if (b.units() == 0 && b.scale() <= a.scale()) {
        return a;
      }
      if (a.units() == 0 && a.scale() <= b.scale()) {
        return b;
      }
    }
    return a.plus(b);
  }

  /** {@code a.minus(b)}, with one new amount instead of two when the scales agree. */
  private static Money difference(Money a, Money b) {
    if (a.scale() == b.scale() && a.asset().equals(b.asset())) {
      return Money.of(a.asset(), Math.subtractExact(a.units(), b.units()), a.scale());
    }
    return a.minus(b);
  }

  /**
   * Merges {@code amount} into the first {@code n} entries of {@code changes} (one per asset, in
   * order of first appearance) like {@code Map.merge(asset, amount, Money::plus)}.
   *
   * @return the new number of entries
   */
  private static int add(Money[] changes, int n, Money amount) {
    for (int i = 0; i < n; i++) {
      if (changes[i].asset().equals(amount.asset())) {
        changes[i] = sum(changes[i], amount);
        return n;
      }
    }
    changes[n] = amount;
    return n + 1;
  }

  private static void add(Map<Asset, Money> map, Money amount) {
    map.merge(amount.asset(), amount, Money::plus);
  }
}
