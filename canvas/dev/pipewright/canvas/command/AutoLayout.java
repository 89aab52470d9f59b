package dev.pipewright.canvas.command;

import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Pipeline;

/** Lays the whole pipeline out left to right by stage; see {@link Layout#layout(Pipeline)}. */
public record AutoLayout() implements Command {
  @Override
  public Pipeline apply(Pipeline p) {
    return Layout.layout(p);
  }

  @Override
  public String description() {
    return "Auto-layout";
  }
}
