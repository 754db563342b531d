"""The shared read side: figures, registers and record sets that reports, API endpoints and Word
exports all read. Reports and api/ import from here, never from each other (tests/test_layers.py).
Each query applies the per-grid scope itself (permissions, subtree); none returns rows the reader
may not read."""
