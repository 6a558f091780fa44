package dev.challengesuite.bench.client;

import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Future;

/** {@code GET {base}/v1/challenges} for a player: the call list-max measures, by either client. */
@FunctionalInterface
public interface ListCalls {

  Future<Outcome> list(String userId, boolean activeOnly);
}
