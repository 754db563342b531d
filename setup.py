# Shim for tooling that predates PEP 517; the real metadata lives in pyproject.toml.
from setuptools import setup

setup()
