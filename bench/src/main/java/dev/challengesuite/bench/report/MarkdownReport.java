package dev.challengesuite.bench.report;

import dev.challengesuite.bench.sample.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human-readable report ({@code report.md}). */
public final class MarkdownReport {

  /** Width of the resource table's windows. */
  static final double WINDOW_SECONDS = 10;

  private MarkdownReport() {}

  public static String render(Report report, String chartFileName) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark: ").append(report.scenario()).append("\n\n");
    md.append("- command: `").append(report.commandLine()).append("`\n");
    md.append("- started: ").append(report.startedAt()).append(", run time ")
        .append(Format.one(report.runSeconds())).append(" s\n");
    MachineInfo m = report.machine();
    md.append("- machine: ").append(m.cpus()).append(" CPUs (").append(m.cpuModel()).append("), ")
        .append(m.memoryMiB()).append(" MiB memory, ").append(m.os()).append("\n");
    md.append("- generator JDK: ").append(m.benchJdk()).append("; server JDK: ").append(m.serverJdk()).append("\n\n");

    if (!report.settings().isEmpty()) {
      md.append("## Settings\n\n");
      table(md, settingsTable(report.settings()));
    }

    for (Section section : report.sections()) {
      md.append("## ").append(section.title()).append("\n\n");
      for (String line : section.lines()) {
        md.append(line).append("\n\n");
      }
      if (section.table() != null) {
        table(md, section.table());
      }
    }

    md.append("## Latency per phase and endpoint\n\n");
    md.append("Latency runs from each request's intended send time (open model, no coordinated omission); ")
        .append("percentiles are of successful requests, in ms. Errors include requests dropped by the ")
        .append("generator's outstanding cap.\n\n");
    for (PhaseSummary phase : report.phases()) {
      md.append("### ").append(phase.name()).append(phase.measured() ? "" : " (warm-up, not measured)")
          .append("\n\n");
      md.append(phase.targetRate() > 0 ? "Target " + Format.one(phase.targetRate()) + "/s" : "Closed loop")
          .append(" for ").append(Format.one(phase.seconds())).append(" s; the generator sent late by p99 ")
          .append(Format.ms(phase.sendLag().p99())).append(" ms, max ").append(Format.ms(phase.sendLag().max()))
          .append(" ms (included in the latencies below).\n\n");
      table(md, phaseTable(phase));
    }
    if (chartFileName != null) {
      md.append("## Latency distribution\n\n![latency percentiles](").append(chartFileName).append(")\n\n");
    }

    md.append("## Resources\n\n");
    md.append("CPU in % of one core (").append(m.cpus()).append(" cores = ").append(m.cpus() * 100)
        .append("%); PostgreSQL = all its processes on the machine.\n\n");
    table(md, resourceSummary(report.resources()));
    md.append("### Per ").append(Format.whole(WINDOW_SECONDS)).append(" s (means)\n\n");
    table(md, resourceWindows(report.resources(), report.runSeconds()));

    md.append("## Generator\n\n");
    Latency lag = report.sendLag();
    md.append("Send lag behind schedule: p50 ").append(Format.ms(lag.p50())).append(" ms, p99 ")
        .append(Format.ms(lag.p99())).append(" ms, max ").append(Format.ms(lag.max())).append(" ms.\n\n");

    if (!report.notes().isEmpty()) {
      md.append("## Notes\n\n");
      for (String note : report.notes()) {
        md.append("- ").append(note).append("\n");
      }
      md.append("\n");
    }
    return md.toString();
  }

  static Table phaseTable(PhaseSummary phase) {
    Table.Builder table = Table.builder(
        "endpoint", "due", "OK", "errors", "achieved OK/s", "p50", "p95", "p99", "p99.9", "max", "errors by status");
    List<EndpointSummary> rows = new ArrayList<>(phase.endpoints());
    if (rows.size() > 1) {
      rows.add(phase.all());
    }
    for (EndpointSummary e : rows) {
      Latency l = e.latency();
      table.row(e.endpoint(), e.due(), e.ok(), e.errors(), Format.one(e.achievedRate()), Format.ms(l.p50()),
          Format.ms(l.p95()), Format.ms(l.p99()), Format.ms(l.p999()), Format.ms(l.max()),
          Format.counts(e.errorsByStatus()));
    }
    return table.build();
  }

  static Table resourceSummary(List<Series> resources) {
    Table.Builder table = Table.builder("series", "unit", "min", "median", "max", "samples");
    for (Series series : resources) {
      Series.Summary s = series.summary();
      table.row(series.name(), series.unit(), Format.one(s.min()), Format.one(s.median()), Format.one(s.max()),
          s.samples());
    }
    return table.build();
  }

  static Table resourceWindows(List<Series> resources, double runSeconds) {
    List<String> headers = new ArrayList<>();
    headers.add("from s");
    List<List<Double>> columns = new ArrayList<>();
    for (Series series : resources) {
      headers.add(series.name() + " (" + series.unit() + ")");
      columns.add(series.windowMeans(WINDOW_SECONDS, runSeconds));
    }
    List<List<String>> rows = new ArrayList<>();
    int windows = columns.isEmpty() ? 0 : columns.getFirst().size();
    for (int w = 0; w < windows; w++) {
      List<String> row = new ArrayList<>();
      row.add(Format.whole(w * WINDOW_SECONDS));
      for (List<Double> column : columns) {
        row.add(Format.one(column.get(w)));
      }
      rows.add(row);
    }
    return new Table(headers, rows);
  }

  private static Table settingsTable(Map<String, String> settings) {
    Table.Builder table = Table.builder("setting", "value");
    settings.forEach(table::row);
    return table.build();
  }

  static void table(StringBuilder md, Table table) {
    md.append('|');
    for (String header : table.headers()) {
      md.append(' ').append(cell(header)).append(" |");
    }
    md.append("\n|");
    md.append("---|".repeat(table.headers().size()));
    md.append('\n');
    for (List<String> row : table.rows()) {
      md.append('|');
      for (String value : row) {
        md.append(' ').append(cell(value)).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** A cell must not break the table. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
