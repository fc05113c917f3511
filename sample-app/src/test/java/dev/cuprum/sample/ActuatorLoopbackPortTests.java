package dev.cuprum.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator on a management port of its own, bound to the loopback interface, over real HTTP:
 * only this host reaches it, so every endpoint answers there without credentials, and the
 * application's port serves no actuator at all.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = { "management.server.port=0", "management.server.address=127.0.0.1" })
class ActuatorLoopbackPortTests {

  @LocalServerPort
  int port;

  @LocalManagementPort
  int managementPort;

  @Test
  void everyEndpointAnswersOnTheLoopbackManagementPort() {
    ApiClient local = new ApiClient(managementPort);

    ApiClient.Response cuprum = local.get("/actuator/cuprum");
    assertThat(cuprum.status()).as(cuprum.body()).isEqualTo(200);
    assertThat(cuprum.json().get("enforceAllowlist").asBoolean()).isTrue();
    assertThat(local.get("/actuator/info").status()).isEqualTo(200);
    assertThat(local.get("/actuator/health").status()).isEqualTo(200);
    assertThat(local.get("/actuator/prometheus").status()).isEqualTo(200);
  }

  @Test
  void theApplicationPortServesNoActuator() {
    ApiClient application = new ApiClient(port);

    assertThat(application.get("/actuator/cuprum").status()).isEqualTo(404);
    assertThat(application.get("/actuator/health").status()).isEqualTo(404);
    assertThat(application.postJson("/api/echo", "{\"text\": \"hi\"}").status()).isEqualTo(200);
  }

  @Test
  void theManagementPortIsNotReachableOnOtherAddresses() throws SocketException {
    Optional<InetAddress> external = NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst();
    assumeTrue(external.isPresent(), "the host has no IPv4 address besides the loopback one");
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(external.get(), managementPort), 5_000);
      }
    }).isInstanceOf(ConnectException.class);
    assertThat(reachable(InetAddress.getLoopbackAddress())).isTrue();
  }

  private boolean reachable(InetAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, managementPort), 5_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
