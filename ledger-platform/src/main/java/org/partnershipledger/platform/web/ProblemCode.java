package org.partnershipledger.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Every {@code code} the ledger answers in problem+json, with its HTTP status and what it tells a client. A code is
 * a promise to clients (they branch on it), so it is written here once and referred to by name everywhere else; a
 * rename is a compile error, not a silent change on the wire. {@code ProblemCatalogueTest} fails when a code is
 * used as a string anywhere, and when the table in docs/api.md differs from this list.
 */
public enum ProblemCode {

    // The web layer, both services
    BAD_REQUEST(HttpStatus.BAD_REQUEST,
            "The request is malformed in a way no other code names: a URL or header that cannot be read, an If-Match "
                    + "that is not an ETag of the ledger"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "The body is not valid JSON for this operation"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "A field or parameter is missing or invalid; `errors` names the fields"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Credentials are missing or not valid"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "The caller's role does not allow this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "No such path, or the command names a partnership or program that does not exist"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "The path does not take this HTTP method"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "The path cannot answer in a media type the Accept header allows"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is over the limit (256 KiB by default)"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body's Content-Type is not one the path takes"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR,
            "The ledger failed on the request; nothing was changed by it unless a response said so"),
    INTERNAL_SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR,
            "The web framework failed on the request (such as a response it could not write); like INTERNAL_ERROR"),
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
            "The event store or database is not answering; retry after Retry-After (with the same Idempotency-Key)"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The request timed out inside the service; retry it"),

    // Every command
    REASON_REQUIRED(HttpStatus.BAD_REQUEST, "A change of direction (or an eviction) needs a reason"),
    VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED,
            "If-Match names a version that is no longer current; read it again and retry"),
    CONCURRENT_MODIFICATION(HttpStatus.CONFLICT,
            "Another change to the same partnership or program was recorded first; nothing was recorded, retry"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY,
            "This Idempotency-Key was already used with a different request; use a new key"),
    EVIDENCE_INVALID(HttpStatus.BAD_REQUEST,
            "An evidence reference has no type, or its ref does not fit its type (a URI, a review period, a UUID)"),
    UNKNOWN_DECISION_REF(HttpStatus.CONFLICT,
            "decisionRef names no business review held in this partnership"),
    APPROVER_NOT_STEERING_MEMBER(HttpStatus.CONFLICT,
            "approvedBy must name a steering member of the partnership's governance charter"),

    // Partnership commands
    PARTNERSHIP_NOT_FOUND(HttpStatus.NOT_FOUND, "No such partnership, or not one the caller may see"),
    CANDIDATE_NOT_FOUND(HttpStatus.NOT_FOUND, "No such candidate in the partnership"),
    CONCERN_NOT_FOUND(HttpStatus.NOT_FOUND, "No such concern in the partnership"),
    DUPLICATE_KPI(HttpStatus.BAD_REQUEST, "A KPI id is listed twice"),
    EVIDENCE_REQUIRED(HttpStatus.BAD_REQUEST, "A due-diligence assessment needs evidence"),
    PARTNERSHIP_ENDED(HttpStatus.CONFLICT, "The partnership has ended: nothing changes in it or its programs"),
    INVALID_STAGE(HttpStatus.CONFLICT, "The partnership is not at the stage this step needs"),
    ALREADY_SHORTLISTED(HttpStatus.CONFLICT, "The organisation is already a candidate in this partnership"),
    ALREADY_SELECTED(HttpStatus.CONFLICT, "The candidate is already selected"),
    DUE_DILIGENCE_INCOMPLETE(HttpStatus.CONFLICT, "The candidate is not assessed on every required criterion yet"),
    DUE_DILIGENCE_FAILED(HttpStatus.CONFLICT, "The candidate scored below the pass mark on a required criterion"),
    NO_SELECTED_PARTNER(HttpStatus.CONFLICT, "Onboarding needs a selected partner"),
    NO_GOVERNANCE_CHARTER(HttpStatus.CONFLICT, "A business review needs a governance charter"),
    REVIEW_ALREADY_HELD(HttpStatus.CONFLICT, "A business review is already recorded for this period"),
    CONCERN_ALREADY_RESOLVED(HttpStatus.CONFLICT, "The concern is already resolved"),
    DUPLICATE_BUSINESS_UNIT(HttpStatus.CONFLICT, "A business unit appears twice in the cost split"),
    SHARES_MUST_TOTAL_100(HttpStatus.CONFLICT, "The cost shares do not total 100%"),
    CANDIDATE_DECLINED(HttpStatus.CONFLICT, "The candidate was declined: it takes no further step here"),
    NOT_SELECTED(HttpStatus.CONFLICT, "Only a selected partner is offboarded; a candidate is declined"),
    PARTNER_OFFBOARDED(HttpStatus.CONFLICT, "The partner was offboarded: it takes no further step here"),
    PARTNER_ACCESS_ENDED(HttpStatus.CONFLICT,
            "The partner organisation was declined or offboarded here: it reads what happened until then, read-only"),

    // Partnership lifecycle: review actions, partner reviews, agreement and renewal, scope, spend
    REVIEW_ACTION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such business review action in the partnership"),
    REVIEW_ACTION_CLOSED(HttpStatus.CONFLICT, "The review action is already completed or dropped"),
    PARTNER_REVIEW_ALREADY_RECORDED(HttpStatus.CONFLICT,
            "A partner review is already recorded for this partner and period"),
    PARTNER_NOT_SELECTED(HttpStatus.CONFLICT, "Only a selected partner still in the coalition is reviewed"),
    NO_AGREEMENT(HttpStatus.CONFLICT, "The partnership has no signed agreement yet"),
    AGREEMENT_ALREADY_SIGNED(HttpStatus.CONFLICT, "The agreement is already signed; renew it instead"),
    AGREEMENT_DATES_OUT_OF_ORDER(HttpStatus.CONFLICT,
            "A term starts before it ends and renews no later than it ends; a renewal moves both dates later"),
    AGREEMENT_NOT_RENEWED(HttpStatus.CONFLICT, "The agreement was already not renewed"),
    SCOPE_UNCHANGED(HttpStatus.CONFLICT, "Every region and program named is already in scope"),
    NO_COST_SHARING(HttpStatus.CONFLICT, "No cost split is agreed yet"),
    UNKNOWN_BUSINESS_UNIT(HttpStatus.CONFLICT, "The business unit is not in the current cost split"),
    COST_SHARE_ALREADY_ACCEPTED(HttpStatus.CONFLICT,
            "The business unit already accepted its share of the current split"),
    SPEND_CURRENCY_MISMATCH(HttpStatus.CONFLICT, "Spend is recorded in the currency of the cost split"),

    // Program commands
    COHORT_NOT_FOUND(HttpStatus.NOT_FOUND, "No such cohort in the program"),
    IMPACT_NOT_FOUND(HttpStatus.NOT_FOUND, "No such impact record in the program"),
    ROI_NEEDS_COST_AND_BENEFIT(HttpStatus.BAD_REQUEST, "A level-5 (ROI) impact record needs cost and monetaryBenefit"),
    PROGRAM_NOT_PROPOSED(HttpStatus.CONFLICT, "Only a proposed program can be approved, rejected or co-created"),
    PROGRAM_NOT_APPROVED(HttpStatus.CONFLICT, "The step needs an approved program"),
    PROGRAM_RETIRED(HttpStatus.CONFLICT, "The program is retired"),
    CURRICULUM_LOCKED(HttpStatus.CONFLICT, "An approved program's curriculum changes only by a pivot"),
    CO_CREATION_NEEDS_BOTH_SIDES(HttpStatus.CONFLICT,
            "Co-creation names at least one client SME and one partner learning designer"),
    ALREADY_LOCALIZED(HttpStatus.CONFLICT, "The program is already localised for this region and language"),
    COHORT_ALREADY_DELIVERED(HttpStatus.CONFLICT, "The cohort's delivery is already recorded"),
    COMPLETIONS_EXCEED_PARTICIPANTS(HttpStatus.CONFLICT, "More completions than the cohort has participants"),
    UNKNOWN_KPI(HttpStatus.CONFLICT, "The KPI is not one of the partnership's KPIs or the program's targets"),
    UNKNOWN_MODULE(HttpStatus.CONFLICT, "A module to remove is not in the current curriculum"),
    PIVOT_CHANGES_NOTHING(HttpStatus.CONFLICT, "A pivot adds or removes at least one module"),
    CURRICULUM_WOULD_BE_EMPTY(HttpStatus.CONFLICT, "A curriculum keeps at least one module"),
    PERIOD_IN_FUTURE(HttpStatus.CONFLICT, "Impact can only be recorded for a period that has ended"),
    IMPACT_ALREADY_WITHDRAWN(HttpStatus.CONFLICT, "The impact record is already withdrawn"),

    // Program lifecycle: measurement plan, localisation drift, curation
    DUPLICATE_LEVEL(HttpStatus.BAD_REQUEST, "A measurement plan lists a Kirkpatrick level twice"),
    LOCALIZATION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such localisation (region and language) in the program"),
    LOCALIZATION_UP_TO_DATE(HttpStatus.CONFLICT,
            "The localisation already adapts the current core curriculum: there is nothing to re-confirm"),
    CURATION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such curation in the program"),
    CURATION_ALREADY_RETIRED(HttpStatus.CONFLICT, "The curation is already retired"),

    // Learning records (xAPI)
    XAPI_VERSION_MISSING(HttpStatus.BAD_REQUEST, "The X-Experience-API-Version header is missing"),
    XAPI_VERSION_UNSUPPORTED(HttpStatus.BAD_REQUEST,
            "The X-Experience-API-Version is not one the ledger takes (1.0.x or 2.0.x)"),
    XAPI_STATEMENT_INVALID(HttpStatus.BAD_REQUEST,
            "A statement breaks a rule of the xAPI specification; the message names the rule and the path (a batch "
                    + "with one invalid statement stores nothing)"),
    XAPI_STATEMENT_CONFLICT(HttpStatus.CONFLICT,
            "A statement with this id is stored already with other content; nothing was stored"),
    XAPI_STATEMENT_NOT_FOUND(HttpStatus.NOT_FOUND,
            "No such statement (a voided one is read with voidedStatementId, a counted one with statementId)"),
    XAPI_SOURCE_NOT_FOUND(HttpStatus.NOT_FOUND, "No LRS source has this name"),

    // Query side
    PROGRAM_NOT_FOUND(HttpStatus.NOT_FOUND, "No such program, or not one the caller may see"),
    REVIEW_NOT_FOUND(HttpStatus.NOT_FOUND,
            "No business review was held for this period in the partnership, or not one the caller may see"),
    UNKNOWN_EVENT_TYPE(HttpStatus.NOT_FOUND, "No event of the public language has this type"),
    SUBSCRIPTION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such webhook subscription"),
    PROCESSOR_NOT_FOUND(HttpStatus.NOT_FOUND, "No read model or processor of that name"),
    PROCESSOR_NOT_REBUILDABLE(HttpStatus.CONFLICT,
            "The processor is no read model and is never rebuilt (the append-only audit log)"),
    DEAD_LETTER_NOT_FOUND(HttpStatus.NOT_FOUND, "No such dead letter"),
    CHECK_NOT_FOUND(HttpStatus.NOT_FOUND, "No such consistency check (only the latest few are kept)"),
    CHECK_NEEDS_POSTGRESQL_STORE(HttpStatus.CONFLICT, "The consistency check needs the PostgreSQL event store"),
    AUDIT_NO_CHECKPOINT(HttpStatus.NOT_FOUND, "The audit log has no signed checkpoint yet (one follows within seconds)"),
    AUDIT_NOT_LOGGED(HttpStatus.NOT_FOUND,
            "No event at that position is in the audit log yet, or not within the tree size asked for"),
    AUDIT_TREE_SIZE(HttpStatus.BAD_REQUEST,
            "A tree size is negative, beyond the log, or smaller than the one it must be consistent with"),
    AUDIT_VERIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such store verification (only the latest few are kept)"),
    NOT_YET_CONSISTENT(HttpStatus.SERVICE_UNAVAILABLE,
            "The read model has not reached minVersion within 5 s; retry after Retry-After"),
    WEBHOOK_TARGET_FORBIDDEN(HttpStatus.BAD_REQUEST,
            "The webhook URL's host resolves to a loopback, private, link-local or other non-public address"),

    // Authentication, both services
    TOO_MANY_FAILED_LOGINS(HttpStatus.TOO_MANY_REQUESTS,
            "This user name failed to log in too often; retry after Retry-After (the password was not checked)");

    private final HttpStatus status;
    private final String meaning;

    ProblemCode(HttpStatus status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    /** The status every answer with this code has. */
    public HttpStatus status() {
        return status;
    }

    /** What the code tells a client, in one line. */
    public String meaning() {
        return meaning;
    }

    /**
     * The code for a status the web framework answered without saying more (a 400 it raised, a 404 for a path no
     * controller has): the catalogue's general code for that status, else BAD_REQUEST or INTERNAL_SERVER_ERROR.
     */
    public static ProblemCode general(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST;
        };
    }
}
