package org.partnershipledger.platform;

import java.util.List;
import java.util.Map;

/**
 * The embedded default's users, one per role, each with password {@code <name>-demo} (listed in docs/operations.md).
 * Only defaults: any {@code ledger.security.users} configuration replaces the whole list, and the production
 * profile refuses to start while these passwords are in use.
 */
final class DemoUsers {

    private record Demo(String name, String role, String hash, String organizationId) {
    }

    private static final List<Demo> USERS = List.of(
            new Demo("manager", "MANAGER", "$2a$10$Kr.mpbVjOJIGM/XZfVCrTON0CE8Ni1joVrkj97zmEuswjAygo4UUe", null),
            new Demo("board", "BOARD", "$2a$10$wc7zmUpa/XclJono0hwuDeXJtYke848PvLQnLjxH92jxQ1OjQnvYm", null),
            new Demo("analyst", "ANALYST", "$2a$10$3S3H5XiQsRdjb.YuwfbTMuhhXLm10H.a3hWvoOt/7umMBncNU39GS", null),
            new Demo("integration", "INTEGRATION", "$2a$10$jTRHULS4f6TRi.yBCJ7ZxuoLzCNeRk/Qd61Oh3Od2Fb.3wqHI/EkC", null),
            new Demo("admin", "ADMIN", "$2a$10$ffMiev./3/UAcsQBsIikW.6Ifm/aJliUrQQceshao6SN51LFIYhc2", null),
            new Demo("partner", "PARTNER", "$2a$10$iyOWbV3GIpbouMB.2sKIR.jjgLHaXJ0UsECkEQboOlYWgxdHhSux.",
                    "demo-partner"));

    private DemoUsers() {
    }

    static void addTo(Map<String, Object> defaults) {
        for (int i = 0; i < USERS.size(); i++) {
            Demo user = USERS.get(i);
            String prefix = "ledger.security.users[" + i + "].";
            defaults.put(prefix + "name", user.name());
            defaults.put(prefix + "password-hash", user.hash());
            defaults.put(prefix + "roles", user.role());
            if (user.organizationId() != null) {
                defaults.put(prefix + "organization-id", user.organizationId());
            }
        }
    }
}
