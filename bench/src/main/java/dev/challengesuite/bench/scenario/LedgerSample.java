package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.data.Players;
import java.util.ArrayList;
import java.util.List;

/**
 * The players whose events a ledger tracks during a run over more players: every {@code stride}-th
 * player, {@code count} of them, so that players initialised early and late are both in it.
 */
record LedgerSample(int stride, int count) {

  static final LedgerSample NONE = new LedgerSample(1, 0);

  /** {@code wanted} players (at most all of them) spread evenly over {@code players}; 0 for none. */
  static LedgerSample spread(int players, int wanted) {
    int count = Math.min(wanted, players);
    return count <= 0 ? NONE : new LedgerSample(players / count, count);
  }

  /** Whether the player at {@code index} (0-based) is in the sample. */
  boolean contains(int index) {
    return index % stride == 0 && index / stride < count;
  }

  /** "100 players (one in 10)", for the report. */
  String describe(int players) {
    return count == players ? "all " + count + " players" : count + " of " + players + " players (one in " + stride + ")";
  }

  List<String> ids(Players players) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(players.id(i * stride));
    }
    return ids;
  }
}
