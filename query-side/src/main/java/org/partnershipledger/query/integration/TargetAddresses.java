package org.partnershipledger.query.integration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may not be delivered to: anything inside the ledger's own host or network, or a cloud's
 * metadata service, where a POST chosen by an integration could reach what the integration cannot. An address inside
 * an IPv6 form that carries an IPv4 one (IPv4-mapped {@code ::ffff:0:0/96}, NAT64 {@code 64:ff9b::/96}) is judged
 * by the IPv4 address it carries.
 */
final class TargetAddresses {

    private record Range(byte[] prefix, int bits, String kind) {

        static Range of(String address, int bits, String kind) {
            try {
                return new Range(InetAddress.getByName(address).getAddress(), bits, kind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** In order: the first range that holds an address names what it is. */
    private static final List<Range> FORBIDDEN = List.of(
            Range.of("169.254.169.254", 32, "cloud metadata"),
            Range.of("0.0.0.0", 8, "unspecified"),
            Range.of("127.0.0.0", 8, "loopback"),
            Range.of("10.0.0.0", 8, "private"),
            Range.of("172.16.0.0", 12, "private"),
            Range.of("192.168.0.0", 16, "private"),
            Range.of("100.64.0.0", 10, "shared (carrier-grade NAT)"),
            Range.of("169.254.0.0", 16, "link-local"),
            Range.of("224.0.0.0", 4, "multicast"),
            Range.of("240.0.0.0", 4, "reserved"), // and the broadcast address
            Range.of("fd00:ec2::254", 128, "cloud metadata"),
            Range.of("::", 128, "unspecified"),
            Range.of("::1", 128, "loopback"),
            Range.of("fc00::", 7, "private"),
            Range.of("fe80::", 10, "link-local"),
            Range.of("fec0::", 10, "private"), // site-local, deprecated
            Range.of("ff00::", 8, "multicast"));
    private static final List<Range> CARRYING_IPV4 = List.of(
            // written out: parsing ::ffff:0:0 would give the IPv4 address 0.0.0.0
            new Range(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96,
                    "IPv4-mapped"),
            Range.of("64:ff9b::", 96, "NAT64"));
    private static final Range IPV4_COMPATIBLE = Range.of("::", 96, "reserved (IPv4-compatible)");

    private TargetAddresses() {
    }

    /** What kind of forbidden address this is ("loopback", "private", …); empty if a webhook may go there. */
    static Optional<String> forbidden(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            for (Range range : CARRYING_IPV4) {
                if (range.contains(bytes)) {
                    return forbidden(Arrays.copyOfRange(bytes, 12, 16));
                }
            }
        }
        Optional<String> kind = forbidden(bytes);
        if (kind.isEmpty() && IPV4_COMPATIBLE.contains(bytes)) {
            return Optional.of(IPV4_COMPATIBLE.kind());
        }
        return kind;
    }

    private static Optional<String> forbidden(byte[] address) {
        return FORBIDDEN.stream().filter(range -> range.contains(address)).map(Range::kind).findFirst();
    }
}
