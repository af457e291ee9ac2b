package org.partnershipledger.events.common;

/**
 * A typed reference to what a decision rests on. The ledger keeps the reference, not the thing: {@code ref} is a
 * URI, a review period or a statement id as {@link EvidenceType} says; {@code title} is an optional label for
 * people.
 */
public record Evidence(EvidenceType type, String ref, String title) {
}
