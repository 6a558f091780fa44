package dev.challengesuite.common.catalog;

/** How a goal's progress follows its stat: the stat value itself, or its growth since a baseline. */
public enum ProgressMode {
  ABSOLUTE("absolute"),
  RELATIVE("relative");

  private final String wire;

  ProgressMode(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The mode named exactly (case-sensitive) as in the catalog file, or null when there is none. */
  public static ProgressMode fromWire(String value) {
    for (ProgressMode mode : values()) {
      if (mode.wire.equals(value)) {
        return mode;
      }
    }
    return null;
  }
}
