"""Upgrade steps: one module per change that existing sites need (e.g.
``participation_hardening.py``), each idempotent; ``configure.zcml``
registers them under the profile version that brought them."""
