"""The ``@membership`` endpoint of a collection, thin over the domain.

``membership.info`` builds what a visitor may know of a collection's
membership, ``membership.actions`` checks who acts and calls the members
API; the Classic UI views (``browser/membership.py``) use the same two, so
that the two interfaces cannot disagree on who may do what.
"""
