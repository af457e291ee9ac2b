package org.partnershipledger.web.pages;

/** The API would not show it to this user (403), or it does not exist for them (404): the page says so plainly. */
class NotReadable extends RuntimeException {

    final int status;

    NotReadable(int status, String detail) {
        super(detail);
        this.status = status;
    }
}
