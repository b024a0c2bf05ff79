"""The bulk catalogue: every public software solution, for harvesters.

``GET <site, language root or collection>/@catalogue`` pages through the
solutions visitors see (with their releases and distributions) in the order
of the catalog index ``osor_catalogue_key``: "when the solution's record last
changed" then its UID. The page after a cursor holds the solutions strictly
after the last key listed, so items added or changed while a harvester pages
never shift what remains to be read (an offset into a changing list would
skip or repeat items). ``modified_since`` lists only what changed since, plus
the tombstones of what left the public (``tombstones.py``). The JSON Lines
dump (``stream.py``) streams the same records from a snapshot of the database
without holding the catalogue in memory. See docs/catalogue.md.

- ``visibility``: which solutions are in the catalogue (what Anonymous sees);
- ``changes``: the "record changed" time, its index and the subscribers that
  keep it (and the tombstones) up to date;
- ``tombstones``: the persistent record of solutions that left the public;
- ``cursor``: the opaque cursor and the request parameters;
- ``records``: a solution as a JSON record;
- ``listing``: one page of the catalogue (keyset query);
- ``stream``: the JSON Lines dump.
"""
