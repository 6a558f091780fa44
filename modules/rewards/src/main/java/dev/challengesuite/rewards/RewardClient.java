package dev.challengesuite.rewards;

import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import io.vertx.core.Future;

/**
 * Grants rewards. The future succeeds with a {@link GrantResult} whether the grant succeeded or
 * failed in a classified way; it fails only on a defect.
 */
public interface RewardClient {

  Future<GrantResult> grant(RewardGrant grant);

  /** Checks what can be checked before the first grant; a failure here should stop the start. */
  default Future<Void> warmUp() {
    return Future.succeededFuture();
  }

  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
