-- Each level-3/4 impact record looks for its program's pivots still waiting for a measurement. Through the
-- primary key that visited every pivot the program ever had, measured or not, so a program's thousandth record
-- cost a thousand row visits. Only the waiting ones are indexed here, and a filled pivot leaves the index.
CREATE INDEX pivot_impact_unmeasured ON analytics.pivot_impact_lead_time (program_id, to_version)
    WHERE impact_id IS NULL;
-- A withdrawn record flags the pivot it measured; without this the flag scanned the whole table.
CREATE INDEX pivot_impact_measured_by ON analytics.pivot_impact_lead_time (impact_id)
    WHERE impact_id IS NOT NULL;
