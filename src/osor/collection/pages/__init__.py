"""What the visitor's pages show, as plain data that views and tests share.

``formatting`` (dates, numbers, sizes, language and country names in the
visitor's language), ``translations`` (canonical items and language
fallbacks of listings), ``featured`` (items a facilitator pins on the
collection homepage), ``structured_data`` (schema.org JSON-LD) and
``europe_map`` (the competence centre's map, drawn without a map service).
The views of ``browser/pages.py`` are thin adapters over these modules.
"""
