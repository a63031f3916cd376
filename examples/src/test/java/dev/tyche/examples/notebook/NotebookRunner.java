package dev.tyche.examples.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs the code cells of one Jupyter notebook the way the IJava kernel would, through the public
 * {@code jdk.jshell} API, in a separate JVM whose class path is exactly the one given (the examples
 * module's runtime class path).
 *
 * <p>What the kernel does and this runner copies: the default imports, {@code display}/{@code
 * render} (here stand-ins that record the MIME type and check that an SVG is well-formed XML), and
 * the magics. {@code %maven} and {@code %%loadFromPOM} are accepted only for this project's own
 * artifacts ({@code dev.tyche:*}), which the class path under test provides; {@code %jars} and
 * {@code %classpath} are resolved against the notebook's folder and put on the class path before
 * the first cell runs; any other magic fails.
 */
final class NotebookRunner {

  /** The imports IJava adds before the first cell. */
  static final List<String> DEFAULT_IMPORTS =
      List.of(
          "java.util.*",
          "java.io.*",
          "java.math.*",
          "java.net.*",
          "java.time.*",
          "java.util.concurrent.*",
          "java.util.prefs.*",
          "java.util.regex.*");

  private static final String SVG = "image/svg+xml";

  /** Stand-ins for IJava's display API, evaluated once in the remote VM. */
  private static final List<String> STAND_INS =
      List.of(
          "List<String> tycheNotebookDisplays = new ArrayList<>();",
          """
          String display(Object value, String... mimeTypes) {
              if (value == null) {
                  throw new NullPointerException("display(null)");
              }
              String mime = mimeTypes.length == 0 ? "text/plain" : mimeTypes[0];
              if (mime.equals("image/svg+xml")) {
                  try {
                      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                      factory.setNamespaceAware(true);
                      var root = factory.newDocumentBuilder()
                          .parse(new ByteArrayInputStream(
                              value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                          .getDocumentElement();
                      if (!"svg".equals(root.getLocalName())) {
                          throw new IllegalArgumentException(
                              "image/svg+xml root element is " + root.getLocalName());
                      }
                  } catch (javax.xml.parsers.ParserConfigurationException
                      | org.xml.sax.SAXException | IOException e) {
                      throw new IllegalArgumentException("image/svg+xml is not well-formed: " + e, e);
                  }
              } else if (value.toString().isEmpty()) {
                  throw new IllegalArgumentException("display of an empty " + mime);
              }
              tycheNotebookDisplays.add(mime);
              return "display-" + tycheNotebookDisplays.size();
          }""",
          "Object render(Object value, String... mimeTypes) { return value; }");

  private static final Pattern TYCHE_COORDINATE =
      Pattern.compile("dev\\.tyche:[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)*");
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern GROUP_ID =
      Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>", Pattern.DOTALL);

  private NotebookRunner() {}

  /** One code cell: its index in the notebook's {@code cells} array and its source. */
  record Cell(int index, String source) {}

  /** What a notebook run produced. */
  record Outcome(int snippets, List<String> displays, String output) {
    long svgCount() {
      return displays.stream().filter(SVG::equals).count();
    }
  }

  /** The code cells of a notebook, with {@code source} joined. */
  static List<Cell> codeCells(Path notebook) throws IOException {
    JsonNode root = new ObjectMapper().readTree(notebook.toFile());
    requireThat(root.path("nbformat").asInt() == 4, notebook, "nbformat must be 4");
    requireThat(
        "java".equals(root.path("metadata").path("kernelspec").path("language").asText()),
        notebook,
        "kernelspec.language must be java");
    List<Cell> cells = new ArrayList<>();
    JsonNode all = root.path("cells");
    for (int i = 0; i < all.size(); i++) {
      JsonNode cell = all.get(i);
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      JsonNode source = cell.path("source");
      String text;
      if (source.isArray()) {
        StringBuilder b = new StringBuilder();
        source.forEach(line -> b.append(line.asText()));
        text = b.toString();
      } else {
        text = source.asText();
      }
      cells.add(new Cell(i, text));
    }
    return cells;
  }

  /**
   * Removes the magics of a cell and returns the Java left over, adding class path entries named by
   * {@code %jars}/{@code %classpath} to {@code extraClassPath}.
   *
   * @throws IllegalArgumentException for a magic the runner cannot honour
   */
  static String stripMagics(String source, Path notebookDir, List<String> extraClassPath) {
    String[] lines = source.split("\n", -1);
    if (lines.length > 0 && lines[0].strip().startsWith("%%")) {
      String magic = lines[0].strip().substring(2).split("\\s+", 2)[0];
      String body = String.join("\n", List.of(lines).subList(1, lines.length));
      if (!magic.equals("loadFromPOM")) {
        throw new IllegalArgumentException("unsupported cell magic %%" + magic);
      }
      Matcher dep = DEPENDENCY.matcher(body);
      int count = 0;
      while (dep.find()) {
        Matcher group = GROUP_ID.matcher(dep.group(1));
        String groupId = group.find() ? group.group(1) : "(none)";
        if (!groupId.equals("dev.tyche")) {
          throw new IllegalArgumentException(
              "%%loadFromPOM names a dependency outside dev.tyche: " + groupId);
        }
        count++;
      }
      if (count == 0) {
        throw new IllegalArgumentException("%%loadFromPOM without a <dependency>");
      }
      return "";
    }
    StringBuilder java = new StringBuilder();
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("%")) {
        lineMagic(t.substring(1), notebookDir, extraClassPath);
        java.append('\n'); // keep line numbers
      } else {
        java.append(line).append('\n');
      }
    }
    return java.toString();
  }

  private static void lineMagic(String magic, Path notebookDir, List<String> extraClassPath) {
    String[] words = magic.split("\\s+");
    String name = words[0];
    switch (name) {
      case "maven" -> {
        if (words.length < 2) {
          throw new IllegalArgumentException("%maven without a coordinate");
        }
        for (int i = 1; i < words.length; i++) {
          if (!TYCHE_COORDINATE.matcher(words[i]).matches()) {
            throw new IllegalArgumentException(
                "%maven names an artifact outside dev.tyche: " + words[i]);
          }
        }
      }
      case "jars", "classpath" -> {
        if (words.length < 2) {
          throw new IllegalArgumentException("%" + name + " without a path");
        }
        for (int i = 1; i < words.length; i++) {
          List<String> found = glob(notebookDir, words[i]);
          if (found.isEmpty()) {
            throw new IllegalArgumentException("%" + name + " " + words[i] + " matches nothing");
          }
          extraClassPath.addAll(found);
        }
      }
      default -> throw new IllegalArgumentException("unsupported line magic %" + name);
    }
  }

  private static List<String> glob(Path dir, String pattern) {
    Path literal = dir.resolve(pattern).normalize();
    if (Files.exists(literal)) {
      return List.of(literal.toString());
    }
    PathMatcher matcher =
        FileSystems.getDefault().getPathMatcher("glob:" + dir.resolve(pattern).normalize());
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(Path::normalize).filter(matcher::matches).map(Path::toString).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Runs every code cell of the notebook in a fresh JShell with its own JVM.
   *
   * @throws AssertionError naming the notebook, the cell and the snippet on the first failure
   */
  static Outcome run(Path notebook, List<String> runtimeClassPath) throws IOException {
    String name = notebook.getFileName().toString();
    Path dir = notebook.toAbsolutePath().getParent();
    List<Cell> cells = codeCells(notebook);
    // Magics first, so that %jars/%classpath entries are on the class path from the start.
    List<String> classPath = new ArrayList<>(runtimeClassPath);
    List<String> java = new ArrayList<>();
    for (Cell cell : cells) {
      try {
        java.add(stripMagics(cell.source(), dir, classPath));
      } catch (IllegalArgumentException e) {
        throw new AssertionError(where(name, cell) + ": " + e.getMessage(), e);
      }
    }
    String cp = String.join(File.pathSeparator, classPath);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    int snippets = 0;
    // The compiler gets the same class path as the remote VM: without --class-path it would see
    // this test JVM's java.class.path, test-scope jars included.
    try (JShell shell =
        JShell.builder()
            .out(out)
            .err(out)
            .remoteVMOptions("--class-path", cp, "-Xmx768m", "-XX:+UseSerialGC")
            .compilerOptions("--class-path", cp)
            .build()) {
      Cell setup = new Cell(-1, "(runner set-up)");
      for (String imp : DEFAULT_IMPORTS) {
        evaluate(shell, name, setup, "import " + imp + ";", output);
      }
      for (String standIn : STAND_INS) {
        evaluate(shell, name, setup, standIn, output);
      }
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      for (int c = 0; c < cells.size(); c++) {
        Cell cell = cells.get(c);
        String remaining = java.get(c);
        while (!remaining.isBlank()) {
          SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
          switch (info.completeness()) {
            case EMPTY -> remaining = "";
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE ->
                throw new AssertionError(
                    where(name, cell)
                        + ": incomplete snippet ("
                        + info.completeness()
                        + "):\n"
                        + remaining.strip());
            default -> {
              // COMPLETE, COMPLETE_WITH_SEMI, or UNKNOWN (which JShell then rejects with a
              // diagnostic).
              String snippet =
                  info.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN
                      ? remaining
                      : info.source();
              evaluate(shell, name, cell, snippet, output);
              snippets++;
              remaining =
                  info.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN
                      ? ""
                      : info.remaining();
            }
          }
        }
      }
      List<SnippetEvent> shown = shell.eval("String.join(\",\", tycheNotebookDisplays)");
      String joined = shown.get(0).value();
      List<String> displays =
          joined == null || joined.length() < 2
              ? List.of()
              : Stream.of(joined.substring(1, joined.length() - 1).split(","))
                  .filter(s -> !s.isEmpty())
                  .collect(Collectors.toList());
      out.flush();
      return new Outcome(snippets, displays, output.toString(StandardCharsets.UTF_8));
    }
  }

  private static void evaluate(
      JShell shell, String name, Cell cell, String snippet, ByteArrayOutputStream output) {
    List<SnippetEvent> events = shell.eval(snippet);
    if (events.isEmpty()) {
      throw new AssertionError(where(name, cell) + ": JShell did not accept:\n" + snippet.strip());
    }
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // a knock-on status change of an earlier snippet, not this one
      }
      Snippet s = event.snippet();
      switch (event.status()) {
        case REJECTED ->
            throw new AssertionError(
                where(name, cell)
                    + ": REJECTED (compile error):\n"
                    + snippet.strip()
                    + "\n"
                    + shell
                        .diagnostics(s)
                        .map(d -> "  " + describe(d, snippet))
                        .collect(Collectors.joining("\n")));
        case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED ->
            throw new AssertionError(
                where(name, cell)
                    + ": "
                    + event.status()
                    + " (unresolved "
                    + unresolved(shell, s)
                    + "):\n"
                    + snippet.strip());
        default -> {
          // VALID, OVERWRITTEN, DROPPED, NONEXISTENT: fine.
        }
      }
      if (event.exception() != null) {
        throw new AssertionError(
            where(name, cell)
                + ": threw "
                + describe(event.exception())
                + "\nsnippet:\n"
                + snippet.strip()
                + "\noutput so far (tail):\n"
                + tail(output.toString(StandardCharsets.UTF_8), 2000),
            event.exception());
      }
    }
  }

  private static String unresolved(JShell shell, Snippet s) {
    if (s instanceof jdk.jshell.DeclarationSnippet d) {
      return shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
    }
    return "?";
  }

  private static String describe(Diag d, String snippet) {
    String message = d.getMessage(Locale.ROOT);
    long pos = d.getPosition();
    String at = "";
    if (pos >= 0 && pos <= snippet.length()) {
      int line = (int) snippet.substring(0, (int) pos).chars().filter(ch -> ch == '\n').count() + 1;
      at = " (snippet line " + line + ")";
    }
    return (d.isError() ? "error" : "warning") + at + ": " + message;
  }

  private static String describe(Exception e) {
    String type =
        e instanceof EvalException ee
            ? ee.getExceptionClassName()
            : e instanceof UnresolvedReferenceException
                ? "UnresolvedReferenceException"
                : e.getClass().getName();
    StringBuilder b = new StringBuilder(type).append(": ").append(e.getMessage());
    StackTraceElement[] trace = e.getStackTrace();
    for (int i = 0; i < Math.min(8, trace.length); i++) {
      b.append("\n    at ").append(trace[i]);
    }
    if (e.getCause() instanceof Exception cause) {
      b.append("\ncaused by ").append(describe(cause));
    }
    return b.toString();
  }

  private static String where(String notebook, Cell cell) {
    return cell.index() < 0
        ? notebook + " " + cell.source()
        : notebook + ", cell " + cell.index() + " (0-based index in the notebook's cells)";
  }

  private static String tail(String s, int max) {
    return s.length() <= max ? s : "..." + s.substring(s.length() - max);
  }

  private static void requireThat(boolean condition, Path notebook, String what) {
    if (!condition) {
      throw new AssertionError(notebook.getFileName() + ": " + what);
    }
  }
}
