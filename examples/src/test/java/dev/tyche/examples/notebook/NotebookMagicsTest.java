package dev.tyche.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's handling of IJava magics and of the notebook format. */
class NotebookMagicsTest {

  @TempDir Path dir;

  @Test
  void tycheMavenCoordinatesAreSatisfiedByTheClassPath() {
    List<String> extra = new ArrayList<>();
    String java =
        NotebookRunner.stripMagics(
            "%maven dev.tyche:tyche-examples:0.1.0-SNAPSHOT\nint a = 1;", dir, extra);
    assertThat(java).isEqualTo("\nint a = 1;\n");
    assertThat(extra).isEmpty();
    assertThat(
            NotebookRunner.stripMagics(
                "%maven dev.tyche:tyche-bom:1.0 dev.tyche:tyche-core:1.0", dir, extra))
        .isBlank();
  }

  @Test
  void foreignMavenArtifactsAndUnknownMagicsFail() {
    List<String> extra = new ArrayList<>();
    assertThatThrownBy(() -> NotebookRunner.stripMagics("%maven org.foo:bar:1.0", dir, extra))
        .hasMessageContaining("outside dev.tyche: org.foo:bar:1.0");
    assertThatThrownBy(() -> NotebookRunner.stripMagics("%maven", dir, extra))
        .hasMessageContaining("without a coordinate");
    assertThatThrownBy(() -> NotebookRunner.stripMagics("  %timeit 1 + 1", dir, extra))
        .hasMessageContaining("unsupported line magic %timeit");
    assertThatThrownBy(() -> NotebookRunner.stripMagics("%%javascript\nalert(1)", dir, extra))
        .hasMessageContaining("unsupported cell magic %%javascript");
  }

  @Test
  void loadFromPomAcceptsOnlyTycheDependencies() {
    List<String> extra = new ArrayList<>();
    String ok =
        "%%loadFromPOM\n<dependency><groupId>dev.tyche</groupId>"
            + "<artifactId>tyche-core</artifactId><version>0.1.0-SNAPSHOT</version></dependency>";
    assertThat(NotebookRunner.stripMagics(ok, dir, extra)).isEmpty();
    String foreign =
        "%%loadFromPOM\n<dependency>\n  <groupId>com.example</groupId>\n"
            + "  <artifactId>x</artifactId>\n</dependency>";
    assertThatThrownBy(() -> NotebookRunner.stripMagics(foreign, dir, extra))
        .hasMessageContaining("outside dev.tyche: com.example");
    assertThatThrownBy(() -> NotebookRunner.stripMagics("%%loadFromPOM\n<project/>", dir, extra))
        .hasMessageContaining("without a <dependency>");
  }

  @Test
  void jarsAndClasspathAreResolvedAgainstTheNotebookFolder() throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Files.write(dir.resolve("lib/a.jar"), new byte[0]);
    Files.write(dir.resolve("lib/b.jar"), new byte[0]);
    List<String> extra = new ArrayList<>();
    NotebookRunner.stripMagics("%jars lib/*.jar\n%classpath lib", dir, extra);
    assertThat(extra)
        .containsExactlyInAnyOrder(
            dir.resolve("lib/a.jar").toString(),
            dir.resolve("lib/b.jar").toString(),
            dir.resolve("lib").toString());
    assertThatThrownBy(() -> NotebookRunner.stripMagics("%jars nothing/*.jar", dir, extra))
        .hasMessageContaining("matches nothing");
  }

  @Test
  void codeCellsAreReadWithTheirIndexAndJoinedSource() throws IOException {
    Path nb = dir.resolve("t.ipynb");
    Files.writeString(
        nb,
        """
        {"nbformat": 4, "nbformat_minor": 4,
         "metadata": {"kernelspec": {"name": "java", "language": "java", "display_name": "Java"}},
         "cells": [
          {"cell_type": "markdown", "metadata": {}, "source": ["# title"]},
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": ["int a = 1;\\n", "a + 1"]},
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": "String s = \\"x\\";"}
         ]}
        """,
        StandardCharsets.UTF_8);
    assertThat(NotebookRunner.codeCells(nb))
        .containsExactly(
            new NotebookRunner.Cell(1, "int a = 1;\na + 1"),
            new NotebookRunner.Cell(2, "String s = \"x\";"));
  }

  @Test
  void aNotebookForAnotherKernelIsRejected() throws IOException {
    Path nb = dir.resolve("py.ipynb");
    Files.writeString(
        nb,
        "{\"nbformat\": 4, \"metadata\": {\"kernelspec\": {\"language\": \"python\"}}, \"cells\": []}",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> NotebookRunner.codeCells(nb))
        .hasMessageContaining("kernelspec.language must be java");
  }

  @Test
  void aFailingCellIsReportedWithNotebookCellAndSnippet() throws IOException {
    Path nb = dir.resolve("bad.ipynb");
    Files.writeString(
        nb,
        """
        {"nbformat": 4, "nbformat_minor": 4,
         "metadata": {"kernelspec": {"name": "java", "language": "java", "display_name": "Java"}},
         "cells": [
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": ["int ok = 1;"]},
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": ["int broken = \\"text\\";"]}
         ]}
        """,
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> NotebookRunner.run(nb, NotebookTest.runtimeClassPath()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("bad.ipynb, cell 1")
        .hasMessageContaining("REJECTED")
        .hasMessageContaining("int broken = \"text\";");
  }

  /** Writes a Java notebook with one code cell per argument. */
  private Path notebook(String name, String... cellSources) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("nbformat", 4).put("nbformat_minor", 4);
    root.putObject("metadata").putObject("kernelspec").put("name", "java").put("language", "java");
    ArrayNode cells = root.putArray("cells");
    for (String source : cellSources) {
      ObjectNode cell = cells.addObject();
      cell.put("cell_type", "code").putNull("execution_count");
      cell.putObject("metadata");
      cell.putArray("outputs");
      cell.put("source", source);
    }
    Path file = dir.resolve(name);
    json.writeValue(file.toFile(), root);
    return file;
  }

  @Test
  void anExceptionInACellFailsWithItsTypeAndMessage() throws IOException {
    Path nb =
        notebook(
            "throws.ipynb",
            "String id = display(\"<svg xmlns='http://www.w3.org/2000/svg'/>\", \"image/svg+xml\");\n"
                + "List.of(1).get(3)");
    assertThatThrownBy(() -> NotebookRunner.run(nb, NotebookTest.runtimeClassPath()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("throws.ipynb, cell 0")
        .hasMessageContaining("IndexOutOfBoundsException")
        .hasMessageContaining("List.of(1).get(3)");
  }

  @Test
  void displayOfABrokenSvgFails() throws IOException {
    Path nb =
        notebook(
            "svg.ipynb",
            "int x = 1;",
            "for (int i = 0; i < 2; i++) {\n"
                + "  String id = display(\"<svg><g></svg>\", \"image/svg+xml\");\n"
                + "}");
    assertThatThrownBy(() -> NotebookRunner.run(nb, NotebookTest.runtimeClassPath()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("svg.ipynb, cell 1")
        .hasMessageContaining("not well-formed");
  }

  @Test
  void anIncompleteCellFails() throws IOException {
    Path nb = notebook("open.ipynb", "int y = 2;\nvoid f() {\n  int z = 3;\n");
    assertThatThrownBy(() -> NotebookRunner.run(nb, NotebookTest.runtimeClassPath()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("open.ipynb, cell 0")
        .hasMessageContaining("incomplete snippet");
  }
}
