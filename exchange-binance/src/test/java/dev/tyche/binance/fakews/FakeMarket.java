package dev.tyche.binance.fakews;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A scripted, seeded BTCUSDT market: a true order book evolving by random level changes, and trades
 * with consecutive ids. It renders Binance's USDⓈ-M JSON (diff depth with U/u/pu, trade, book
 * ticker, depth snapshot) and can rebuild its book as of any update id, independently of the
 * client's code, as the ground truth of the tests. Prices in cents (tick 0.10 = 10 units),
 * quantities in thousandths.
 */
public final class FakeMarket {

  /** One rendered message: its stream and JSON payload (the {@code data} of the envelope). */
  public record Message(String stream, String data, boolean depth, long id) {}

  private record Change(boolean bid, long price, long qty) {}

  private record Diff(long u, List<Change> changes) {}

  private final SplittableRandom rnd;
  private final TreeMap<Long, Long> bids = new TreeMap<>();
  private final TreeMap<Long, Long> asks = new TreeMap<>();
  private final TreeMap<Long, Long> initialBids;
  private final TreeMap<Long, Long> initialAsks;
  private final long initialU;
  private final List<Diff> history = new ArrayList<>();
  private final Map<Long, String> tradeJson = new TreeMap<>();
  private long u = 1_000_000;
  private long tradeId = 5_000;
  private long time = 1_723_161_256_000L;

  public FakeMarket(long seed) {
    this.rnd = new SplittableRandom(seed);
    for (int k = 0; k < 20; k++) {
      bids.put(6_000_000L - 10L * k, 1 + (long) rnd.nextInt(5000));
      asks.put(6_000_010L + 10L * k, 1 + (long) rnd.nextInt(5000));
    }
    initialBids = new TreeMap<>(bids);
    initialAsks = new TreeMap<>(asks);
    initialU = u;
  }

  public synchronized long lastUpdateId() {
    return u;
  }

  /** The id of the last trade, or the one before the first. */
  public synchronized long lastTradeId() {
    return tradeId;
  }

  /** Advances the market by one step and renders what it published, in order. */
  public synchronized List<Message> step() {
    time += 1 + rnd.nextInt(20);
    List<Message> out = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      boolean bid = rnd.nextBoolean();
      TreeMap<Long, Long> side = bid ? bids : asks;
      long price =
          bid
              ? asks.firstKey() - 10L * (1 + rnd.nextInt(25))
              : bids.lastKey() + 10L * (1 + rnd.nextInt(25));
      long qty = rnd.nextInt(10) < 3 ? 0 : 1 + rnd.nextInt(5000);
      if (qty == 0 && side.size() <= 1) {
        qty = 7;
      }
      if (qty == 0) {
        side.remove(price);
      } else {
        side.put(price, qty);
      }
      changes.add(new Change(bid, price, qty));
    }
    long pu = u;
    long first = u + 1;
    u = first + rnd.nextInt(4);
    history.add(new Diff(u, List.copyOf(changes)));
    StringBuilder b = new StringBuilder();
    b.append("{\"e\":\"depthUpdate\",\"E\":").append(time).append(",\"T\":").append(time - 1);
    b.append(",\"s\":\"BTCUSDT\",\"U\":").append(first).append(",\"u\":").append(u);
    b.append(",\"pu\":").append(pu).append(",\"b\":[");
    levels(b, changes, true);
    b.append("],\"a\":[");
    levels(b, changes, false);
    b.append("]}");
    out.add(new Message("btcusdt@depth@100ms", b.toString(), true, u));
    int trades = rnd.nextInt(3);
    for (int i = 0; i < trades; i++) {
      tradeId++;
      boolean buyerMaker = rnd.nextBoolean();
      long px = buyerMaker ? bids.lastKey() : asks.firstKey();
      String t =
          "{\"e\":\"trade\",\"E\":"
              + time
              + ",\"T\":"
              + time
              + ",\"s\":\"BTCUSDT\",\"t\":"
              + tradeId
              + ",\"p\":\""
              + price(px)
              + "\",\"q\":\""
              + qty(1 + rnd.nextInt(900))
              + "\",\"X\":\"MARKET\",\"m\":"
              + buyerMaker
              + "}";
      tradeJson.put(tradeId, t);
      out.add(new Message("btcusdt@trade", t, false, tradeId));
    }
    out.add(
        new Message(
            "btcusdt@bookTicker",
            "{\"e\":\"bookTicker\",\"u\":"
                + u
                + ",\"s\":\"BTCUSDT\",\"b\":\""
                + price(bids.lastKey())
                + "\",\"B\":\""
                + qty(bids.lastEntry().getValue())
                + "\",\"a\":\""
                + price(asks.firstKey())
                + "\",\"A\":\""
                + qty(asks.firstEntry().getValue())
                + "\",\"T\":"
                + time
                + ",\"E\":"
                + time
                + "}",
            false,
            u));
    return out;
  }

  private static void levels(StringBuilder b, List<Change> changes, boolean bid) {
    boolean first = true;
    for (Change c : changes) {
      if (c.bid() != bid) {
        continue;
      }
      if (!first) {
        b.append(',');
      }
      first = false;
      b.append("[\"").append(price(c.price())).append("\",\"").append(qty(c.qty())).append("\"]");
    }
  }

  static String price(long cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  static String qty(long thousandths) {
    return String.format(Locale.ROOT, "%d.%03d", thousandths / 1000, thousandths % 1000);
  }

  /** The REST snapshot of the current book. */
  public synchronized String snapshotJson() {
    StringBuilder b = new StringBuilder();
    b.append("{\"lastUpdateId\":").append(u).append(",\"E\":").append(time).append(",\"T\":");
    b.append(time).append(",\"bids\":[");
    boolean first = true;
    for (Map.Entry<Long, Long> e : bids.descendingMap().entrySet()) {
      b.append(first ? "" : ",").append("[\"").append(price(e.getKey())).append("\",\"");
      b.append(qty(e.getValue())).append("\"]");
      first = false;
    }
    b.append("],\"asks\":[");
    first = true;
    for (Map.Entry<Long, Long> e : asks.entrySet()) {
      b.append(first ? "" : ",").append("[\"").append(price(e.getKey())).append("\",\"");
      b.append(qty(e.getValue())).append("\"]");
      first = false;
    }
    return b.append("]}").toString();
  }

  /**
   * The true book as of update id {@code id}, rebuilt from the initial book and the script: bids
   * then asks as {@code [price units, qty units]} best first.
   */
  public synchronized List<long[]> bookAt(long id, boolean bidSide) {
    if (id < initialU) {
      throw new IllegalArgumentException("no book before " + initialU + ": " + id);
    }
    TreeMap<Long, Long> b = new TreeMap<>(initialBids);
    TreeMap<Long, Long> a = new TreeMap<>(initialAsks);
    boolean found = id == initialU;
    for (Diff d : history) {
      if (d.u() > id) {
        break;
      }
      for (Change c : d.changes()) {
        TreeMap<Long, Long> side = c.bid() ? b : a;
        if (c.qty() == 0) {
          side.remove(c.price());
        } else {
          side.put(c.price(), c.qty());
        }
      }
      found |= d.u() == id;
    }
    if (!found) {
      throw new IllegalArgumentException("no diff ends at update id " + id);
    }
    List<long[]> out = new ArrayList<>();
    for (Map.Entry<Long, Long> e : (bidSide ? b.descendingMap() : a).entrySet()) {
      out.add(new long[] {e.getKey(), e.getValue()});
    }
    return out;
  }

  /** The trades with ids in [from, to], as the REST backfill would return them (raw JSON). */
  public synchronized List<String> trades(long from, long to) {
    List<String> out = new ArrayList<>();
    for (long id = from; id <= to; id++) {
      String t = tradeJson.get(id);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }
}
