package org.partnershipledger.command.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.partnershipledger.platform.web.ProblemCode;

/** Matches a rejection by its stable code and HTTP status, as clients see it. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<LedgerRejection> rejected(int status, ProblemCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerRejection rejection) {
                return rejection.status() == status && rejection.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection " + status + " " + code);
            }

            @Override
            protected void describeMismatchSafely(LedgerRejection rejection, Description description) {
                description.appendText("was " + rejection.status() + " " + rejection.code() + ": "
                        + rejection.getMessage());
            }
        };
    }
}
