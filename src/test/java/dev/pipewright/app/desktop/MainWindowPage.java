package dev.pipewright.app.desktop;

import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A page object for the main window on a real stage: starts an app instance with its own home
 * directory, finds controls by id, drags like a hand would and saves screenshots under
 * {@code target/screenshots/}. Only the OS file choosers are answered by the test (they do
 * not exist headless); every other dialog is the real one.
 */
final class MainWindowPage {
  private final FxRobot robot;
  private final MainView view;
  final Deque<Path> fileAnswers;

  private MainWindowPage(FxRobot robot, MainView view, Deque<Path> fileAnswers) {
    this.robot = robot;
    this.view = view;
    this.fileAnswers = fileAnswers;
  }

  /** Opens a new main window using {@code home} and runs its start-up (which may show dialogs). */
  static MainWindowPage start(FxRobot robot, Path home, Path openFile) {
    Deque<Path> answers = new ArrayDeque<>();
    MainView view = onFx(() -> {
      Stage stage = new Stage();
      stage.setX(0);
      stage.setY(0);
      MainView v = DesktopApp.create(stage, new AppHome(home), TaskExecutor.synchronous(),
          new FxDialogService(() -> stage) {
            @Override
            public Optional<Path> chooseFileToOpen(Path initialDir) {
              return Optional.ofNullable(answers.poll());
            }

            @Override
            public Optional<Path> chooseFileToSave(Path initialDir, String suggestedName) {
              return Optional.ofNullable(answers.poll());
            }
          });
      v.show();
      return v;
    });
    // Start-up may wait in a modal dialog (recovery), so it must not be waited for here.
    Platform.runLater(() -> view.start(openFile));
    WaitForAsyncUtils.waitForFxEvents();
    return new MainWindowPage(robot, view, answers);
  }

  MainView view() {
    return view;
  }

  MainViewModel vm() {
    return view.viewModel();
  }

  Pipeline pipeline() {
    return onFx(() -> vm().document().pipeline());
  }

  /** Runs {@code r} on the FX thread without waiting for it (it may open a modal dialog). */
  void later(Runnable r) {
    Platform.runLater(r);
    WaitForAsyncUtils.waitForFxEvents();
  }

  void interact(Runnable r) {
    robot.interact(r);
    WaitForAsyncUtils.waitForFxEvents();
  }

  Node byId(String id) {
    return robot.lookup("#" + id).query();
  }

  /** Screen point of the centre of the node with this id (in this window). */
  Point2D centreOf(String id) {
    return onFx(() -> {
      Node n = view.root().lookup("#" + id);
      if (n == null) {
        throw new IllegalArgumentException("no #" + id + " in the main window");
      }
      Bounds b = n.localToScreen(n.getLayoutBounds());
      return new Point2D(b.getCenterX(), b.getCenterY());
    });
  }

  void click(String id) {
    robot.clickOn(centreOf(id));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Point2D toScreen(Point2D scene) {
    Scene s = view.stage().getScene();
    return new Point2D(s.getWindow().getX() + s.getX() + scene.getX(), s.getWindow().getY() + s.getY() + scene.getY());
  }

  Point2D node(String name) {
    return toScreen(onFx(() -> view.canvas().screenPointOfNode(name)));
  }

  Point2D outputPort(String name) {
    return toScreen(onFx(() -> view.canvas().screenPointOfOutputPort(name)));
  }

  Point2D inputPort(String name) {
    return toScreen(onFx(() -> view.canvas().screenPointOfInputPort(name)));
  }

  /** A point on the canvas, as a fraction of its width and height, on screen. */
  Point2D canvasAt(double fx, double fy) {
    return onFx(() -> {
      Bounds b = view.canvas().localToScreen(view.canvas().getLayoutBounds());
      return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    });
  }

  /** Presses, moves in small steps and releases, as a hand would. */
  void drag(Point2D from, Point2D to) {
    robot.moveTo(from).press(MouseButton.PRIMARY);
    for (int i = 1; i <= 6; i++) {
      robot.moveTo(new Point2D(from.getX() + (to.getX() - from.getX()) * i / 6,
          from.getY() + (to.getY() - from.getY()) * i / 6));
    }
    robot.release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Drags a palette entry onto the canvas. */
  void dragFromPalette(NodeKind kind, Point2D to) {
    drag(centreOf("palette-" + kind.id()), to);
  }

  /** The top-most dialog pane with this id, or empty. */
  Optional<DialogPane> dialog(String id) {
    WaitForAsyncUtils.waitForFxEvents();
    return onFx(() -> Window.getWindows().stream()
        .filter(Window::isShowing)
        .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
        .filter(r -> r instanceof DialogPane && id.equals(r.getId()))
        .map(r -> (DialogPane) r)
        .findFirst());
  }

  /** Clicks the button with this text in the dialog. */
  void clickDialogButton(DialogPane pane, String text) {
    Node button = onFx(() -> pane.getButtonTypes().stream()
        .filter(t -> t.getText().equals(text)).findFirst().map(pane::lookupButton).orElseThrow(
            () -> new IllegalArgumentException("no button '" + text + "' in " + pane.getId())));
    robot.clickOn(button);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Writes this window (or a dialog) to target/screenshots/{name}.png. */
  Path screenshot(String name) {
    return screenshot(name, view.stage().getScene());
  }

  Path screenshot(String name, Scene scene) {
    WaitForAsyncUtils.waitForFxEvents();
    AtomicReference<BufferedImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(withPopups(scene)));
    try {
      Path file = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(file.getParent());
      ImageIO.write(image.get(), "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scene, with open menus and tooltips of its window painted where they appear. */
  private static BufferedImage withPopups(Scene scene) {
    BufferedImage base = toAwt(scene.getRoot().snapshot(null, null));
    Window owner = scene.getWindow();
    Graphics2D g = base.createGraphics();
    for (Window w : Window.getWindows()) {
      if (w instanceof PopupWindow popup && popup.isShowing() && popup.getOwnerWindow() == owner
          && popup.getScene() != null) {
        BufferedImage p = toAwt(popup.getScene().getRoot().snapshot(null, null));
        int x = (int) Math.round(popup.getX() + popup.getScene().getX() - owner.getX() - scene.getX());
        int y = (int) Math.round(popup.getY() + popup.getScene().getY() - owner.getY() - scene.getY());
        g.drawImage(p, x, y, null);
      }
    }
    g.dispose();
    return base;
  }

  private static BufferedImage toAwt(WritableImage img) {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    int[] argb = new int[w * h];
    img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    return out;
  }

  /** Closes the window the way a crash would: no question, no clean-up. */
  void crash() {
    interact(() -> {
      view.stopAutosave();
      view.stage().hide();
    });
  }

  /** Closes the window cleanly if still open, discarding changes (end of a test). */
  void dispose() {
    interact(() -> {
      if (view.stage().isShowing()) {
        view.shutDown();
        view.stage().hide();
      }
    });
  }

  static <T> T onFx(Callable<T> c) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
  }
}
