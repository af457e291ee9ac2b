-- What a decision on a program is checked against (issue 15): the periods of the business reviews held in the
-- partnership (a decisionRef names one) and the steering members of its charter (an approvedBy must be one). Kept,
-- like the rest of the row, by the registry's subscribing processor in the transaction that appends the events.
--
-- Rows of partnerships registered before this migration have NULL here: SQL cannot honestly rebuild these lists
-- from the stored events (they may live in Axon Server, not in this database). While a column is NULL, the registry
-- reads that partnership's own events from the event store on each lookup instead (PartnershipRegistry.lookUp);
-- a charter set afterwards fills steering_members for good. New rows start with empty arrays.
ALTER TABLE partnership_registry ADD COLUMN reviewed_periods TEXT[];
ALTER TABLE partnership_registry ADD COLUMN steering_members TEXT[];
