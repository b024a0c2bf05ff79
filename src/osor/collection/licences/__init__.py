"""Licence knowledge: SPDX facts and compatibility, read from reviewed data
files in ``data/`` (each row with its sources), never from ``if`` chains.

``spdx`` (licence ids and expressions: parsing, suggestions, choices),
``vocabulary`` (the SPDX licence list as a vocabulary), ``knowledge``
(facts per licence), ``compatibility`` (the checker), ``expressions`` (a
solution's licences follow its expression), ``labels`` and ``pages``. It
depends on nothing of the add-on but ``parameters``: fields, content and
the legal service build on it.
"""
