package dev.challengesuite.common.catalog;

import java.util.List;

/** The validated catalog: challenges in file order. Immutable. */
public record Catalog(List<Challenge> challenges) {

  public Catalog {
    challenges = List.copyOf(challenges);
  }
}
