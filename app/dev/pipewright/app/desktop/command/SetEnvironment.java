package dev.pipewright.app.desktop.command;

import dev.pipewright.canvas.command.Command;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Pipeline;
import java.util.Objects;

/** Changes where the pipeline is meant to run, which relaxes or tightens the lint rules. */
public record SetEnvironment(Environment environment) implements Command {
  public SetEnvironment {
    Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Pipeline apply(Pipeline p) {
    return p.environment() == environment ? p : p.withEnvironment(environment);
  }

  @Override
  public String description() {
    return "Set environment to " + environment.yamlName();
  }
}
