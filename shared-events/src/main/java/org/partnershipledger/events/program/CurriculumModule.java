package org.partnershipledger.events.program;

/** One module of a curriculum version, in the order the curriculum lists it. */
public record CurriculumModule(ModuleId moduleId, String title) {
}
