package dev.pipewright.app.desktop;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app's {@link TaskExecutor}: one daemon worker thread (lint and autosave are short and
 * must not race each other) and a UI executor, normally {@code Platform::runLater}.
 */
public final class BackgroundTaskExecutor implements TaskExecutor {
  private final ScheduledExecutorService worker;
  private final Executor ui;
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  public BackgroundTaskExecutor(Executor ui) {
    this.ui = ui;
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "pipewright-desktop-worker");
      t.setDaemon(true);
      return t;
    });
    pool.setRemoveOnCancelPolicy(true);
    this.worker = pool;
  }

  @Override
  public <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
    worker.execute(() -> run(work, onResult, onError));
  }

  @Override
  public <T> void debounce(String key, Duration delay, Callable<T> work, Consumer<T> onResult,
      Consumer<Exception> onError) {
    ScheduledFuture<?> next = worker.schedule(() -> run(work, onResult, onError),
        delay.toMillis(), TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = pending.put(key, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  private <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
    try {
      T result = work.call();
      ui.execute(() -> onResult.accept(result));
    } catch (Exception e) {
      ui.execute(() -> onError.accept(e));
    }
  }

  @Override
  public TaskExecutor separateWorker() {
    return new BackgroundTaskExecutor(ui);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
