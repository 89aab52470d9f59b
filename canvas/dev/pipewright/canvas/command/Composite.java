package dev.pipewright.canvas.command;

import dev.pipewright.model.Pipeline;
import java.util.List;

/** Several commands applied in order as one undo step, under one description. */
public record Composite(String description, List<Command> parts) implements Command {
  public Composite {
    parts = List.copyOf(parts);
  }

  public static Composite of(String description, Command... parts) {
    return new Composite(description, List.of(parts));
  }

  @Override
  public Pipeline apply(Pipeline p) {
    Pipeline result = p;
    for (Command c : parts) {
      result = c.apply(result);
    }
    return result;
  }
}
