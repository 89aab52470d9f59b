package dev.pipewright.app.desktop.command;

import dev.pipewright.canvas.command.Command;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Pipeline;
import java.util.Objects;

/** Changes how the pipeline's records are serialised on its topics. */
public record SetConverter(Converter converter) implements Command {
  public SetConverter {
    Objects.requireNonNull(converter, "converter");
  }

  @Override
  public Pipeline apply(Pipeline p) {
    return p.converter() == converter ? p : p.withConverter(converter);
  }

  @Override
  public String description() {
    return "Set converter to " + converter.yamlName();
  }
}
