package org.partnershipledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.Problems;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.readmodel.DeadLetters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    @GetMapping
    @Operation(summary = "Parked events, per processor and aggregate, in order; the cause of each")
    Map<String, Object> list(@RequestParam Optional<String> processor) {
        List<DeadLetters.DeadLetter> letters = deadLetters.list(processor);
        return Map.of("count", letters.size(), "deadLetters", letters);
    }

    @GetMapping("/evictions")
    @Operation(summary = "Letters evicted by hand: who, when, why")
    Map<String, Object> evictions() {
        return Map.of("evictions", deadLetters.evictions());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One parked event")
    DeadLetters.DeadLetter one(@PathVariable String id) {
        return letter(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Handle the letter's sequence again, in order from its first letter; what still fails stays "
            + "parked with its latest cause")
    Map<String, Object> retry(@PathVariable String id) {
        DeadLetters.DeadLetter letter = letter(id);
        boolean handled = deadLetters.retry(letter);
        List<DeadLetters.DeadLetter> left = deadLetters.list(Optional.of(letter.processor())).stream()
                .filter(other -> other.sequence().equals(letter.sequence())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("handled", handled && left.isEmpty());
        body.put("stillParked", left);
        return body;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Evict a letter for good, with the reason (required); later letters of its sequence stay "
            + "parked until retried")
    ResponseEntity<?> evict(@PathVariable String id, @RequestParam(required = false) String reason,
                            Authentication caller) {
        if (reason == null || reason.isBlank()) {
            return Problems.respond(ProblemCode.REASON_REQUIRED,
                    "Say why the letter is evicted: DELETE /api/admin/dead-letters/{id}?reason=...");
        }
        return ResponseEntity.ok(deadLetters.evict(letter(id), reason.strip(), caller.getName()));
    }

    private DeadLetters.DeadLetter letter(String id) {
        return deadLetters.find(id)
                .orElseThrow(() -> new NotFound(ProblemCode.DEAD_LETTER_NOT_FOUND, "No dead letter " + id));
    }
}
