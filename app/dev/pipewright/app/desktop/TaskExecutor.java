package dev.pipewright.app.desktop;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result back on it. The app uses
 * {@link BackgroundTaskExecutor}; tests use {@link #synchronous()} so that a lint or an autosave
 * has finished when the call returns, without sleeping.
 */
public interface TaskExecutor extends AutoCloseable {

  /** Runs {@code work} in the background, then {@code onResult} (or {@code onError}) on the UI thread. */
  <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError);

  /**
   * Like {@link #submit} but waits {@code delay} first, and a later call with the same
   * {@code key} cancels an earlier one still waiting: for work that follows every keystroke.
   */
  <T> void debounce(String key, Duration delay, Callable<T> work, Consumer<T> onResult,
      Consumer<Exception> onError);

  @Override
  void close();

  /**
   * An executor for long work (starting a trial) whose tasks do not queue behind this one's;
   * the caller closes it. Synchronous executors return themselves.
   */
  default TaskExecutor separateWorker() {
    return this;
  }

  /** Runs everything immediately on the calling thread; debouncing collapses to "now". */
  static TaskExecutor synchronous() {
    return new TaskExecutor() {
      @Override
      public <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
        T result;
        try {
          result = work.call();
        } catch (Exception e) {
          onError.accept(e);
          return;
        }
        onResult.accept(result);
      }

      @Override
      public <T> void debounce(String key, Duration delay, Callable<T> work, Consumer<T> onResult,
          Consumer<Exception> onError) {
        submit(work, onResult, onError);
      }

      @Override
      public void close() {}
    };
  }
}
