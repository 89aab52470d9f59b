package dev.pipewright.model;

/** A user name and a password reference ({@code ${env:…}} or {@code ${file:…}}), never a literal. */
public record Credentials(String username, String password) {}
