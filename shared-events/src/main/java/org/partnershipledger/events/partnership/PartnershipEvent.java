package org.partnershipledger.events.partnership;

/** An event of a partnership: recorded by the partnership it names, under the aggregate type {@link #AGGREGATE}. */
public interface PartnershipEvent {

    /** The aggregate type the event store records for partnership events. */
    String AGGREGATE = "Partnership";

    PartnershipId partnershipId();
}
