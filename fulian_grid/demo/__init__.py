"""Dongying-shaped demo data, generated locally and deterministically (bulk paths, no per-row ORM)."""
