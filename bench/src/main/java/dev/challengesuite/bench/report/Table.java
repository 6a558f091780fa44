package dev.challengesuite.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A small table of text cells for reports (Markdown table, JSON array of objects). */
public record Table(List<String> headers, List<List<String>> rows) {

  public Table {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException("a row has " + row.size() + " cells, the table " + headers.size());
      }
    }
  }

  public static Builder builder(String... headers) {
    return new Builder(List.of(headers));
  }

  /** Collects rows. */
  public static final class Builder {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Builder(List<String> headers) {
      this.headers = headers;
    }

    public Builder row(Object... cells) {
      List<String> row = new ArrayList<>();
      for (Object cell : cells) {
        row.add(cell == null ? "" : cell.toString());
      }
      rows.add(row);
      return this;
    }

    public Table build() {
      return new Table(headers, rows);
    }
  }
}
