package dev.cuprum.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spans leave the sample for whichever collector the standard properties name. The sample is
 * started the way an operator starts it, with the endpoints as command-line arguments, against
 * a stand-in collector that records what Zipkin's and OTLP's HTTP receivers would get.
 */
class TracingExportTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static HttpServer collector;
  private static ConfigurableApplicationContext sample;
  private static final List<JsonNode> zipkinSpans = new CopyOnWriteArrayList<>();
  private static final Map<String, Integer> requestsByPath = new ConcurrentHashMap<>();

  /** An instrumented program: it reports a span of its own, a child of the one in TRACEPARENT. */
  private static final Path REPORT_SPAN = Path.of("").toAbsolutePath().getParent().resolve("scripts/report-span.sh");

  @BeforeAll
  static void start() throws IOException {
    collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext("/", TracingExportTests::receive);
    collector.start();
    String base = "http://127.0.0.1:" + collector.getAddress().getPort();
    sample = new SpringApplicationBuilder(SampleApplication.class).run(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--cuprum.catalogue.projects.instrumented.programs=" + REPORT_SPAN,
        "--sample.jobs.report-span[0]=" + REPORT_SPAN,
        "--sample.jobs.report-span[1]=" + base,
        "--management.tracing.export.zipkin.endpoint=" + base + "/api/v2/spans",
        "--management.opentelemetry.tracing.export.otlp.endpoint=" + base + "/v1/traces",
        "--management.opentelemetry.tracing.export.schedule-delay=100ms");
  }

  @AfterAll
  static void stop() {
    if (sample != null) {
      sample.close();
    }
    if (collector != null) {
      collector.stop(0);
    }
  }

  @Test
  void bothExportersAreOnWhenTheirEndpointsAreSet() {
    assertThat(sample.getBeanProvider(SpanExporter.class).stream().map(Object::getClass).toList())
        .contains(ZipkinSpanExporter.class, OtlpHttpSpanExporter.class);
  }

  @Test
  void aBatchIsTracedAsCommandsInsideTheBatchInsideTheRequest() {
    int port = ((WebServerApplicationContext) sample).getWebServer().getPort();
    ApiClient.Response response = new ApiClient(port).postJson("/api/batch",
        "{\"texts\": [\"traced-1\", \"traced-2\", \"traced-3\"], \"concurrency\": 3}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);

    await().atMost(PATIENCE).untilAsserted(() -> {
      JsonNode batch = only(spansNamed("cuprum.batch"));
      List<JsonNode> commands = spansNamed("cuprum.exec echo").stream()
          .filter(span -> span.path("traceId").asString().equals(batch.path("traceId").asString()))
          .toList();
      assertThat(commands).hasSize(3);
      assertThat(commands).allSatisfy(command -> {
        assertThat(command.path("parentId").asString()).isEqualTo(batch.path("id").asString());
        assertThat(command.path("tags").path("cuprum.program").asString()).isEqualTo("echo");
        assertThat(command.path("tags").path("cuprum.outcome").asString()).isEqualTo("SUCCESS");
      });
      JsonNode server = only(zipkinSpans.stream()
          .filter(span -> span.path("id").asString().equals(batch.path("parentId").asString()))
          .toList());
      assertThat(server.path("kind").asString()).isEqualTo("SERVER");
      assertThat(server.path("name").asString()).isEqualTo("http post /api/batch");
      assertThat(server.path("localEndpoint").path("serviceName").asString()).isEqualTo("cuprum-sample");
    });
    await().atMost(PATIENCE).until(() -> requestsByPath.getOrDefault("/v1/traces", 0) > 0);
  }

  @Test
  void aSpanThatTheChildReportsIsAChildOfItsCommandsSpan() {
    int port = ((WebServerApplicationContext) sample).getWebServer().getPort();
    ApiClient.Response response = new ApiClient(port).postJson("/api/jobs/report-span", "{}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String childId = response.json().get("stdout").asString().strip().replace("reported ", "");

    await().atMost(PATIENCE).untilAsserted(() -> {
      JsonNode child = only(zipkinSpans.stream().filter(span -> span.path("id").asString().equals(childId)).toList());
      JsonNode command = only(zipkinSpans.stream()
          .filter(span -> span.path("id").asString().equals(child.path("parentId").asString())).toList());
      assertThat(command.path("name").asString()).isEqualTo("cuprum.exec " + REPORT_SPAN);
      assertThat(command.path("kind").asString()).isEqualTo("CLIENT");
      assertThat(command.path("tags").path("process.executable.name").asString()).isEqualTo("report-span.sh");
      assertThat(child.path("traceId").asString()).isEqualTo(command.path("traceId").asString());
    });
  }

  private static List<JsonNode> spansNamed(String name) {
    return zipkinSpans.stream().filter(span -> span.path("name").asString().equals(name)).toList();
  }

  private static JsonNode only(List<JsonNode> spans) {
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  private static void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
            ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
      }
      if (path.equals("/api/v2/spans")) {
        List<JsonNode> spans = new ArrayList<>();
        JsonMapper.shared().readTree(body).forEach(spans::add);
        zipkinSpans.addAll(spans);
      }
      requestsByPath.merge(path, 1, Integer::sum);
      exchange.sendResponseHeaders(path.equals("/api/v2/spans") ? 202 : 200, -1);
    }
  }
}
