package org.partnershipledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.Refused;
import org.partnershipledger.query.readmodel.DeadLetters;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events a projection could not handle, parked per aggregate: list, retry a sequence, evict with a reason. */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record DeadLetterList(int count, List<DeadLetters.DeadLetter> deadLetters) {
    }

    record Evictions(List<DeadLetters.Eviction> evictions) {
    }

    record Retried(boolean handled, List<DeadLetters.DeadLetter> stillParked) {
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters",
            summary = "Parked events, per processor and aggregate, in order; the cause of each")
    DeadLetterList list(@RequestParam Optional<String> processor) {
        List<DeadLetters.DeadLetter> letters = deadLetters.list(processor);
        return new DeadLetterList(letters.size(), letters);
    }

    @GetMapping("/evictions")
    @Operation(operationId = "listEvictions", summary = "Letters evicted by hand: who, when, why")
    Evictions evictions() {
        return new Evictions(deadLetters.evictions());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "One parked event")
    @Rejects(ProblemCode.DEAD_LETTER_NOT_FOUND)
    DeadLetters.DeadLetter one(@PathVariable String id) {
        return letter(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(operationId = "retryDeadLetter", summary = "Handle the letter's sequence again, in order from its "
            + "first letter; what still fails stays parked with its latest cause")
    @Rejects(ProblemCode.DEAD_LETTER_NOT_FOUND)
    Retried retry(@PathVariable String id) {
        DeadLetters.DeadLetter letter = letter(id);
        boolean handled = deadLetters.retry(letter);
        List<DeadLetters.DeadLetter> left = deadLetters.list(Optional.of(letter.processor())).stream()
                .filter(other -> other.sequence().equals(letter.sequence())).toList();
        return new Retried(handled && left.isEmpty(), left);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "evictDeadLetter", summary = "Evict a letter for good, with the reason (required); "
            + "later letters of its sequence stay parked until retried")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.DEAD_LETTER_NOT_FOUND})
    DeadLetters.Eviction evict(@PathVariable String id, @RequestParam(required = false) String reason,
                               @Parameter(hidden = true) Authentication caller) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(ProblemCode.REASON_REQUIRED,
                    "Say why the letter is evicted: DELETE /api/admin/dead-letters/{id}?reason=...");
        }
        return deadLetters.evict(letter(id), reason.strip(), caller.getName());
    }

    private DeadLetters.DeadLetter letter(String id) {
        return deadLetters.find(id)
                .orElseThrow(() -> new NotFound(ProblemCode.DEAD_LETTER_NOT_FOUND, "No dead letter " + id));
    }
}
