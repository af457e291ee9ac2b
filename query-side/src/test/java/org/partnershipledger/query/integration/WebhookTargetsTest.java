package org.partnershipledger.query.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.query.http.Refused;

/** Webhooks go to public addresses only: every internal range is refused, at subscription and at delivery. */
class WebhookTargetsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0.0.0.0, unspecified", "0.1.2.3, unspecified",
            "127.0.0.1, loopback", "127.255.255.254, loopback",
            "10.0.0.1, private", "10.255.255.255, private",
            "172.16.0.1, private", "172.31.255.255, private",
            "192.168.0.1, private", "192.168.255.255, private",
            "100.64.0.1, shared (carrier-grade NAT)", "100.127.255.255, shared (carrier-grade NAT)",
            "169.254.0.1, link-local", "169.254.255.255, link-local",
            "169.254.169.254, cloud metadata",
            "224.0.0.1, multicast", "239.255.255.255, multicast",
            "240.0.0.1, reserved", "255.255.255.255, reserved",
            "::, unspecified",
            "::1, loopback",
            "fc00::1, private", "fd12:3456:789a::1, private", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, private",
            "fe80::1, link-local", "febf:ffff::1, link-local",
            "fec0::1, private",
            "ff02::1, multicast", "ff0e::1, multicast",
            "fd00:ec2::254, cloud metadata",
            "::ffff:127.0.0.1, loopback", "::ffff:10.1.2.3, private", "::ffff:169.254.169.254, cloud metadata",
            "64:ff9b::7f00:1, loopback", "64:ff9b::a9fe:a9fe, cloud metadata",
            "::127.0.0.1, reserved (IPv4-compatible)"})
    void internalAddressesAreForbiddenAndNamed(String address, String kind) throws Exception {
        assertThat(TargetAddresses.forbidden(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "1.1.1.1", "9.255.255.255", "11.0.0.0", "172.15.255.255",
            "172.32.0.0", "192.167.255.255", "192.169.0.0", "100.63.255.255", "100.128.0.0", "169.253.255.255",
            "169.255.0.0", "126.255.255.255", "128.0.0.0", "223.255.255.255", "2606:4700:4700::1111",
            "2001:4860:4860::8888", "fbff::1", "fe00::1", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(TargetAddresses.forbidden(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anIpv4MappedAddressKeptInItsIpv6FormIsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(TargetAddresses.forbidden(address)).contains("cloud metadata");
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(TargetAddresses.forbidden(Inet6Address.getByAddress(null, mapped, -1))).isEmpty();
    }

    final Map<String, InetAddress[]> dns = new HashMap<>();
    final WebhookTargets targets = new WebhookTargets(false, host -> {
        InetAddress[] addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    });

    @Test
    void aSubscriptionToAHostThatResolvesToAnInternalAddressIsRefusedWithItsCode() throws Exception {
        dns.put("hooks.example.com", new InetAddress[] {InetAddress.getByName("93.184.216.34")});
        dns.put("internal.example.com", new InetAddress[] {InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("10.0.0.7")});

        assertThatCode(() -> targets.checkSubscription(URI.create("https://hooks.example.com/ledger")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> targets.checkSubscription(URI.create("https://internal.example.com/ledger")))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused)
                        .hasFieldOrPropertyWithValue("code", ProblemCode.WEBHOOK_TARGET_FORBIDDEN))
                .hasMessageContaining("private").hasMessageNotContaining("10.0.0.7");
    }

    @Test
    void addressLiteralsAreJudgedAsTheyResolve() {
        WebhookTargets real = new WebhookTargets(false);
        for (String url : new String[] {"http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://localhost/hook",
                "http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/", "http://2130706433/",
                "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/"}) {
            assertThatThrownBy(() -> real.checkSubscription(URI.create(url))).as(url).isInstanceOf(Refused.class);
            assertThat(real.deliveryRefusal(URI.create(url))).as(url).isPresent();
        }
        assertThat(real.deliveryRefusal(URI.create("http://93.184.216.34/hook"))).isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveYetIsAcceptedAndCheckedAgainAtDelivery() {
        URI url = URI.create("https://not-yet.example.com/hook");

        assertThatCode(() -> targets.checkSubscription(url)).doesNotThrowAnyException();
        assertThat(targets.deliveryRefusal(url)).contains("UnknownHostException: not-yet.example.com");
    }

    @Test
    void aNameReboundToAnInternalAddressAfterSubscribingIsNotDeliveredTo() throws Exception {
        URI url = URI.create("https://rebinding.example.com/hook");
        dns.put("rebinding.example.com", new InetAddress[] {InetAddress.getByName("93.184.216.34")});
        targets.checkSubscription(url);
        assertThat(targets.deliveryRefusal(url)).isEmpty();

        dns.put("rebinding.example.com", new InetAddress[] {InetAddress.getByName("127.0.0.1")});

        assertThat(targets.deliveryRefusal(url))
                .contains("Target forbidden: rebinding.example.com resolves to a loopback address");
    }

    @Test
    void allowingPrivateTargetsLetsEveryAddressThrough() {
        WebhookTargets workstation = new WebhookTargets(true, host -> {
            throw new AssertionError("nothing is resolved when private targets are allowed");
        });

        assertThatCode(() -> workstation.checkSubscription(URI.create("http://127.0.0.1:9/hook")))
                .doesNotThrowAnyException();
        assertThat(workstation.deliveryRefusal(URI.create("http://127.0.0.1:9/hook"))).isEqualTo(Optional.empty());
    }
}
