package dev.pipewright.monitor.connect;

import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * Basic auth on a real Connect worker's REST API, through Connect's own extension mechanism
 * ({@code rest.extension.classes}); Kafka's BasicAuthSecurityRestExtension jar is not on our
 * classpath, so this small one takes its place: one fixed user, everything else gets 401.
 */
public final class BasicAuthRestExtension implements ConnectRestExtension {
  public static final String USER = "monitor";
  public static final String PASSWORD = "s3cret-pw";
  public static final String HEADER = "Basic " + Base64.getEncoder()
      .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure: the credentials are fixed for the test
  }

  @Override
  public void register(ConnectRestExtensionContext context) {
    context.configurable().register((ContainerRequestFilter) request -> {
      if (!HEADER.equals(request.getHeaderString("Authorization"))) {
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED).build());
      }
    });
  }

  @Override
  public void close() {
    // no resources
  }

  @Override
  public String version() {
    return "test";
  }
}
