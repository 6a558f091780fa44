package dev.challengesuite.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LatencyChartTest {

  @Test
  @DisplayName("The chart is well-formed SVG with one polyline per endpoint of the measured phases")
  void polylines() throws Exception {
    Report report = Reports.sample();

    Document svg = parse(LatencyChart.render("t", LatencyChart.lines(report.phases())));

    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    // warm-up left out; the 404-only endpoint has no successful latency to draw
    assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(1);
  }

  @Test
  @DisplayName("Labels are escaped")
  void escaped() throws Exception {
    List<LatencyChart.Line> lines = List.of(new LatencyChart.Line("a<b & \"c\"", List.of(new double[] {0, 1}, new double[] {2, 10})));

    Document svg = parse(LatencyChart.render("x & y", lines));

    assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("a<b & \"c\"");
  }

  @Test
  @DisplayName("Slower points are drawn higher (y grows downwards in SVG)")
  void slowerIsHigher() {
    List<LatencyChart.Line> lines = List.of(new LatencyChart.Line("e", List.of(new double[] {0, 1}, new double[] {2, 100})));

    String svg = LatencyChart.render("t", lines);
    String points = svg.substring(svg.indexOf("points=\"") + 8, svg.indexOf('"', svg.indexOf("points=\"") + 8)).trim();
    String[] pairs = points.split(" ");

    double firstY = Double.parseDouble(pairs[0].split(",")[1]);
    double lastY = Double.parseDouble(pairs[1].split(",")[1]);
    assertThat(lastY).isLessThan(firstY);
  }

  @Test
  @DisplayName("A run without successes still gives a valid chart that says so")
  void empty() throws Exception {
    Document svg = parse(LatencyChart.render("t", List.of()));

    assertThat(svg.getDocumentElement().getTextContent()).contains("no successful requests");
  }

  @Test
  @DisplayName("The percentile curve ends at the maximum and never goes down")
  void curve() {
    Latency latency = Reports.sample().phases().get(1).endpoints().getFirst().latency();

    List<double[]> curve = latency.curve();
    assertThat(curve.getLast()[1]).isEqualTo(latency.max());
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i)[1]).isGreaterThanOrEqualTo(curve.get(i - 1)[1]);
      assertThat(curve.get(i)[0]).isGreaterThanOrEqualTo(curve.get(i - 1)[0]);
    }
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
