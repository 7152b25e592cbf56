-- Fewer b-tree pages written per ingest commit (docs/benchmarks.md, receiver throughput).

-- Nothing reads messages by time (the raw messages are kept for audit and replay by id), and this
-- index was one more page every commit wrote.
DROP INDEX IF EXISTS messages_received;
