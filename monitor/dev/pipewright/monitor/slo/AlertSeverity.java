package dev.pipewright.monitor.slo;

/** How urgent a burn-rate alert is: a fast burn pages someone, a slow burn opens a ticket. */
public enum AlertSeverity {
  PAGE, TICKET
}
