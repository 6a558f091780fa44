package dev.challengesuite.common.catalog;

/** Which kind of event moves a goal. A login event never moves a statistic goal and vice versa. */
public enum EventSource {
  LOGIN("login"),
  STATISTIC("statistic");

  private final String wire;

  EventSource(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The source named exactly as in the catalog file, or null when there is none. */
  public static EventSource fromWire(String value) {
    for (EventSource source : values()) {
      if (source.wire.equals(value)) {
        return source;
      }
    }
    return null;
  }
}
