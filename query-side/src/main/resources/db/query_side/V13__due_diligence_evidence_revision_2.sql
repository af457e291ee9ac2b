-- DueDiligenceAssessed revision 2: its evidence became typed references, and free text moved to notes. Events stored
-- as revision 1 are read as revision 2 (an upcaster), but the event log keeps the payloads it wrote before. Where it
-- holds a revision-1 payload, the event-log read model is rebuilt when the query side starts (blue/green, as an
-- operator's rebuild: the live log keeps answering until the copy takes over), so histories, time travel, the stream
-- and the export all carry the revision-2 shape under the type ledger.partnership.due-diligence-assessed.v2.
INSERT INTO read_model_rebuild (processor, requested_by, requested_at)
SELECT 'event-log', 'ledger (upgrade: due-diligence evidence, revision 2)', now()
WHERE EXISTS (SELECT 1 FROM analytics.event_log
              WHERE type = 'DueDiligenceAssessed' AND jsonb_typeof(payload -> 'evidence') = 'string')
ON CONFLICT (processor) DO UPDATE SET requested_by = EXCLUDED.requested_by, requested_at = EXCLUDED.requested_at,
                                      completed_at = NULL;
