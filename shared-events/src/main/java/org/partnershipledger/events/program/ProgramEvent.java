package org.partnershipledger.events.program;

/** An event of a program: recorded by the program it names, under the aggregate type {@link #AGGREGATE}. */
public interface ProgramEvent {

    /** The aggregate type the event store records for program events. */
    String AGGREGATE = "Program";

    ProgramId programId();
}
