package dev.pipewright.app.desktop;

import dev.pipewright.app.desktop.gallery.TemplateGalleryViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Entry point of the desktop application, called by {@code pipewright app}. Not an
 * {@code Application} subclass, so it starts from a plain classpath; it starts the JavaFX
 * toolkit itself and blocks until the window closes.
 */
public final class DesktopApp {
  private static final String MONOCLE = "com.sun.glass.ui.monocle.HeadlessPlatformFactory";

  private DesktopApp() {}

  /**
   * Opens the main window (with {@code openFile} when not null) and returns when it is closed.
   * With a {@code screenshotPng}, renders the main window at 1440×900 with that pipeline opened,
   * fitted and linted, writes the PNG and returns without showing anything on screen (headless
   * under Monocle when it is on the classpath). A file that cannot be opened, or a PNG that
   * cannot be written, ends in an {@link IllegalStateException} whose message says why.
   */
  public static void launch(Path openFile, Path screenshotPng) {
    if (screenshotPng != null) {
      screenshot(openFile, screenshotPng);
      return;
    }
    CountDownLatch closed = new CountDownLatch(1);
    boolean started = startToolkit(() -> {
      Platform.setImplicitExit(false);
      Stage stage = new Stage();
      MainView view = create(stage, AppHome.fromSystem(), new BackgroundTaskExecutor(Platform::runLater));
      stage.setOnHidden(e -> closed.countDown());
      view.show();
      view.start(openFile);
    });
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (started) {
      Platform.exit();
    }
  }

  /** Builds the main window on {@code stage} (not shown yet): the path tests and the launcher share. */
  public static MainView create(Stage stage, AppHome home, TaskExecutor tasks) {
    return create(stage, home, tasks, null);
  }

  /** Like {@link #create(Stage, AppHome, TaskExecutor)} with the dialogs given (tests answer file choosers). */
  public static MainView create(Stage stage, AppHome home, TaskExecutor tasks, DialogService dialogs) {
    MainViewModel vm = new MainViewModel(home, tasks);
    DialogService d = dialogs != null ? dialogs : new FxDialogService(() -> stage);
    return new MainView(stage, vm, d, TemplateGalleryViewModel.defaultExamplesDir());
  }

  private static void screenshot(Path openFile, Path png) {
    if (System.getProperty("glass.platform") == null && monocleAvailable()) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("headless.geometry", "1600x1000-32");
      System.setProperty("monocle.headless.geometry", "1600x1000-32");
      System.setProperty("prism.order", "sw");
      System.setProperty("prism.text", "t2k");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean started = startToolkit(() -> {
      try {
        Stage stage = new Stage();
        MainView view = create(stage, AppHome.fromSystem(), TaskExecutor.synchronous(),
            new FxDialogService(() -> stage) {
              @Override
              public void showFailure(FileOutcome outcome) {
                done.completeExceptionally(new IOException(outcome.message() + "\n"
                    + String.join("\n", outcome.details())));
              }
            });
        view.show();
        if (openFile != null) {
          view.openPath(openFile);
        } else {
          view.showGallery();
        }
        // Two pulses: one for the layout, one for the fit that follows it.
        Platform.runLater(() -> Platform.runLater(() -> {
          if (done.isDone()) {
            stage.hide();
            return;
          }
          try {
            writeSnapshot(view, png);
            stage.hide();
            done.complete(null);
          } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
          }
        }));
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    try {
      done.get(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      // The message alone is what a person needs (the CLI prints it): the loader's problems or the write error.
      throw new IllegalStateException(cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the window did not render within two minutes", e);
    } finally {
      if (started) {
        Platform.exit();
      }
    }
  }

  /** Renders the window's content as it is now and writes it to {@code png}. Call on the FX thread. */
  public static void writeSnapshot(MainView view, Path png) throws IOException {
    view.root().applyCss();
    view.root().layout();
    view.canvas().fitToView();
    view.root().layout();
    WritableImage image = view.root().snapshot(new SnapshotParameters(), null);
    Png.write(image, png);
  }

  /** Starts JavaFX and runs {@code r} on it; true when this call started it (and so should stop it). */
  private static boolean startToolkit(Runnable r) {
    try {
      Platform.startup(r);
      return true;
    } catch (IllegalStateException alreadyRunning) {
      Platform.runLater(r);
      return false;
    }
  }

  private static boolean monocleAvailable() {
    try {
      Class.forName(MONOCLE, false, DesktopApp.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
