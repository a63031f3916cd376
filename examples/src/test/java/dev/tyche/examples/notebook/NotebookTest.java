package dev.tyche.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every code cell of every notebook in {@code examples/notebooks} through {@code
 * jdk.jshell}, in a separate JVM that sees only the examples module's runtime class path, as a user
 * of the IJava kernel with {@code %maven dev.tyche:tyche-examples} would. A notebook fails on a
 * compile error, an unresolved symbol, an incomplete snippet, an exception, an unsupported magic,
 * or when it displays no SVG chart.
 *
 * <p>The runtime class path comes from {@code target/runtime-classpath.txt} when the build writes
 * it (maven-dependency-plugin {@code build-classpath}, {@code includeScope=runtime}); otherwise it
 * is this JVM's test class path without the test output and without the test-scope artifacts listed
 * in {@link #TEST_SCOPE_ARTIFACTS}.
 */
class NotebookTest {

  /**
   * Maven repository path fragments of the artifacts the examples module has only in test scope
   * (JUnit, AssertJ with Byte Buddy, jqwik, ArchUnit and their support jars).
   */
  static final List<String> TEST_SCOPE_ARTIFACTS =
      List.of(
          "/org/junit/",
          "/org/opentest4j/",
          "/org/apiguardian/",
          "/org/assertj/",
          "/net/bytebuddy/",
          "/net/jqwik/",
          "/com/tngtech/archunit/",
          "/org/apache/maven/surefire/",
          "/org/jacoco/");

  private static final Path MODULE = moduleDir();
  private static final Duration PER_NOTEBOOK = Duration.ofSeconds(90);

  private static Path moduleDir() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("notebooks")) ? here : here.resolve("examples");
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(MODULE.resolve("notebooks"))) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  static List<String> runtimeClassPath() throws IOException {
    Path written = MODULE.resolve("target/runtime-classpath.txt");
    List<String> cp = new ArrayList<>();
    cp.add(MODULE.resolve("target/classes").toString());
    if (Files.isRegularFile(written)) {
      for (String e :
          Files.readString(written, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
        if (!e.isBlank()) {
          cp.add(e);
        }
      }
      return cp;
    }
    String testPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String e : testPath.split(File.pathSeparator)) {
      String unix = e.replace(File.separatorChar, '/');
      boolean testOnly =
          unix.endsWith("/test-classes")
              || unix.endsWith("/test-classes/")
              || Path.of(e).toAbsolutePath().equals(MODULE.resolve("target/classes"))
              || TEST_SCOPE_ARTIFACTS.stream().anyMatch(unix::contains);
      if (!e.isBlank() && !testOnly) {
        cp.add(e);
      }
    }
    return cp;
  }

  @Test
  void theRuntimeClassPathHasTheLibraryButNoTestScopeJar() throws IOException {
    List<String> cp = runtimeClassPath();
    assertThat(cp).anyMatch(e -> e.contains("tyche-backtest") || e.contains("/backtest/target/"));
    assertThat(cp).anyMatch(e -> e.contains("slf4j-simple"));
    assertThat(cp)
        .noneMatch(e -> TEST_SCOPE_ARTIFACTS.stream().anyMatch(e.replace('\\', '/')::contains))
        .noneMatch(e -> e.endsWith("test-classes"));
  }

  @Test
  void theNotebooksAreThere() throws IOException {
    assertThat(notebooks()).hasSizeGreaterThanOrEqualTo(4);
  }

  @TestFactory
  Stream<DynamicTest> everyCodeCellRuns() throws IOException {
    List<String> cp = runtimeClassPath();
    return notebooks().stream()
        .map(
            nb ->
                DynamicTest.dynamicTest(
                    nb.getFileName().toString(),
                    () -> {
                      NotebookRunner.Outcome outcome =
                          assertTimeoutPreemptively(PER_NOTEBOOK, () -> NotebookRunner.run(nb, cp));
                      Path log = MODULE.resolve("target/notebook-output");
                      Files.createDirectories(log);
                      Files.writeString(
                          log.resolve(nb.getFileName() + ".txt"),
                          outcome.output(),
                          StandardCharsets.UTF_8);
                      System.out.println(
                          "notebook "
                              + nb.getFileName()
                              + ": "
                              + outcome.snippets()
                              + " snippets, displays "
                              + outcome.displays());
                      assertThat(outcome.svgCount())
                          .as("%s displays at least one image/svg+xml", nb.getFileName())
                          .isGreaterThanOrEqualTo(1);
                    }));
  }
}
