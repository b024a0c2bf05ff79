"""The content types of the observatory, one module per type."""
