/**
 * Validation and design lint of a pipeline: {@link dev.pipewright.model.lint.Linter} runs the
 * registered {@link dev.pipewright.model.lint.Rule}s (listed in docs/lint-rules.md) and returns
 * ordered {@link dev.pipewright.model.Finding}s. Pure functions of the model: no I/O, no clock.
 */
package dev.pipewright.model.lint;
