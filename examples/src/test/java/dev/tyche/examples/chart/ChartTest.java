package dev.tyche.examples.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void lineChartIsWellFormedSvgWithOnePathPerLine() throws Exception {
    String svg =
        Chart.of("Two lines")
            .xLabel("x")
            .yLabel("y")
            .line("a", new double[] {0, 1, 2}, new double[] {1, 3, 2})
            .line("b", new double[] {5, 4, 6})
            .toSvg();
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(2);
    assertThat(texts(doc)).contains("Two lines", "x", "y", "a", "b");
  }

  @Test
  void pointsStayInsideThePlotFrame() throws Exception {
    Chart chart =
        Chart.of("scatter")
            .size(400, 300)
            .points("p", new double[] {-3, 0, 7.5}, new double[] {0.01, -0.02, 0.04});
    Document doc = parse(chart.toSvg());
    NodeList circles = doc.getElementsByTagName("circle");
    // Three markers and one legend marker.
    assertThat(circles.getLength()).isEqualTo(4);
    for (int i = 0; i < 3; i++) {
      Element c = (Element) circles.item(i);
      double cx = Double.parseDouble(c.getAttribute("cx"));
      double cy = Double.parseDouble(c.getAttribute("cy"));
      assertThat(cx).isBetween(72.0, 400.0 - 20.0);
      assertThat(cy).isBetween(36.0, 300.0 - 48.0);
    }
  }

  @Test
  void aNanBreaksTheLineIntoTwoPieces() throws Exception {
    String svg = Chart.of("gap").line("g", new double[] {1, 2, Double.NaN, 3, 4}).toSvg();
    Element path = (Element) parse(svg).getElementsByTagName("path").item(0);
    String d = path.getAttribute("d");
    assertThat(d.chars().filter(ch -> ch == 'M').count()).isEqualTo(2);
    assertThat(d.chars().filter(ch -> ch == 'L').count()).isEqualTo(2);
  }

  @Test
  void timeAxisLabelsAreUtcDates() throws Exception {
    long day = 86_400_000L;
    long start = 1_704_067_200_000L; // 2024-01-01T00:00Z
    long[] t = {start, start + 10 * day, start + 20 * day, start + 30 * day};
    String svg = Chart.of("time").timeAxis().line("v", t, new double[] {1, 2, 3, 4}).toSvg();
    List<String> labels = texts(parse(svg));
    assertThat(labels).anyMatch(s -> s.matches("2024-0[12]-\\d\\d"));
    assertThat(labels).noneMatch(s -> s.startsWith("1.7"));
  }

  @Test
  void textIsEscaped() throws Exception {
    String svg = Chart.of("a < b & \"c\"").line("x'y", new double[] {1, 2}).toSvg();
    assertThat(texts(parse(svg))).contains("a < b & \"c\"", "x'y");
    assertThat(Chart.escape("<&>\"'")).isEqualTo("&lt;&amp;&gt;&quot;&apos;");
  }

  @Test
  void emptyAndConstantChartsStillRender() throws Exception {
    assertThat(parse(Chart.of("").toSvg()).getElementsByTagName("path").getLength()).isZero();
    assertThat(parse(Chart.of("flat").line("c", new double[] {2, 2, 2}).toSvg())).isNotNull();
    assertThat(Chart.of("z").line("z", new double[] {0, 0}).seriesCount()).isEqualTo(1);
  }

  @Test
  void ticksAreNiceAndCoverTheRange() {
    double[] t = Chart.ticks(0.013, 0.087);
    assertThat(t[0]).isLessThanOrEqualTo(0.013);
    assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(0.087);
    assertThat(t[1] - t[0]).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Chart.niceStep(3.0)).isEqualTo(5.0);
    assertThat(Chart.niceStep(0.15)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Chart.niceStep(7.0)).isEqualTo(10.0);
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    Chart c = Chart.of("bad");
    assertThatThrownBy(() -> c.line("l", new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length")
        .hasMessageContaining("2 and 1");
    assertThatThrownBy(() -> c.size(10, 300))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width must be >= 200 but was 10");
    assertThatThrownBy(() -> c.size(300, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("height must be >= 120 but was 10");
    assertThatThrownBy(() -> c.points(null, new double[0], new double[0]))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Chart.of(null)).isInstanceOf(NullPointerException.class);
  }
}
