package dev.tyche.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.strategy.indicator.Atr;
import dev.tyche.strategy.indicator.BollingerBands;
import dev.tyche.strategy.indicator.Cci;
import dev.tyche.strategy.indicator.Dema;
import dev.tyche.strategy.indicator.DonchianChannel;
import dev.tyche.strategy.indicator.Ema;
import dev.tyche.strategy.indicator.Indicator;
import dev.tyche.strategy.indicator.Macd;
import dev.tyche.strategy.indicator.Momentum;
import dev.tyche.strategy.indicator.RateOfChange;
import dev.tyche.strategy.indicator.Rsi;
import dev.tyche.strategy.indicator.Sma;
import dev.tyche.strategy.indicator.Wma;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the streaming indicators against every {@code ttr_*} reference file (R TTR output).
 *
 * <p>Each series is interpreted from its own key: an indicator name, its integer parameters and an
 * optional qualifier (the input column, or the MACD form), e.g. {@code SMA20}, {@code
 * BBands20_2_typical_price}, {@code MACD_12_26_9_percent}. Sub-series (for example {@code dn},
 * {@code mavg}) are TTR's output column names. Every value, including the {@code null} warm-up
 * positions, is compared; the {@code summary} block (first valid index, first values, values at
 * given indices) is checked too. A series that cannot be interpreted fails the test.
 */
class IndicatorReferenceTest {

  private static final Pattern KEY =
      Pattern.compile("^([A-Za-z]+)_?(\\d+(?:_\\d+)*)(?:_([A-Za-z][A-Za-z_]*))?$");

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void everyTtrFileMatchesTheStreamingIndicators() throws IOException {
    Path dir = Path.of(System.getProperty("tyche.reference.dir", "../shared/reference"));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("ttr_"))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("ttr_ reference files in %s", dir).isNotEmpty();
    for (Path file : files) {
      int cases = checkFile(file);
      System.out.println("reference " + file.getFileName() + ": " + cases + " cases");
    }
  }

  private int checkFile(Path file) throws IOException {
    JsonNode root = mapper.readTree(file.toFile());
    String name = file.getFileName().toString();
    JsonNode tolerance = required(root, "tolerance", name);
    double relative = required(tolerance, "relative", name).asDouble();
    double absoluteBelowOne = required(tolerance, "absolute_for_values_below_1", name).asDouble();
    Input input = Input.read(required(root, "input", name), name);

    Map<String, Map<String, double[]>> computed = new HashMap<>();
    int cases = 0;
    JsonNode full = required(root, "full_output", name);
    for (Iterator<Map.Entry<String, JsonNode>> it = full.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Map<String, double[]> outputs = computed.computeIfAbsent(e.getKey(), k -> compute(k, input));
      JsonNode node = e.getValue();
      if (node.isArray()) {
        compareSeries(
            name, e.getKey(), node, output(outputs, "", e.getKey()), relative, absoluteBelowOne);
        cases++;
      } else if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> sub = node.fields(); sub.hasNext(); ) {
          Map.Entry<String, JsonNode> s = sub.next();
          String label = e.getKey() + "." + s.getKey();
          compareSeries(
              name,
              label,
              s.getValue(),
              output(outputs, s.getKey(), label),
              relative,
              absoluteBelowOne);
          cases++;
        }
      } else {
        fail("%s: full_output.%s is neither an array nor an object", name, e.getKey());
      }
    }
    JsonNode summary = root.get("summary");
    if (summary != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        int dot = key.indexOf('.');
        String series = dot < 0 ? key : key.substring(0, dot);
        String column = dot < 0 ? "" : key.substring(dot + 1);
        Map<String, double[]> outputs = computed.computeIfAbsent(series, k -> compute(k, input));
        checkSummary(
            name, key, e.getValue(), output(outputs, column, key), relative, absoluteBelowOne);
        cases++;
      }
    }
    assertThat(cases).as("%s holds no series", name).isPositive();
    return cases;
  }

  private static double[] output(Map<String, double[]> outputs, String column, String label) {
    double[] values = outputs.get(column);
    if (values == null) {
      fail(
          "series %s: output '%s' is unknown; known outputs are %s",
          label, column, outputs.keySet());
    }
    return values;
  }

  private static void compareSeries(
      String file, String label, JsonNode expected, double[] actual, double rel, double abs) {
    assertThat(expected.size()).as("%s %s length", file, label).isEqualTo(actual.length);
    for (int t = 0; t < actual.length; t++) {
      JsonNode e = expected.get(t);
      if (e.isNull()) {
        assertThat(actual[t]).as("%s %s[%d] must be undefined (warm-up)", file, label, t).isNaN();
      } else {
        assertClose(file + " " + label + "[" + t + "]", e.asDouble(), actual[t], rel, abs);
      }
    }
  }

  private static void checkSummary(
      String file, String label, JsonNode block, double[] actual, double rel, double abs) {
    int first = 0;
    while (first < actual.length && Double.isNaN(actual[first])) {
      first++;
    }
    boolean any = false;
    if (block.has("first_valid_index")) {
      assertThat(first)
          .as("%s summary %s first_valid_index", file, label)
          .isEqualTo(block.get("first_valid_index").asInt());
      any = true;
    }
    if (block.has("values")) {
      JsonNode values = block.get("values");
      for (int i = 0; i < values.size(); i++) {
        assertClose(
            file + " summary " + label + ".values[" + i + "]",
            values.get(i).asDouble(),
            actual[first + i],
            rel,
            abs);
      }
      any = true;
    }
    if (block.has("at_index")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = block.get("at_index").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int t = Integer.parseInt(e.getKey());
        assertClose(
            file + " summary " + label + " at " + t, e.getValue().asDouble(), actual[t], rel, abs);
      }
      any = true;
    }
    assertThat(any).as("%s summary %s has nothing this test can check", file, label).isTrue();
  }

  private static void assertClose(
      String what, double expected, double actual, double rel, double abs) {
    double allowed = Math.abs(expected) < 1.0 ? abs : rel * Math.abs(expected);
    if (!(Math.abs(actual - expected) <= allowed)) {
      fail("%s: expected %s but was %s (allowed difference %s)", what, expected, actual, allowed);
    }
  }

  /**
   * Runs the indicator named by a series key over the input; outputs keyed by TTR's column names.
   */
  private static Map<String, double[]> compute(String key, Input in) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      fail("series key '%s' is not of the form <indicator><parameters>[_<qualifier>]", key);
    }
    String indicator = m.group(1).toUpperCase(Locale.ROOT);
    int[] p = Arrays.stream(m.group(2).split("_")).mapToInt(Integer::parseInt).toArray();
    String qualifier = m.group(3);
    Map<String, double[]> out = new LinkedHashMap<>();
    switch (indicator) {
      case "SMA" -> out.put("", single(key, p, 1, in.column(qualifier, key), Sma::new));
      case "EMA" -> out.put("", single(key, p, 1, in.column(qualifier, key), Ema::new));
      case "WMA" -> out.put("", single(key, p, 1, in.column(qualifier, key), Wma::new));
      case "DEMA" -> out.put("", single(key, p, 1, in.column(qualifier, key), Dema::new));
      case "RSI" -> out.put("", single(key, p, 1, in.column(qualifier, key), Rsi::new));
      case "ROC" -> out.put("", single(key, p, 1, in.column(qualifier, key), RateOfChange::new));
      case "MOMENTUM" -> out.put("", single(key, p, 1, in.column(qualifier, key), Momentum::new));
      case "BBANDS" -> bollinger(key, p, in.column(qualifier, key), out);
      case "MACD" -> macd(key, p, qualifier, in.column(null, key), out);
      case "ATR" -> atr(key, p, qualifier, in, out);
      case "DONCHIAN", "DONCHIANCHANNEL" -> donchian(key, p, qualifier, in, out);
      case "CCI" -> cci(key, p, qualifier, in, out);
      default -> fail("series %s: indicator '%s' is not known to this test", key, m.group(1));
    }
    return out;
  }

  private static void arity(String key, int[] p, int expected) {
    if (p.length != expected) {
      fail("series %s: expected %d parameter(s) but found %s", key, expected, Arrays.toString(p));
    }
  }

  private static void noQualifier(String key, String qualifier) {
    if (qualifier != null) {
      fail("series %s: qualifier '%s' is not understood", key, qualifier);
    }
  }

  private static double[] single(
      String key, int[] p, int params, double[] x, IntFunction<Indicator> factory) {
    arity(key, p, params);
    Indicator ind = factory.apply(p[0]);
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      ind.update(x[t]);
      out[t] = ind.value();
      assertThat(ind.isReady())
          .as("%s isReady at %d", key, t)
          .isEqualTo(t >= ind.warmUpPeriod() - 1);
    }
    return out;
  }

  private static void bollinger(String key, int[] p, double[] x, Map<String, double[]> out) {
    arity(key, p, 2);
    BollingerBands bb = new BollingerBands(p[0], p[1]);
    double[] dn = new double[x.length];
    double[] mavg = new double[x.length];
    double[] up = new double[x.length];
    double[] pctB = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      bb.update(x[t]);
      dn[t] = bb.lower();
      mavg[t] = bb.middle();
      up[t] = bb.upper();
      pctB[t] = bb.percentB();
    }
    out.put("dn", dn);
    out.put("mavg", mavg);
    out.put("up", up);
    out.put("pctB", pctB);
  }

  private static void macd(
      String key, int[] p, String qualifier, double[] x, Map<String, double[]> out) {
    arity(key, p, 3);
    Macd.Form form;
    if ("percent".equals(qualifier)) {
      form = Macd.Form.PERCENT;
    } else if ("price".equals(qualifier)) {
      form = Macd.Form.PRICE_DIFFERENCE;
    } else {
      form = fail("series %s: MACD form '%s' is not understood", key, qualifier);
    }
    Macd macd = new Macd(p[0], p[1], p[2], form);
    double[] line = new double[x.length];
    double[] signal = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      macd.update(x[t]);
      line[t] = macd.macd();
      signal[t] = macd.signal();
    }
    out.put("macd", line);
    out.put("signal", signal);
  }

  private static void atr(
      String key, int[] p, String qualifier, Input in, Map<String, double[]> out) {
    arity(key, p, 1);
    noQualifier(key, qualifier);
    Atr atr = new Atr(p[0]);
    int n = in.close.length;
    double[] tr = new double[n];
    double[] value = new double[n];
    double[] trueHigh = new double[n];
    double[] trueLow = new double[n];
    for (int t = 0; t < n; t++) {
      atr.update(in.high()[t], in.low()[t], in.close[t]);
      tr[t] = atr.trueRange();
      value[t] = atr.value();
      trueHigh[t] = atr.trueHigh();
      trueLow[t] = atr.trueLow();
    }
    out.put("tr", tr);
    out.put("atr", value);
    out.put("trueHigh", trueHigh);
    out.put("trueLow", trueLow);
  }

  private static void donchian(
      String key, int[] p, String qualifier, Input in, Map<String, double[]> out) {
    arity(key, p, 1);
    noQualifier(key, qualifier);
    DonchianChannel dc = new DonchianChannel(p[0]);
    int n = in.close.length;
    double[] high = new double[n];
    double[] mid = new double[n];
    double[] low = new double[n];
    for (int t = 0; t < n; t++) {
      dc.update(in.high()[t], in.low()[t], in.close[t]);
      high[t] = dc.upper();
      mid[t] = dc.middle();
      low[t] = dc.lower();
    }
    out.put("high", high);
    out.put("mid", mid);
    out.put("low", low);
  }

  private static void cci(
      String key, int[] p, String qualifier, Input in, Map<String, double[]> out) {
    arity(key, p, 1);
    noQualifier(key, qualifier);
    Cci cci = new Cci(p[0]);
    int n = in.close.length;
    double[] v = new double[n];
    for (int t = 0; t < n; t++) {
      cci.update(in.high()[t], in.low()[t], in.close[t]);
      v[t] = cci.value();
    }
    out.put("", v);
  }

  /** The file's input columns. */
  private record Input(Map<String, double[]> columns, double[] close) {

    static Input read(JsonNode node, String file) {
      Map<String, double[]> columns = new HashMap<>();
      for (String c : List.of("open", "high", "low", "close", "volume")) {
        JsonNode a = node.get(c);
        if (a != null) {
          double[] v = new double[a.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
          }
          columns.put(c, v);
        }
      }
      double[] close = columns.get("close");
      if (close == null) {
        fail("%s: input has no close column", file);
      }
      List<String> mismatched = new ArrayList<>();
      columns.forEach(
          (k, v) -> {
            if (v.length != close.length) {
              mismatched.add(k);
            }
          });
      assertThat(mismatched).as("%s: input columns of unequal length", file).isEmpty();
      JsonNode slice = node.get("data_slice");
      if (slice != null && slice.has("n_rows")) {
        assertThat(close.length)
            .as("%s: data_slice.n_rows", file)
            .isEqualTo(slice.get("n_rows").asInt());
      }
      return new Input(columns, close);
    }

    double[] high() {
      return need("high");
    }

    double[] low() {
      return need("low");
    }

    private double[] need(String c) {
      double[] v = columns.get(c);
      if (v == null) {
        fail("input column '%s' is required but absent", c);
      }
      return v;
    }

    /** The price series a qualifier names: close by default, or the HLC typical price. */
    double[] column(String qualifier, String key) {
      if (qualifier == null || qualifier.equals("close")) {
        return close;
      }
      if (qualifier.equals("typical_price")) {
        double[] h = high();
        double[] l = low();
        double[] tp = new double[close.length];
        for (int t = 0; t < tp.length; t++) {
          tp[t] = (h[t] + l[t] + close[t]) / 3.0;
        }
        return tp;
      }
      if (columns.containsKey(qualifier)) {
        return columns.get(qualifier);
      }
      return fail("series %s: input '%s' is not understood", key, qualifier);
    }
  }

  private static JsonNode required(JsonNode node, String field, String file) {
    JsonNode v = node.get(field);
    if (v == null) {
      fail("%s: field '%s' is missing", file, field);
    }
    return v;
  }
}
