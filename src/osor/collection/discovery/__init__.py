"""Discovery: the faceted search of the site, a language root or a collection.

``facets.yaml`` / ``facets.py`` define the facets as data, ``params.py``
reads and checks a request's parameters, ``record_ids.py`` holds the catalog
set operations (what a visitor may see, per-value record sets, one record per
translation) and ``search.py`` puts them together. The Classic UI page
(``browser/faceted_search.py``) and the REST service
(``services/faceted_search/``) are thin adapters over ``faceted_search()``.
"""
