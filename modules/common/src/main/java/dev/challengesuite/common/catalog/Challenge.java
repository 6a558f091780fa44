package dev.challengesuite.common.catalog;

import java.util.List;

/** A challenge of the catalog with its goals in file order. */
public record Challenge(String id, String name, String description, List<Goal> goals) {

  public Challenge {
    goals = List.copyOf(goals);
  }
}
