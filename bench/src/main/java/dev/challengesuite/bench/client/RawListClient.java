package dev.challengesuite.bench.client;

import dev.challengesuite.bench.load.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET {base}/v1/challenges} over a pool of plain TCP connections speaking just enough
 * HTTP/1.1: a pre-formatted request, then the response framed by {@link ResponseReader}, whose
 * body is counted, never copied nor decoded. The WebClient spends ~250 µs of the generator's CPU
 * per 175 KB list; this keeps the generator from being the ceiling of list-max.
 *
 * <p>One request in flight per connection (no pipelining). A call takes an idle connection or
 * waits, first come first served, until one is free or opened, at most until its deadline. A call
 * past its deadline fails with a {@link TimeoutException}; if it was on a connection, that
 * connection is closed (a late answer would put it out of step). All pool state lives on one
 * Vert.x context (the generator's), so it needs no locks; calls from elsewhere hop onto it.
 */
public final class RawListClient implements ListCalls {

  private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Context context;
  private final Vertx vertx;
  private final NetClient net;
  private final SocketAddress server;
  private final int maxConnections;
  private final int timeoutMillis;
  private final long timeoutNanos;
  private final byte[] listHead;
  private final byte[] listActiveHead;

  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final List<Connection> connected = new ArrayList<>();
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  /** Connections open or being opened. */
  private int connections;
  private long sweepTimer = -1;

  /**
   * @param context where the pool lives and its sockets' handlers run (the generator's)
   * @param baseUrl the service's REST root, e.g. {@code http://127.0.0.1:8000/challenge}
   * @param connections the most connections to open
   */
  public RawListClient(Context context, URI baseUrl, int connections, int timeoutMillis) {
    this.context = context;
    this.vertx = context.owner();
    this.maxConnections = Math.max(1, connections);
    this.timeoutMillis = timeoutMillis;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    String host = baseUrl.getHost();
    int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : 80;
    this.server = SocketAddress.inetSocketAddress(port, host);
    String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
    String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.listHead = requestHead(base + "/v1/challenges", host, port);
    this.listActiveHead = requestHead(base + "/v1/challenges?active_only=true", host, port);
    this.net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(timeoutMillis));
  }

  private static byte[] requestHead(String path, String host, int port) {
    return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nx-mock-user-id: ")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public Future<Outcome> list(String userId, boolean activeOnly) {
    byte[] head = activeOnly ? listActiveHead : listHead;
    byte[] user = userId.getBytes(StandardCharsets.UTF_8);
    Buffer request = Buffer.buffer(head.length + user.length + HEAD_END.length)
        .appendBytes(head).appendBytes(user).appendBytes(HEAD_END);
    Pending call = new Pending(request, System.nanoTime() + timeoutNanos);
    if (Vertx.currentContext() == context) {
      submit(call);
    } else {
      context.runOnContext(v -> submit(call));
    }
    return call.promise.future();
  }

  /** Closes every connection; calls still waiting or in flight fail. */
  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    context.runOnContext(v -> {
      if (sweepTimer >= 0) {
        vertx.cancelTimer(sweepTimer);
      }
      Pending call;
      while ((call = waiting.poll()) != null) {
        call.fail(new HttpClosedException("list client closed"));
      }
      net.close().onComplete(closed);
    });
    return closed.future();
  }

  // ---- the pool, on the context only --------------------------------------------------------

  private void submit(Pending call) {
    if (sweepTimer < 0) {
      // one sweep for all deadlines: cheaper than a timer per call; fires within ~5% of the timeout
      sweepTimer = vertx.setPeriodic(Math.max(1, Math.min(100, timeoutMillis / 20)), id -> sweep());
    }
    Connection connection = idle.pollLast();
    if (connection != null) {
      connection.send(call);
      return;
    }
    waiting.add(call);
    if (connections < maxConnections) {
      open();
    }
  }

  private void open() {
    connections++;
    net.connect(server).onComplete(this::opened, this::openFailed);
  }

  private void opened(NetSocket socket) {
    Connection connection = new Connection((NetSocketInternal) socket);
    connected.add(connection);
    free(connection);
  }

  /** The oldest waiting call gets the failure (connection refused, connect timeout). */
  private void openFailed(Throwable failure) {
    connections--;
    Pending call = nextWaiting();
    if (call != null) {
      call.fail(failure);
    }
    if (!waiting.isEmpty() && connections < maxConnections) {
      open();
    }
  }

  /** A connection ready for a request: to the oldest waiting call, else idle. */
  private void free(Connection connection) {
    Pending call = nextWaiting();
    if (call != null) {
      connection.send(call);
    } else {
      idle.addLast(connection);
    }
  }

  private Pending nextWaiting() {
    Pending call;
    while ((call = waiting.poll()) != null && call.done) {
      // timed out while waiting
    }
    return call;
  }

  private void closed(Connection connection) {
    connections--;
    connected.remove(connection);
    idle.remove(connection);
    if (!waiting.isEmpty() && connections < maxConnections) {
      open();
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    // all calls have the same timeout, so the oldest waiting ones are first
    Pending head;
    while ((head = waiting.peek()) != null && (head.done || head.deadline - now <= 0)) {
      waiting.poll();
      head.fail(new TimeoutException("no connection free within " + timeoutMillis + " ms"));
    }
    for (int i = connected.size() - 1; i >= 0; i--) {
      Connection connection = connected.get(i);
      if (connection.call != null && connection.call.deadline - now <= 0) {
        connection.timeOut();
      }
    }
  }

  /** A list call: its request and deadline, and how it ends. */
  private static final class Pending {
    final Buffer request;
    final long deadline;
    final Promise<Outcome> promise = Promise.promise();
    boolean done;

    Pending(Buffer request, long deadline) {
      this.request = request;
      this.deadline = deadline;
    }

    void complete(Outcome outcome) {
      done = true;
      promise.tryComplete(outcome);
    }

    void fail(Throwable failure) {
      done = true;
      promise.tryFail(failure);
    }
  }

  /** One keep-alive connection with at most one call on it. */
  private final class Connection {
    final NetSocketInternal socket;
    final ResponseReader reader = new ResponseReader();
    Pending call;
    boolean closing;

    Connection(NetSocketInternal socket) {
      this.socket = socket;
      // raw reads: the default data handler copies each read into a heap buffer first
      socket.messageHandler(this::read);
      socket.exceptionHandler(failure -> drop());
      socket.closeHandler(v -> onClose());
    }

    void send(Pending next) {
      call = next;
      reader.reset();
      socket.write(next.request);
    }

    void read(Object message) {
      try {
        if (message instanceof ByteBuf bytes) {
          read(bytes);
        }
      } finally {
        ReferenceCountUtil.release(message);
      }
    }

    private void read(ByteBuf bytes) {
      if (call == null) {
        drop(); // bytes nobody asked for (or after a timeout): the connection is out of step
        return;
      }
      boolean complete;
      try {
        complete = reader.feed(bytes);
      } catch (RawResponseException e) {
        Pending failed = call;
        call = null;
        failed.fail(e);
        drop();
        return;
      }
      if (!complete) {
        return;
      }
      Pending answered = call;
      call = null;
      // read before free(): a waiting call takes the connection at once and resets the reader
      Outcome outcome = Outcome.http(reader.status());
      if (reader.closeAfter() || bytes.isReadable()) {
        drop();
      } else {
        free(this); // the next request goes out before this answer is recorded
      }
      answered.complete(outcome);
    }

    void timeOut() {
      Pending late = call;
      call = null;
      late.fail(new TimeoutException("no response within " + timeoutMillis + " ms"));
      drop();
    }

    /** Closes the connection for good; {@link #onClose()} follows. */
    void drop() {
      if (!closing) {
        closing = true;
        idle.remove(this);
        socket.close();
      }
    }

    void onClose() {
      closing = true;
      if (call != null) {
        Pending cut = call;
        call = null;
        cut.fail(new HttpClosedException("connection closed before the response ended"));
      }
      closed(this);
    }
  }
}
