-- The partnership lifecycle (issue 15): a business review's actions became tracked items (an owner side, an owner, a
-- due date, done or dropped), and the partnership view holds them in that shape, with partner reviews, the agreement,
-- scope, cost-share acceptances and spend. A view stored in the old shape cannot be read as the new one, so the
-- board's views are built again from the event store: emptied here, with board-views' token and position forgotten,
-- they are replayed from the first event when the query side starts (a processor seen for the first time replays
-- the whole history). Readers get 404 for a partnership or program until its events are replayed again.
TRUNCATE partnership_view, program_view, program_impact, program_curriculum;
DELETE FROM token_entry WHERE processor_name = 'board-views';
DELETE FROM read_model_position WHERE processor = 'board-views';
