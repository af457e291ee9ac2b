package org.partnershipledger.command.xapi;

/** A statement that breaks a rule of the xAPI specification: the rule, and the path of the property that breaks it. */
public class XapiInvalid extends RuntimeException {

    private final String path;

    public XapiInvalid(String path, String rule) {
        super(path + ": " + rule, null, false, false);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
