package org.partnershipledger.command.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command for a controller and answers with its planned response. With an {@code Idempotency-Key}, the
 * response is recorded in the command's own transaction (see {@link IdempotencyRecorder}), and a retry that lost
 * a race to its twin gets the twin's response.
 *
 * <p>A command that lost a race for its aggregate's next sequence number is sent again ({@link LostRaces}). That happens when two command sides share one PostgreSQL store: each keeps aggregates in memory,
 * and the one whose copy is stale finds the number taken when it appends. Its unit of work rolls back, the stale
 * copy is evicted, and the command runs again on the aggregate as stored, so its rules are checked against what
 * really happened (a version in {@code If-Match} is still checked, and refused when it no longer holds). Only
 * when every attempt loses is it {@code 409 CONCURRENT_MODIFICATION}.
 */
@Component
public class CommandSender {

    private final CommandGateway commands;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    CommandSender(CommandGateway commands, Idempotency idempotency, ObjectMapper json) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * The planned response, or a stored one, as {@code answer}: a record with the fields of the planned body and
     * {@code version}, in that order, so the JSON is the same whichever it was.
     */
    public <T> ResponseEntity<T> send(Object command, CommandResponses planned, Class<T> answer) {
        ResponseEntity<Map<String, Object>> response = send(command, planned);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .body(json.convertValue(response.getBody(), answer));
    }

    private ResponseEntity<Map<String, Object>> send(Object command, CommandResponses planned) {
        Idempotency.Request request = Idempotency.Request.current();
        if (request == null) {
            Long version = LostRaces.retried(() -> commands.sendAndWait(command));
            return planned.withVersion(version);
        }
        try {
            Long version = LostRaces.retried(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.from(request.metadata(planned)))));
            return planned.withVersion(version);
        } catch (RuntimeException refused) {
            // the twin of this request may have been accepted meanwhile: then its answer is ours
            try {
                return idempotency.replay(request).orElseThrow(() -> refused);
            } catch (Idempotency.OutcomePending twinNotConfirmedYet) {
                throw refused;
            }
        }
    }
}
