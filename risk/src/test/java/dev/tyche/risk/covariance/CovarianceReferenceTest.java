package dev.tyche.risk.covariance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the covariance estimators against every {@code markowitz_*} file in {@code
 * tyche.reference.dir}: the sample covariance ({@code result.sample_cov_ddof<k>}) and every block
 * of {@code result.ledoit_wolf}. A block is interpreted from its own fields: one carrying the
 * constant-correlation quantities ({@code rbar}, {@code pi_hat}, {@code target_F} ...) is the
 * constant-correlation target; one whose definition names a {@code trace(S)/n} identity target is
 * the scaled identity; a nested block whose note says it is PyPortfolioOpt's default with the T-1
 * covariance is {@link ConstantCorrelationVariant#PYPORTFOLIOOPT_1_5_6}. Anything else fails, as
 * does an unknown field. Fields named {@code crosscheck_*} and {@code max_abs_diff_*} record other
 * tools' agreement and are not compared.
 *
 * <p>Tolerances from the file: {@code shrinkage_absolute} for intensities; {@code
 * covariance_relative} for matrices (element-wise, relative to {@code max(|e_ij|, 0.01 max|E|)} so
 * that an entry near zero is not held to an impossible bound) and for the scalar intermediate
 * quantities.
 */
class CovarianceReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SAMPLE = Pattern.compile("sample_cov_ddof([01])");

  @Test
  void everyMarkowitzFileCovarianceMatches() throws IOException {
    String prop = System.getProperty("tyche.reference.dir");
    assertThat(prop).as("system property tyche.reference.dir").isNotNull();
    Path dir = Path.of(prop);
    assertThat(dir).isDirectory();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("markowitz_"))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("markowitz_* files in %s", dir).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      int count = checkFile(file, failures);
      System.out.println("reference " + file.getFileName() + ": " + count + " cases");
    }
    assertThat(failures).isEmpty();
  }

  private static int checkFile(Path file, List<String> failures) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    String name = file.getFileName().toString();
    JsonNode tolNode = root.path("tolerance");
    if (!tolNode.path("shrinkage_absolute").isNumber()
        || !tolNode.path("covariance_relative").isNumber()) {
      failures.add(name + ": tolerance.shrinkage_absolute or covariance_relative missing");
      return 0;
    }
    Checker c =
        new Checker(
            tolNode.get("shrinkage_absolute").asDouble(),
            tolNode.get("covariance_relative").asDouble(),
            failures);
    JsonNode returnsNode = root.path("input").path("returns");
    if (!returnsNode.isArray() || returnsNode.isEmpty()) {
      failures.add(name + ": no input.returns matrix");
      return 0;
    }
    double[][] returns = matrix(returnsNode);
    JsonNode result = root.path("result");
    int count = 0;
    for (String key : names(result)) {
      Matcher m = SAMPLE.matcher(key);
      if (m.matches()) {
        int ddof = Integer.parseInt(m.group(1));
        c.matrix(
            name + "/" + key, CovarianceEstimators.sample(returns, ddof), matrix(result.get(key)));
        count++;
      }
    }
    JsonNode lw = result.path("ledoit_wolf");
    for (String key : names(lw)) {
      count += checkBlock(name + "/ledoit_wolf/" + key, lw.get(key), returns, c);
    }
    return count;
  }

  /** Checks one ledoit_wolf block (and any nested variant) and returns the number of cases. */
  private static int checkBlock(String name, JsonNode block, double[][] returns, Checker c) {
    String definition = block.path("definition").asText("");
    boolean constantCorrelation = block.has("rbar") || block.has("pi_hat") || block.has("target_F");
    boolean oneOverT = definition.contains("(1/T)") || definition.contains("divides by T, not T-1");
    if (constantCorrelation && oneOverT) {
      ConstantCorrelationShrinkage a =
          LedoitWolf.constantCorrelation(returns, ConstantCorrelationVariant.PAPER);
      int count = 1;
      for (String key : names(block)) {
        JsonNode v = block.get(key);
        String where = name + "." + key;
        switch (key) {
          case "definition" -> {}
          case "shrinkage" -> c.shrinkage(where, a.shrinkage(), v.asDouble());
          case "shrunk_cov" -> c.matrix(where, a.covariance(), matrix(v));
          case "target_F" -> c.matrix(where, a.estimate().targetMatrix(), matrix(v));
          case "sample_cov_1_over_T" -> c.matrix(where, a.estimate().sampleCovariance(), matrix(v));
          case "rbar" -> c.scalar(where, a.meanCorrelation(), v.asDouble());
          case "pi_hat" -> c.scalar(where, a.piHat(), v.asDouble());
          case "rho_hat" -> c.scalar(where, a.rhoHat(), v.asDouble());
          case "gamma_hat" -> c.scalar(where, a.gammaHat(), v.asDouble());
          case "kappa_hat" -> c.scalar(where, a.kappaHat(), v.asDouble());
          default -> {
            if (v.isObject()) {
              count += checkVariant(where, v, returns, c);
            } else if (!isCrosscheck(key)) {
              c.fail(where + ": unknown field");
            }
          }
        }
      }
      return count;
    }
    if (!constantCorrelation && definition.contains("trace(S") && oneOverT) {
      ShrunkCovariance a = LedoitWolf.scaledIdentity(returns);
      for (String key : names(block)) {
        JsonNode v = block.get(key);
        String where = name + "." + key;
        switch (key) {
          case "definition" -> {}
          case "shrinkage" -> c.shrinkage(where, a.shrinkage(), v.asDouble());
          case "covariance" -> c.matrix(where, a.covariance(), matrix(v));
          default -> {
            if (!isCrosscheck(key)) {
              c.fail(where + ": unknown field");
            }
          }
        }
      }
      return 1;
    }
    c.fail(name + ": cannot interpret a block with fields " + names(block));
    return 1;
  }

  private static int checkVariant(String name, JsonNode v, double[][] returns, Checker c) {
    String note = v.path("note").asText("");
    if (!(note.contains("PyPortfolioOpt 1.5.6") && note.contains("T-1"))) {
      c.fail(name + ": cannot interpret the variant (note: " + note + ")");
      return 1;
    }
    ConstantCorrelationShrinkage a =
        LedoitWolf.constantCorrelation(returns, ConstantCorrelationVariant.PYPORTFOLIOOPT_1_5_6);
    for (String key : names(v)) {
      String where = name + "." + key;
      switch (key) {
        case "note" -> {}
        case "shrinkage" -> c.shrinkage(where, a.shrinkage(), v.get(key).asDouble());
        case "shrunk_cov" -> c.matrix(where, a.covariance(), matrix(v.get(key)));
        default -> {
          if (!isCrosscheck(key)) {
            c.fail(where + ": unknown field");
          }
        }
      }
    }
    return 1;
  }

  private static boolean isCrosscheck(String key) {
    return key.startsWith("crosscheck") || key.startsWith("max_abs_diff");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      names.add(it.next().getKey());
    }
    return names;
  }

  private static double[][] matrix(JsonNode node) {
    double[][] m = new double[node.size()][];
    for (int i = 0; i < m.length; i++) {
      JsonNode row = node.get(i);
      m[i] = new double[row.size()];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = row.get(j).asDouble();
      }
    }
    return m;
  }

  private record Checker(double shrinkageAbs, double covRel, List<String> failures) {
    void fail(String message) {
      failures.add(message);
    }

    void shrinkage(String where, double actual, double expected) {
      if (!(Math.abs(actual - expected) <= shrinkageAbs)) {
        fail(String.format(Locale.ROOT, "%s = %s but expected %s", where, actual, expected));
      }
    }

    void scalar(String where, double actual, double expected) {
      if (!(Math.abs(actual - expected) <= covRel * Math.abs(expected))) {
        fail(String.format(Locale.ROOT, "%s = %s but expected %s", where, actual, expected));
      }
    }

    void matrix(String where, double[][] actual, double[][] expected) {
      if (actual.length != expected.length) {
        fail(where + ": " + actual.length + " rows but expected " + expected.length);
        return;
      }
      double max = 0;
      for (double[] row : expected) {
        for (double x : row) {
          max = Math.max(max, Math.abs(x));
        }
      }
      for (int i = 0; i < expected.length; i++) {
        if (actual[i].length != expected[i].length) {
          fail(where + ": row " + i + " length differs");
          return;
        }
        for (int j = 0; j < expected[i].length; j++) {
          double e = expected[i][j];
          double bound = covRel * Math.max(Math.abs(e), 0.01 * max);
          if (!(Math.abs(actual[i][j] - e) <= bound)) {
            fail(
                String.format(
                    Locale.ROOT, "%s[%d][%d] = %s but expected %s", where, i, j, actual[i][j], e));
          }
        }
      }
    }
  }
}
