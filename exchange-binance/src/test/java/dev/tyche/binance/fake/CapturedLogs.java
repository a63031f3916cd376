package dev.tyche.binance.fake;

import java.util.ArrayList;
import java.util.List;

/** Every log line written through SLF4J during the tests, formatted with its throwable. */
public final class CapturedLogs {

  private static final List<String> LINES = new ArrayList<>();
  private static final int MAX = 200_000;

  private CapturedLogs() {}

  static synchronized void add(String line) {
    if (LINES.size() >= MAX) {
      LINES.subList(0, MAX / 2).clear();
    }
    LINES.add(line);
  }

  public static synchronized List<String> snapshot() {
    return new ArrayList<>(LINES);
  }

  public static synchronized int size() {
    return LINES.size();
  }
}
