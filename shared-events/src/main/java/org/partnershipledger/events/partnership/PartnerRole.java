package org.partnershipledger.events.partnership;

/** The part a partner plays in the coalition. */
public enum PartnerRole {
    TRAINING_PROVIDER,
    CONTENT_PROVIDER,
    FIELD_TRAINER,
    MOOC,
    GAME_DEVELOPER,
    SYSTEMS_INTEGRATOR,
    CENTRAL_LND
}
