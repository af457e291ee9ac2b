package org.partnershipledger.web.pages;

/** The API no longer accepts the session's credential (401): the user signs in again. */
class SignedOut extends RuntimeException {
}
