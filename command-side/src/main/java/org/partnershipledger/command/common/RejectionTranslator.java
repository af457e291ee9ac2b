package org.partnershipledger.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * Turns every way a command can be refused into {@link RejectionDetails}, in one place, where the command is
 * handled. Rules refused by aggregates, unknown aggregates and stale versions reach the caller with a status
 * and a stable code. Conflicts found only when the events are appended (after the handler) are mapped by
 * {@link CommandProblemHandler}.
 */
public class RejectionTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (LedgerRejection rejection) {
            throw rejected(rejection.details(), rejection);
        } catch (AggregateNotFoundException notFound) {
            throw rejected(RejectionDetails.of(ProblemCode.NOT_FOUND,
                    "No such " + aggregateOf(unitOfWork) + ": " + notFound.getAggregateIdentifier()), notFound);
        } catch (ConflictingAggregateVersionException stale) {
            throw rejected(RejectionDetails.of(ProblemCode.VERSION_MISMATCH, "The " + aggregateOf(unitOfWork)
                    + " has changed since the version you sent; read it again and retry"), stale);
        }
    }

    private static CommandExecutionException rejected(RejectionDetails details, Throwable cause) {
        return new CommandExecutionException(details.message(), cause, details);
    }

    private static String aggregateOf(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        // every command on an aggregate says which (CommandsNameTheirAggregateTest), so this default is never seen
        return unitOfWork.getMessage().getPayload() instanceof AggregateCommand command ? command.aggregateName()
                : "aggregate";
    }
}
