package dev.challengesuite.bench.report;

import java.util.List;

/**
 * A scenario's own findings (steps and verdicts, ledger comparison, outage timeline): a title,
 * some lines of text, key figures for machines to read, and optionally a table.
 */
public record Section(String title, List<String> lines, java.util.Map<String, Object> figures, Table table) {

  public Section {
    lines = List.copyOf(lines);
    figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
  }

  public static Section of(String title, List<String> lines, Table table) {
    return new Section(title, lines, java.util.Map.of(), table);
  }
}
