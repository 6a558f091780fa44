package dev.challengesuite.cache.player;

import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** A reward service that records every grant and answers when the test says so. */
final class FakeRewards implements RewardGranter {

  final List<RewardGrant> sent = new ArrayList<>();
  private final List<Promise<GrantResult>> waiting = new ArrayList<>();

  @Override
  public Future<GrantResult> grant(RewardGrant grant) {
    sent.add(grant);
    Promise<GrantResult> answer = Promise.promise();
    waiting.add(answer);
    return answer.future();
  }

  /** Answers the oldest grant still waiting. */
  void answer(GrantResult result) {
    waiting.remove(0).complete(result);
  }

  void granted() {
    answer(new GrantResult.Granted(1));
  }

  /** The oldest grant gets no answer at all: the request fails with {@code error}. */
  void noAnswer(Throwable error) {
    waiting.remove(0).fail(error);
  }

  int waiting() {
    return waiting.size();
  }
}
