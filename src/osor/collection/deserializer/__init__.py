"""The REST deserializer of our types: plone.restapi's, after a check of
the shape of every value (``content``): 400, never 500."""
