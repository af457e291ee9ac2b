package org.partnershipledger.audit.note;

/** A note that is malformed, or whose signature does not verify; the message says which, for a person to read. */
public class NoteException extends RuntimeException {

    public NoteException(String message) {
        super(message);
    }
}
