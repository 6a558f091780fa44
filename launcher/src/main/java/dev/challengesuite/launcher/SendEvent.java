package dev.challengesuite.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import java.util.UUID;
import net.accelbyte.iam.account.UserAuthenticationUserLoggedInServiceGrpcClient;
import net.accelbyte.iam.account.UserLoggedIn;
import net.accelbyte.social.statistic.StatItem;
import net.accelbyte.social.statistic.StatItemUpdated;
import net.accelbyte.social.statistic.StatisticStatItemUpdatedServiceGrpcClient;

/**
 * Sends one AGS event to a running service over gRPC, the way the platform does — for trying the
 * service by hand without installing a gRPC tool.
 *
 * <pre>
 * java -cp launcher/target/challenge-suite.jar dev.challengesuite.launcher.SendEvent \
 *     stat alice enemy_kills 7 [inc] [--host 127.0.0.1] [--port 6565] [--namespace accelbyte]
 * java -cp launcher/target/challenge-suite.jar dev.challengesuite.launcher.SendEvent login alice
 * </pre>
 */
public final class SendEvent {

  private SendEvent() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Vertx vertx = Vertx.vertx();
    try {
      GrpcClient client = GrpcClient.client(vertx);
      SocketAddress server = SocketAddress.inetSocketAddress(options.port, options.host);
      Future<?> sent = options.login
          ? UserAuthenticationUserLoggedInServiceGrpcClient.create(client, server)
              .onMessage(UserLoggedIn.newBuilder().setId(UUID.randomUUID().toString())
                  .setUserId(options.user).setNamespace(options.namespace).build())
          : StatisticStatItemUpdatedServiceGrpcClient.create(client, server)
              .onMessage(StatItemUpdated.newBuilder().setId(UUID.randomUUID().toString())
                  .setUserId(options.user).setNamespace(options.namespace)
                  .setPayload(StatItem.newBuilder().setStatCode(options.statCode).setUserId(options.user)
                      .setNamespace(options.namespace).setLatestValue(options.value).setInc(options.inc))
                  .build());
      sent.await();
      System.out.println("OK: event acknowledged (durable)");
    } catch (Exception e) {
      System.err.println("FAILED: " + e.getMessage());
      System.exit(1);
    } finally {
      vertx.close().await();
    }
  }

  private static final class Options {
    boolean login;
    String user;
    String statCode;
    double value;
    double inc;
    String host = "127.0.0.1";
    int port = 6565;
    String namespace = "accelbyte";

    static Options parse(String[] args) {
      Options o = new Options();
      java.util.List<String> positional = new java.util.ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--host" -> o.host = args[++i];
          case "--port" -> o.port = Integer.parseInt(args[++i]);
          case "--namespace" -> o.namespace = args[++i];
          default -> positional.add(args[i]);
        }
      }
      if (positional.size() == 2 && positional.get(0).equals("login")) {
        o.login = true;
        o.user = positional.get(1);
      } else if (positional.size() >= 4 && positional.get(0).equals("stat")) {
        o.user = positional.get(1);
        o.statCode = positional.get(2);
        o.value = Double.parseDouble(positional.get(3));
        o.inc = positional.size() > 4 ? Double.parseDouble(positional.get(4)) : 0;
      } else {
        System.err.println("usage: SendEvent login <user> | stat <user> <statCode> <value> [inc]"
            + " [--host h] [--port p] [--namespace ns]");
        System.exit(2);
      }
      return o;
    }
  }
}
