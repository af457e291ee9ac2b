package org.partnershipledger.query.partnership;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.ReviewAction;
import org.partnershipledger.events.partnership.Side;

/**
 * A business review action as the board tracks it: {@code OPEN}, {@code DONE} (with its note) or {@code DROPPED}
 * (with its reason), and when it was closed. {@code overdue} is not stored: it depends on the day it is read.
 */
public class ActionItem {

    public String actionId;
    public String period;
    public String description;
    public Side ownerSide;
    public String owner;
    public LocalDate dueDate;
    public String status = "OPEN";
    public String note;
    public String reason;
    public Instant closedAt;
    public List<Evidence> evidence = List.of();
    public String decisionRef;
    /** Open and due before the day it is read (set when read, never stored). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Boolean overdue;

    static ActionItem of(String period, ReviewAction action) {
        ActionItem item = new ActionItem();
        item.actionId = action.actionId();
        item.period = period;
        item.description = action.description();
        item.ownerSide = action.ownerSide();
        item.owner = action.owner();
        item.dueDate = action.dueDate();
        return item;
    }

    void close(String status, String note, String reason, List<Evidence> evidence, String decisionRef, Instant at) {
        this.status = status;
        this.note = note;
        this.reason = reason;
        this.evidence = evidence;
        this.decisionRef = decisionRef;
        this.closedAt = at;
    }

    /** Still open at {@code instant} (closed later, or not yet) and due before {@code day}. */
    public boolean overdueAt(LocalDate day, Instant instant) {
        boolean openThen = closedAt == null || closedAt.isAfter(instant);
        return openThen && dueDate != null && dueDate.isBefore(day);
    }
}
