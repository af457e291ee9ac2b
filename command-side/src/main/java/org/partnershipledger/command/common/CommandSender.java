package org.partnershipledger.command.common;

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
 */
@Component
public class CommandSender {

    private final CommandGateway commands;
    private final Idempotency idempotency;

    CommandSender(CommandGateway commands, Idempotency idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    public ResponseEntity<Map<String, Object>> send(Object command, CommandResponses planned) {
        Idempotency.Request request = Idempotency.Request.current();
        if (request == null) {
            Long version = commands.sendAndWait(command);
            return planned.withVersion(version);
        }
        try {
            Long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.from(request.metadata(planned))));
            return planned.withVersion(version);
        } catch (RuntimeException refused) {
            // the twin of this request may have been accepted meanwhile: then its answer is ours
            return idempotency.replay(request).orElseThrow(() -> refused);
        }
    }
}
