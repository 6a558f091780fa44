package dev.challengesuite.bench.report;

import dev.challengesuite.bench.sample.Series;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The machine-readable report ({@code report.json}): the same figures as the Markdown one. */
public final class JsonReport {

  private JsonReport() {}

  public static JsonObject render(Report report) {
    MachineInfo m = report.machine();
    JsonObject json = new JsonObject()
        .put("scenario", report.scenario())
        .put("commandLine", report.commandLine())
        .put("startedAt", report.startedAt().toString())
        .put("runSeconds", number(report.runSeconds()))
        .put("machine", new JsonObject()
            .put("cpus", m.cpus())
            .put("cpuModel", m.cpuModel())
            .put("memoryMiB", m.memoryMiB())
            .put("os", m.os())
            .put("benchJdk", m.benchJdk())
            .put("serverJdk", m.serverJdk()))
        .put("settings", new JsonObject(new java.util.LinkedHashMap<>(report.settings())));

    JsonArray sections = new JsonArray();
    for (Section section : report.sections()) {
      JsonObject figures = new JsonObject();
      section.figures().forEach((k, v) -> figures.put(k, v instanceof Double d ? number(d) : v));
      JsonObject s = new JsonObject().put("title", section.title()).put("lines", new JsonArray(section.lines()))
          .put("figures", figures);
      if (section.table() != null) {
        s.put("table", table(section.table()));
      }
      sections.add(s);
    }
    json.put("sections", sections);

    JsonArray phases = new JsonArray();
    for (PhaseSummary phase : report.phases()) {
      JsonArray endpoints = new JsonArray();
      phase.endpoints().forEach(e -> endpoints.add(endpoint(e)));
      phases.add(new JsonObject()
          .put("name", phase.name())
          .put("measured", phase.measured())
          .put("targetRate", number(phase.targetRate()))
          .put("seconds", number(phase.seconds()))
          .put("endpoints", endpoints)
          .put("all", endpoint(phase.all()))
          .put("sendLagMs", latency(phase.sendLag())));
    }
    json.put("phases", phases);

    JsonArray resources = new JsonArray();
    for (Series series : report.resources()) {
      Series.Summary s = series.summary();
      resources.add(new JsonObject()
          .put("name", series.name())
          .put("unit", series.unit())
          .put("min", number(s.min()))
          .put("median", number(s.median()))
          .put("max", number(s.max()))
          .put("mean", number(s.mean()))
          .put("samples", s.samples())
          .put("windowMeans10s", new JsonArray(series.windowMeans(MarkdownReport.WINDOW_SECONDS, report.runSeconds())
              .stream().map(JsonReport::number).toList())));
    }
    json.put("resources", resources);
    json.put("generatorSendLagMs", latency(report.sendLag()));
    json.put("notes", new JsonArray(report.notes()));
    return json;
  }

  private static JsonObject endpoint(EndpointSummary e) {
    return new JsonObject()
        .put("endpoint", e.endpoint())
        .put("due", e.due())
        .put("ok", e.ok())
        .put("errors", e.errors())
        .put("achievedRate", number(e.achievedRate()))
        .put("errorsByStatus", new JsonObject(new java.util.TreeMap<String, Object>(e.errorsByStatus())))
        .put("latencyMs", latency(e.latency()))
        .put("failedLatencyMs", latency(e.failedLatency()));
  }

  private static JsonObject latency(Latency l) {
    return new JsonObject()
        .put("count", l.count())
        .put("p50", number(l.p50()))
        .put("p90", number(l.p90()))
        .put("p95", number(l.p95()))
        .put("p99", number(l.p99()))
        .put("p999", number(l.p999()))
        .put("max", number(l.max()))
        .put("mean", number(l.mean()));
  }

  private static JsonArray table(Table table) {
    JsonArray rows = new JsonArray();
    for (List<String> row : table.rows()) {
      JsonObject object = new JsonObject();
      for (int i = 0; i < row.size(); i++) {
        object.put(table.headers().get(i), row.get(i));
      }
      rows.add(object);
    }
    return rows;
  }

  /** JSON has no NaN: no value is null. */
  private static Double number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1000) / 1000.0;
  }
}
