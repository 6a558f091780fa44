package dev.challengesuite.common.bus;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Zero-copy codec for the immutable records sent between verticles of one JVM: the receiver gets
 * the sender's instance. Registered once per Vert.x instance by {@link #register(Vertx)}, with a
 * codec selector so that senders never name it.
 */
public final class LocalCodec implements MessageCodec<Object, Object> {

  public static final String NAME = "challenge-local";

  /** Registers the codec for every message type of the project's packages. Call once. */
  public static void register(Vertx vertx) {
    vertx.eventBus().registerCodec(new LocalCodec());
    vertx.eventBus().codecSelector(body -> isOurs(body) ? NAME : null);
  }

  private static boolean isOurs(Object body) {
    return body != null && body.getClass().getName().startsWith("dev.challengesuite.");
  }

  @Override
  public void encodeToWire(Buffer buffer, Object o) {
    throw new UnsupportedOperationException("local messages never leave the JVM");
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException("local messages never leave the JVM");
  }

  @Override
  public Object transform(Object o) {
    return o;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
