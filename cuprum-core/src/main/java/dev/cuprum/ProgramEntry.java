package dev.cuprum;

import java.util.Objects;

/**
 * A program found in a catalogue, with the project that owns it.
 *
 * @param program the program
 * @param project the owning project
 */
public record ProgramEntry(Program program, ProjectSettings project) {

  public ProgramEntry {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(project, "project");
  }
}
