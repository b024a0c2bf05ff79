"""Licence knowledge: SPDX facts and compatibility, read from reviewed data
files in ``data/`` (each row with its sources), never from ``if`` chains."""
