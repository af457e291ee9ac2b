package org.partnershipledger.cli;

import picocli.CommandLine.Option;

/** Where the ledger's query side is and who asks. */
class Connection {

    @Option(names = "--url", defaultValue = "${env:LEDGER_URL:-http://localhost:8081}",
            description = "The query side (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--user", description = "User name (default: ${DEFAULT-VALUE}).", defaultValue = "${env:LEDGER_USER:-}")
    String user;

    /** The password comes from LEDGER_PASSWORD, never from the command line; demo users default to theirs. */
    LedgerApi api(String defaultUser) {
        String name = user == null || user.isBlank() ? defaultUser : user;
        String password = System.getenv().getOrDefault("LEDGER_PASSWORD", name + "-demo");
        return new LedgerApi(url, name, password);
    }
}
