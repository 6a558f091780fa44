package dev.challengesuite.rewards;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Serves {@link Addresses#REWARDS_GRANT}: a {@link RewardGrant} in, the {@link GrantResult} out.
 * Classified failures are replies; the message fails (via {@link BusFailures}) only on a defect.
 * On stop it lets grants in flight finish, since abandoning one leaves its outcome unknown.
 */
public final class RewardVerticle extends VerticleBase {

  private final Function<Vertx, RewardClient> clients;
  private final RewardMetrics metrics;
  private final Set<Future<GrantResult>> inFlight = new HashSet<>();
  private RewardClient client;
  private MessageConsumer<RewardGrant> consumer;

  public RewardVerticle(AppConfig config, RewardMetrics metrics) {
    this(vertx -> RewardClients.fromConfig(vertx, config), metrics);
  }

  public RewardVerticle(Function<Vertx, RewardClient> clients, RewardMetrics metrics) {
    this.clients = clients;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    client = clients.apply(vertx);
    return client.warmUp().compose(ready -> {
      consumer = vertx.eventBus().consumer(Addresses.REWARDS_GRANT, this::handle);
      return consumer.completion();
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return unregistered
        .compose(done -> Future.join(List.copyOf(inFlight)).otherwiseEmpty())
        .compose(drained -> client.close());
  }

  private void handle(Message<RewardGrant> message) {
    RewardGrant grant = message.body();
    long start = System.nanoTime();
    Future<GrantResult> result = client.grant(grant)
        .onSuccess(done -> metrics.grantFinished(grant.reward().type(), done, System.nanoTime() - start));
    inFlight.add(result);
    result.onComplete(done -> inFlight.remove(result));
    result.onComplete(message::reply, error -> BusFailures.fail(message, error));
  }
}
